import type { Migration } from '../../../db/migrations/migration';

/**
 * Sync that loses nothing (issue 11):
 * - "Needs attention" also holds rows received from the server that this replica could not
 *   store (kind 'received': no outbox entry or mutation behind them), so one bad row never
 *   stops a pull or leaves an enrolment empty;
 * - each replica has an incarnation (given by the server): a restored or copied replica is
 *   recognised, and `seq_shift` renumbers its unsent changes past what the server has, so a
 *   sequence number is never reused for different work.
 */
export const m0011SyncResilience: Migration = {
  version: 11,
  name: 'sync-resilience',
  up: `
CREATE TABLE sync_issue_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('rejected', 'conflict', 'received')),
  outbox_seq INTEGER,
  mutation_name TEXT,
  user_id TEXT,
  table_name TEXT,
  row_id TEXT,
  code TEXT,
  message TEXT,
  device_json TEXT,
  server_json TEXT,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs', 'dismissed')),
  CHECK (kind = 'received' OR (outbox_seq IS NOT NULL AND mutation_name IS NOT NULL))
) STRICT;
INSERT INTO sync_issue_new SELECT * FROM sync_issue;
DROP TABLE sync_issue;
ALTER TABLE sync_issue_new RENAME TO sync_issue;
CREATE INDEX sync_issue_open_idx ON sync_issue(resolved_at, created_at);
CREATE INDEX sync_issue_row_idx ON sync_issue(table_name, row_id) WHERE resolved_at IS NULL;

ALTER TABLE sync_state ADD COLUMN incarnation TEXT;
-- a pushed change's seq = outbox.seq - baseline_seq + seq_shift (moved on when renumbered)
ALTER TABLE sync_state ADD COLUMN seq_shift INTEGER NOT NULL DEFAULT 0;
`,
};
