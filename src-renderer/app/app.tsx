import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AppInfo, SessionUser, SetupStateView } from '../../src-shared/contract';
import { call, errorMessage, onUnauthenticated } from '../api/client';
import { SignInScreen } from '../features/auth/sign-in-screen';
import { SetupScreen } from '../features/setup/setup-screen';
import { ErrorBanner } from '../ui/error-banner';
import { LanguageSwitch } from './language-switch';
import { LocaleProvider } from './locale-context';
import { LeaveGuardProvider } from './leave-guard';
import { Shell } from './shell';
import { DensityProvider } from './density';
import { setUniversityTimeZone } from './university-today';

type Boot =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'setup'; setup: SetupStateView }
  | { phase: 'ready'; info: AppInfo; user: SessionUser | null; notice: string | null };

/**
 * Startup: the university's name (`app.info`) and the session that may survive a reload
 * (`session.current`), then either the sign-in screen or the shell.
 */
function Root() {
  const intl = useIntl();
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setBoot({ phase: 'loading' });
    Promise.all([call('app.info', {}), call('session.current', {}), call('setup.state', {})]).then(
      ([info, user, setup]) => {
        setUniversityTimeZone(info.timeZone);
        // a workstation with no data yet: the demo, or connecting to the server, before sign-in
        if (live) setBoot(setup.needsSetup ? { phase: 'setup', setup } : { phase: 'ready', info, user, notice: null });
      },
      (e: unknown) => live && setBoot({ phase: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // a session that ended on the server sends the user back to sign-in, with the server's words
  useEffect(
    () =>
      onUnauthenticated((message) =>
        setBoot((b) => (b.phase === 'ready' && b.user ? { ...b, user: null, notice: message } : b)),
      ),
    [],
  );

  const signedIn = useCallback(
    (user: SessionUser) => setBoot((b) => (b.phase === 'ready' ? { ...b, user, notice: null } : b)),
    [],
  );
  const signedOut = useCallback(
    () => setBoot((b) => (b.phase === 'ready' ? { ...b, user: null, notice: null } : b)),
    [],
  );

  if (boot.phase === 'loading') {
    return (
      <div className="boot" data-testid="app-loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {intl.formatMessage({ id: 'app.loading' })}
      </div>
    );
  }
  if (boot.phase === 'error') {
    return (
      <div className="boot boot-error" data-testid="app-error">
        <div className="boot-lang">
          <LanguageSwitch />
        </div>
        <ErrorBanner message={boot.message} onRetry={() => setAttempt((a) => a + 1)} />
      </div>
    );
  }
  if (boot.phase === 'setup') {
    return <SetupScreen initial={boot.setup} onDone={() => setAttempt((a) => a + 1)} />;
  }
  if (!boot.user) {
    return <SignInScreen info={boot.info} notice={boot.notice} onSignedIn={signedIn} />;
  }
  return (
    <LeaveGuardProvider>
      <DensityProvider>
        <Shell key={boot.user.id} info={boot.info} user={boot.user} onSignedOut={signedOut} />
      </DensityProvider>
    </LeaveGuardProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Root />
    </LocaleProvider>
  );
}
