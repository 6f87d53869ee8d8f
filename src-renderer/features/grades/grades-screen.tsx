import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import { useReference } from '../../app/reference-context';
import { ErrorBanner } from '../../ui/error-banner';
import { GradeSheetView } from './grade-sheet-view';
import { GradeSheetsList } from './grade-sheets-list';

/** The Grade sheets section: a session's sheets, or one sheet's entry grid. */
export function GradesScreen({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const reference = useReference();
  const [sessionId, setSessionId] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <section className="grades-screen" data-testid="grades-screen" data-view={openId ? 'sheet' : 'list'}>
      {reference.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      ) : null}
      {reference.phase === 'error' ? <ErrorBanner message={reference.message} onRetry={reference.retry} /> : null}
      {reference.phase === 'ready' && openId ? <GradeSheetView key={openId} id={openId} user={user} onBack={() => setOpenId(null)} /> : null}
      {reference.phase === 'ready' && !openId ? (
        <GradeSheetsList
          reference={reference.index}
          canEnter={can(user.role, 'grades.enter')}
          sessionId={sessionId}
          onSession={setSessionId}
          onOpen={setOpenId}
        />
      ) : null}
    </section>
  );
}
