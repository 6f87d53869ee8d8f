import type { Migration } from '../../../db/migrations/migration';

/**
 * A server restored from a backup (issue 11, case 7): the device must be able to send again
 * what the server confirmed and then lost.
 * - `outbox.pushed_seq`: the number the server knew each answered change by (the renumbering
 *   after a restored replica moves later ones, so it cannot be recomputed);
 * - `sync_sent` and `sync_sent_mutation`: the rows and the mutations of answered transactions,
 *   kept about 30 days (pruned by push), put back on their way when the server lost them —
 *   `sync_change` and `outbox` keep meaning what they meant. A restored replica backup keeps the
 *   journal of the replica it replaced, so what was sent after the backup is not forgotten;
 * - `sync_state.confirmed_seq`: the highest number the server confirmed, compared with what the
 *   server says it has; `cursor_mark`: which change the cursor points at, so a server whose change
 *   log was rolled back is noticed even when it has grown past the cursor again;
 * - `needs_rebase`: a replica restored in the app takes new numbers before it sends anything;
 *   `next_incarnation`: the one it asked for, asked again if the answer was lost;
 * - what was done, for the Sync screen: when the restore was noticed, how many changes went again,
 *   how many were too old to.
 */
export const m0012SyncRecovery: Migration = {
  version: 12,
  name: 'sync-recovery',
  up: `
ALTER TABLE outbox ADD COLUMN pushed_seq INTEGER;
ALTER TABLE sync_state ADD COLUMN confirmed_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN cursor_mark TEXT;
ALTER TABLE sync_state ADD COLUMN server_restored_at TEXT;
ALTER TABLE sync_state ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN too_old INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN needs_rebase INTEGER NOT NULL DEFAULT 0 CHECK (needs_rebase IN (0, 1));
ALTER TABLE sync_state ADD COLUMN next_incarnation TEXT;
CREATE TABLE sync_sent (
  seq INTEGER PRIMARY KEY,
  tx_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  values_json TEXT,
  old_json TEXT,
  answered_at TEXT NOT NULL
) STRICT;
CREATE INDEX sync_sent_tx_idx ON sync_sent(tx_id, seq);
CREATE INDEX sync_sent_answered_idx ON sync_sent(answered_at);
CREATE TABLE sync_sent_mutation (
  mutation_id TEXT PRIMARY KEY,
  outbox_seq INTEGER NOT NULL,
  tx_id TEXT NOT NULL,
  name TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  base_version INTEGER,
  user_id TEXT,
  schema_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  answered_at TEXT NOT NULL
) STRICT;
CREATE INDEX sync_sent_mutation_answered_idx ON sync_sent_mutation(answered_at);
`,
};
