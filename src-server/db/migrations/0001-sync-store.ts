import type { ServerMigration } from './migration';

/**
 * The central store (issue 5): every synced table lives in one generic row store keyed by
 * (table, id) — the server never needs the replicas' columns, only the policy in
 * src-shared/sync/tables.ts — plus the change log devices pull from, the enrolled devices
 * with their idempotency mark, each pushed mutation's answer, and recorded conflicts.
 */
export const m0001SyncStore: ServerMigration = {
  version: 1,
  name: 'sync-store',
  up: `
-- ids compare byte-wise (COLLATE "C") so bootstrap pages "after id" never depend on a locale
CREATE TABLE sync_row (
  tbl TEXT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  data JSONB NOT NULL,
  version INTEGER NOT NULL,
  faculty_id TEXT,
  contract BOOLEAN NOT NULL DEFAULT FALSE,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  change_seq BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (tbl, id)
);
CREATE INDEX sync_row_scope_idx ON sync_row (tbl, faculty_id, id) WHERE NOT deleted;

-- written only under the push advisory lock: seq order is commit order, so a pull cursor
-- never passes a row that commits later with a smaller seq
CREATE TABLE change_log (
  seq BIGSERIAL PRIMARY KEY,
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  data JSONB,
  faculty_id TEXT,
  contract BOOLEAN NOT NULL DEFAULT FALSE,
  device_id TEXT,
  user_id TEXT,
  tx_id TEXT,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX change_log_faculty_idx ON change_log (faculty_id, seq);

CREATE TABLE device (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  scope JSONB NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  enrolled_by TEXT NOT NULL,
  revoked_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ,
  pending INTEGER NOT NULL DEFAULT 0,
  oldest_pending_at TEXT,
  last_seq BIGINT NOT NULL DEFAULT 0,
  last_error TEXT,
  app_version TEXT
);

-- the answer given to each pushed mutation, so a batch delivered twice is answered the same
CREATE TABLE device_mutation (
  device_id TEXT NOT NULL REFERENCES device(id),
  seq BIGINT NOT NULL,
  mutation_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
  code TEXT,
  message TEXT,
  conflicts JSONB,
  PRIMARY KEY (device_id, seq)
);

CREATE TABLE conflict (
  id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  device_id TEXT NOT NULL REFERENCES device(id),
  user_id TEXT,
  mutation_name TEXT NOT NULL,
  base_version INTEGER,
  server_version INTEGER,
  server_values JSONB,
  device_values JSONB,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_at TIMESTAMPTZ
);
CREATE INDEX conflict_open_idx ON conflict (tbl, row_id) WHERE resolved_at IS NULL;

CREATE TABLE server_user (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role <> ''),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
};
