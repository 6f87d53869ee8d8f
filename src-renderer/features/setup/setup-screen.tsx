import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { SetupFacultyView, SetupStateView } from '../../../src-shared/contract';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { deviceScopeKindOf } from '../../../src-shared/domain/scope-policy';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage, isApiError } from '../../api/client';
import { LanguageSwitch } from '../../app/language-switch';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';

const POLL_MS = 700;

/**
 * First start: the workstation has no data. "Demo university" makes one here; "Connect to the
 * university server" takes the server's address and its administrator's sign-in, lists the
 * faculties, and enrols this workstation for an office — with the loading's progress. When it
 * is done the app goes on to sign-in.
 */
export function SetupScreen({ initial, onDone }: { initial: SetupStateView; onDone(): void }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number | null>) => intl.formatMessage({ id }, values as Record<string, string>);
  const [state, setState] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [serverUrl, setServerUrl] = useState('https://');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [faculties, setFaculties] = useState<SetupFacultyView[] | null>(null);
  const [facultyId, setFacultyId] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const running = state.job !== null && !state.job.finished && state.job.error === null;

  // while a job runs, ask how far it is; when it is done, go on to sign-in
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      call('setup.state', {}).then(
        (s) => {
          setState(s);
          if (!s.needsSetup) onDone();
        },
        (e: unknown) => setError(errorMessage(e)),
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, onDone]);

  async function act(fn: () => Promise<SetupStateView>) {
    setError(null);
    setBusy(true);
    try {
      setState(await fn());
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function loadFaculties(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const r = await call('setup.faculties', { serverUrl: serverUrl.trim(), username: username.trim(), password });
      setFaculties(r.faculties);
      setFacultyId(r.faculties[0]?.id ?? '');
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const needsFaculty = deviceScopeKindOf(role) === 'faculty';
  const job = state.job;
  return (
    <div className="setup-page" data-testid="setup-screen">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <main className="setup-card">
        <h1 className="signin-title">{t('setup.title')}</h1>
        <p className="signin-subtitle">{t('setup.lead')}</p>
        {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="setup-error" /> : null}
        {job?.error ? <ErrorBanner message={job.error} testId="setup-job-error" /> : null}
        {running && job ? (
          <div className="setup-progress" role="status" data-testid="setup-progress">
            <span className="spinner" aria-hidden="true" />
            {job.kind === 'demo'
              ? t('setup.progress.demo', { stage: job.stage, done: job.done, total: job.total })
              : t('setup.progress.connect', { stage: job.stage, done: job.done })}
          </div>
        ) : (
          <div className="setup-choices">
            <section className="setup-choice" data-testid="setup-demo">
              <h2>{t('setup.demo.title')}</h2>
              <p className="muted">{t('setup.demo.text')}</p>
              <button type="button" className="btn" disabled={busy} onClick={() => void act(() => call('setup.demo', {}))} data-testid="setup-demo-start">
                {t('setup.demo.start')}
              </button>
            </section>
            <section className="setup-choice" data-testid="setup-connect">
              <h2>{t('setup.connect.title')}</h2>
              <p className="muted">{t('setup.connect.text')}</p>
              <form onSubmit={loadFaculties} noValidate>
                <TextField label={t('setup.field.server')} value={serverUrl} onChange={setServerUrl} testId="setup-server" />
                <TextField label={t('setup.field.username')} value={username} onChange={setUsername} testId="setup-username" autoComplete="off" />
                <TextField label={t('setup.field.password')} value={password} onChange={setPassword} type="password" testId="setup-password" autoComplete="off" />
                <SelectField label={t('setup.field.role')} value={role} onChange={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} testId="setup-role" />
                {faculties === null ? (
                  <button type="submit" className="btn" disabled={busy} data-testid="setup-check">
                    {t('setup.loadFaculties')}
                  </button>
                ) : (
                  <>
                    {needsFaculty ? (
                      <SelectField label={t('setup.field.faculty')} value={facultyId} onChange={setFacultyId} options={faculties.map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))} testId="setup-faculty" />
                    ) : null}
                    <TextField label={t('setup.field.deviceName')} value={deviceName} onChange={setDeviceName} testId="setup-device-name" />
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={busy}
                      data-testid="setup-connect-start"
                      onClick={() =>
                        void act(() =>
                          call('setup.connect', { serverUrl: serverUrl.trim(), username: username.trim(), password, role, facultyId: needsFaculty ? facultyId || null : null, deviceName: deviceName.trim() || t(`role.${role}`) }),
                        )
                      }
                    >
                      {t('setup.connect.start')}
                    </button>
                  </>
                )}
              </form>
            </section>
          </div>
        )}
      </main>
    </div>
  );
}
