/**
 * Main side of the one IPC channel. Like VS Code's validatedIpcMain, the sender is checked
 * before anything else: only the main frame of a page on our own origin may call. An iframe
 * (even one on our origin), a page that navigated elsewhere, or a frame that is already gone
 * is refused without reaching the dispatcher. The envelope itself is untrusted; the
 * dispatcher validates it against the contract.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../src-shared/contract';
import type { Dispatch, Logger } from '../host/dispatcher';
import { isAppUrl } from './app-origin';
import { CALL_CHANNEL } from './ipc-channel';

export const FORBIDDEN_SENDER: CallResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Request refused: unknown sender.' },
};

const INTERNAL_FAILURE: CallResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Internal error.' },
};

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // destroyed or navigated away while the call was in flight
  let url: string;
  try {
    url = frame.url;
  } catch {
    return false; // Electron throws when a disposed frame is touched
  }
  if (!isAppUrl(url)) return false;
  return frame === event.sender.mainFrame;
}

/** The session key ties a sign-in to one window's web contents, never shared across windows. */
export function sessionKeyFor(event: SenderEvent): string {
  return `ipc:${event.sender.id}`;
}

/**
 * Operations whose answer is a path the shell shows in the system's file manager. The path
 * comes from the backend's answer (a finished print of this user), never from the page.
 */
const REVEAL_OPS: ReadonlySet<string> = new Set(['gradeSheets.batchFolder']);

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, log?: Logger, reveal?: (path: string) => void): void {
  ipcMain.handle(CALL_CHANNEL, async (event, envelope: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event)) return FORBIDDEN_SENDER;
    try {
      const result = await dispatch(sessionKeyFor(event), envelope);
      const op = (envelope as { op?: unknown } | null)?.op;
      if (reveal && result.ok && typeof op === 'string' && REVEAL_OPS.has(op)) reveal((result.data as { path: string }).path);
      return result;
    } catch (err) {
      // The dispatcher already turns handler errors into results; this is the last net so a
      // bug never sends an Error (with its stack) across the boundary.
      log?.error('IPC dispatch failed', err);
      return INTERNAL_FAILURE;
    }
  });
}
