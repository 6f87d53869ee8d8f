import { useIntl } from 'react-intl';
import type { SessionUser } from '../../src-shared/contract';
import { roleKey } from './labels';

/** For offices whose modules are not in this release yet (HR, planning-finance): a friendly word, not an empty screen. */
export function HomePanel({ user }: { user: SessionUser }) {
  const intl = useIntl();
  return (
    <section className="home-panel" data-testid="home-panel">
      <h1 className="page-title">{intl.formatMessage({ id: 'home.title' }, { name: user.displayName })}</h1>
      <p className="home-text">
        {intl.formatMessage({ id: 'home.later' }, { role: intl.formatMessage({ id: roleKey(user.role) }) })}
      </p>
    </section>
  );
}
