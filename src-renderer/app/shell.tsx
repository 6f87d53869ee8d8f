import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { AppInfo, SessionUser } from '../../src-shared/contract';
import { can } from '../../src-shared/domain/roles';
import { call } from '../api/client';
import { AuditScreen } from '../features/audit/audit-screen';
import { StudentsScreen } from '../features/students/students-screen';
import { HomePanel } from './home-panel';
import { LanguageSwitch } from './language-switch';
import { DensitySwitch } from './density';
import { useLeaveGuard } from './leave-guard';
import { localName, roleKey } from './labels';
import { useLocale } from './locale-context';
import { sectionsFor, type SectionId } from './navigation';
import { OrderLinkContext } from './order-link-context';
import { ReferenceProvider } from './reference-context';
import { SyncScreen } from '../features/sync/sync-screen';

// the Orders section is loaded on first use: offices without orders never download it
const OrdersScreen = lazy(() => import('../features/orders/orders-screen').then((m) => ({ default: m.OrdersScreen })));
// and so is Grade sheets: only the offices that keep grades need the grid
const GradesScreen = lazy(() => import('../features/grades/grades-screen').then((m) => ({ default: m.GradesScreen })));
// and Curricula: the teaching department's editor, read elsewhere now and then
const RegistrarScreen = lazy(() => import('../features/registrar/registrar-screen').then((m) => ({ default: m.RegistrarScreen })));
const CurriculaScreen = lazy(() => import('../features/curricula/curricula-screen').then((m) => ({ default: m.CurriculaScreen })));
// and the grading scale: only the administrator edits it, once a year or so
const GradingScaleScreen = lazy(() => import('../features/grading-scale/grading-scale-screen').then((m) => ({ default: m.GradingScaleScreen })));

interface ShellProps {
  info: AppInfo;
  user: SessionUser;
  onSignedOut(): void;
}

/** Left navigation (only what the role may do), a top bar with the user and language, the section. */
export function Shell({ info, user, onSignedOut }: ShellProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const sections = sectionsFor(user.role);
  const [active, setActive] = useState<SectionId | null>(sections[0]?.id ?? null);
  const [signingOut, setSigningOut] = useState(false);
  // an order opened from elsewhere (the student card); a new `visit` starts the section afresh
  const [orderRequest, setOrderRequest] = useState<string | null>(null);
  const [visit, setVisit] = useState(0);
  const canReadOrders = can(user.role, 'orders.read');
  // anything that takes the current screen away asks first when it holds unsaved work
  const guard = useLeaveGuard();
  const openOrder = useCallback(
    (id: string) =>
      guard(() => {
        setOrderRequest(id);
        setVisit((v) => v + 1);
        setActive('orders');
      }),
    [guard],
  );

  function go(section: SectionId) {
    guard(() => {
      setOrderRequest(null);
      setVisit((v) => v + 1);
      setActive(section);
    });
  }

  function signOut() {
    guard(() => void leaveSession());
  }

  async function leaveSession() {
    setSigningOut(true);
    try {
      await call('session.signOut', {});
    } catch {
      // the session is gone for us either way; the server forgets it on its own
    }
    onSignedOut();
  }

  return (
    <ReferenceProvider enabled={can(user.role, 'students.read')}>
      <div className="shell" data-testid="shell">
        <header className="topbar">
          <div className="topbar-brand">
            <span className="brand-mark brand-mark-small" aria-hidden="true" />
            <span className="topbar-app">{intl.formatMessage({ id: 'app.title' })}</span>
            <span className="topbar-university">{localName(info.university, locale)}</span>
          </div>
          <div className="topbar-right">
            <DensitySwitch />
            <LanguageSwitch />
            <div className="topbar-user" data-testid="current-user" data-role={user.role}>
              <span className="topbar-user-name">{user.displayName}</span>
              <span className="topbar-user-role">
                {intl.formatMessage({ id: 'shell.userRole' }, { role: intl.formatMessage({ id: roleKey(user.role) }) })}
              </span>
            </div>
            <button type="button" className="btn btn-quiet" onClick={signOut} disabled={signingOut} data-testid="signout">
              {intl.formatMessage({ id: 'shell.signOut' })}
            </button>
          </div>
        </header>
        {sections.length > 0 ? (
          <nav className="sidenav" aria-label={intl.formatMessage({ id: 'shell.nav' })}>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={s.id === active ? 'nav-item nav-item-active' : 'nav-item'}
                    aria-current={s.id === active ? 'page' : undefined}
                    onClick={() => go(s.id)}
                    title={intl.formatMessage({ id: s.label })}
                    data-testid={`nav-${s.id}`}
                  >
                    <span className={`nav-icon nav-icon-${s.id}`} aria-hidden="true" />
                    <span className="nav-label">{intl.formatMessage({ id: s.label })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main className={sections.length > 0 ? 'content' : 'content content-wide'} data-section={active ?? 'home'}>
          <OrderLinkContext.Provider value={canReadOrders ? openOrder : null}>
            {active === 'students' ? <StudentsScreen user={user} /> : null}
          </OrderLinkContext.Provider>
          {active === 'orders' ? <Lazy><OrdersScreen key={visit} user={user} initialOrderId={orderRequest} /></Lazy> : null}
          {active === 'grades' ? <Lazy><GradesScreen key={visit} user={user} /></Lazy> : null}
          {active === 'registrar' ? <Lazy><RegistrarScreen key={visit} user={user} /></Lazy> : null}
          {active === 'curricula' ? <Lazy><CurriculaScreen key={visit} user={user} /></Lazy> : null}
          {active === 'gradingScale' ? <Lazy><GradingScaleScreen key={visit} /></Lazy> : null}
          {active === 'audit' ? <AuditScreen /> : null}
          {active === 'sync' ? <SyncScreen /> : null}
          {active === null ? <HomePanel user={user} /> : null}
        </main>
      </div>
    </ReferenceProvider>
  );
}

/** A lazily loaded section: "Loading…" until its chunk arrives. */
function Lazy({ children }: { children: ReactNode }) {
  const intl = useIntl();
  return (
    <Suspense
      fallback={
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
