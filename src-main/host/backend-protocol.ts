/**
 * Messages between Electron's main process (a thin router) and the backend process that runs
 * the dispatcher, the services and SQLite (a utilityProcess, as in Actual Budget and VS Code).
 * Plain data only: both sides check `type` before anything else.
 */
import type { CallResult, SessionUser } from '../../src-shared/contract';

export type ToBackend =
  /** first message: which replica to open, and the sign-ins to keep across a restart */
  | { type: 'init'; dbFile: string; sessions: [string, SessionUser][]; /** base64, from safeStorage: seals the device token */ tokenKey?: string | null }
  | { type: 'call'; id: number; sessionKey: string; envelope: unknown }
  | { type: 'close' };

export type FromBackend =
  | { type: 'ready'; dbFile: string }
  /** startup failed; `message` is written for the user (e.g. "the database file is damaged…") */
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  /** a sign-in or sign-out, mirrored in main so a restarted backend keeps it */
  | { type: 'session'; key: string; user: SessionUser | null }
  /** a long job's progress (the demo university on first start) */
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'closed' };

export function isToBackend(m: unknown): m is ToBackend {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'init' || t === 'call' || t === 'close';
}

export function isFromBackend(m: unknown): m is FromBackend {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'ready' || t === 'failed' || t === 'result' || t === 'session' || t === 'progress' || t === 'closed';
}
