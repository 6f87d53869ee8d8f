import { z } from 'zod';
import { id } from './common';
import { operation } from './define';

export interface SyncStatusView {
  enrolled: boolean;
  serverUrl: string | null;
  deviceName: string | null;
  /** the workstation's office and what it sees, in the caller's language ("Dean's office · Faculty of Economics") */
  scopeLabel: string | null;
  /** the server was found restored from a backup: when, how many changes went again, how many were too old to */
  serverRestored: { at: string; resent: number; tooOld: number } | null;
  /** local changes the server has not confirmed yet, and the oldest one's time */
  pending: number;
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** the last failure in the caller's language, while it is unresolved */
  lastError: string | null;
  nextAttemptAt: string | null;
  running: boolean;
  /** rejected and conflicting changes waiting for a person */
  attention: number;
}

export interface SyncIssueView {
  id: string;
  /** 'received': a row from the server this replica could not store (set aside, sync went on) */
  kind: 'rejected' | 'conflict' | 'received';
  /** what the change was about, e.g. "Grade: Асанова А. — sheet 26-00012, Microeconomics" */
  subject: string;
  /** why, in the caller's language */
  reason: string;
  /** per field: what this device wanted and what the server holds */
  fields: { field: string; device: string; server: string }[];
  serverChangedBy: string | null;
  serverChangedAt: string | null;
  createdAt: string;
  /** "keep mine" is offered where re-applying this device's value is meaningful (grades) */
  canKeepMine: boolean;
}

export interface SyncRunView {
  applied: number;
  rejected: number;
  conflicts: number;
  pulled: number;
  pending: number;
}

export const syncContract = {
  'sync.status': operation<SyncStatusView>()(z.object({})),
  'sync.now': operation<SyncRunView>()(z.object({})),
  'sync.issues': operation<{ rows: SyncIssueView[] }>()(z.object({})),
  /** connect this workstation again (same server, office, scope) with the server administrator's sign-in; typed work is kept */
  'sync.reenrol': operation<{ carried: number }>()(z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })),
  /** disconnect this workstation: the server revokes it (the administrator's sign-in); the data stays; unsent changes refuse unless dropped */
  'sync.unenrol': operation<{ dropped: number }>()(
    z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), discardPending: z.boolean().default(false) }),
  ),
  'sync.resolve': operation<{ rows: SyncIssueView[] }>()(z.object({ issueId: id, choice: z.enum(['mine', 'theirs', 'dismissed']) })),
};
