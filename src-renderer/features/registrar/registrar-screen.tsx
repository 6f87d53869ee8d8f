import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';
import { IssueCertificate } from './issue-certificate';
import { RegisterList } from './register-list';
import { TranscriptsPrintPanel } from './transcripts-print-panel';
import { VerifyPanel } from './verify-panel';

type Tab = 'issue' | 'bulk' | 'register' | 'verify';

/** The registrar's office ("single window"): issue a certificate, transcripts in bulk, the register, verify a document. */
export function RegistrarScreen({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const certify = can(user.role, 'documents.certify');
  const tabs: Tab[] = [...(certify ? (['issue'] as const) : []), ...(can(user.role, 'grades.read') ? (['bulk'] as const) : []), 'register', 'verify'];
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  return (
    <section className="registrar-screen" data-testid="registrar-screen" data-tab={tab}>
      <div className="page-head">
        <h1 className="page-title">{t('nav.registrar')}</h1>
      </div>
      <div className="tabs" role="tablist" aria-label={t('nav.registrar')}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)} data-testid={`registrar-tab-${x}`}>
            {t(`registrar.tab.${x}` as MessageKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'issue' ? <IssueCertificate /> : null}
        {tab === 'bulk' ? <TranscriptsPrintPanel /> : null}
        {tab === 'register' ? <RegisterList canCertify={certify} canRevoke={can(user.role, 'documents.revoke')} /> : null}
        {tab === 'verify' ? <VerifyPanel /> : null}
      </div>
    </section>
  );
}
