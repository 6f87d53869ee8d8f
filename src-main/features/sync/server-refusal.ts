/**
 * What the server said when a workstation is connected, connected again or disconnected with an
 * administrator's sign-in — one wording for the first-start screen and the Sync screen. Never
 * `unauthenticated`: that code signs the person out of UniDesk, and a wrong *server* password
 * is not their session ending.
 */
import { AppError } from '../../host/app-error';
import { SyncHttpError } from './sync-http';

export function serverRefusal(e: unknown, serverUrl: string): AppError {
  if (e instanceof AppError) return e;
  if (!(e instanceof SyncHttpError)) return new AppError('unavailable', 'setup.error.other', { detail: e instanceof Error ? e.message : String(e) });
  if (e.code === 'invalid_credentials' || e.status === 401) return new AppError('forbidden', 'setup.error.credentials');
  if (e.code === 'forbidden' || e.status === 403) return new AppError('forbidden', 'setup.error.notAdmin');
  if (e.code === 'network' || e.code === 'timeout') return new AppError('unavailable', 'setup.error.network', { url: serverUrl });
  return new AppError('unavailable', 'setup.error.other', { detail: e.message });
}
