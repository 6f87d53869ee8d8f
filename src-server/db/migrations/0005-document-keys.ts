import type { ServerMigration } from './migration';

/**
 * The university's keys for documents anyone can verify (issue 13): the root key that
 * certifies registrar workstations' keys (one row; its private half is what IT keeps safe —
 * README, "Keys and what IT keeps safe"), and every workstation key it certified, with the
 * number series that key alone issues in and its revocation (a stolen laptop). Series are
 * handed out from a sequence, so two workstations never share one. The register's numbers are
 * looked up by the public /verify page: an index on the synced rows' number.
 */
export const m0005DocumentKeys: ServerMigration = {
  version: 5,
  name: 'document-keys',
  up: `
CREATE TABLE root_key (
  id INT PRIMARY KEY CHECK (id = 1),
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE SEQUENCE key_series_seq;
CREATE TABLE signing_key (
  key_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES device(id),
  series TEXT NOT NULL UNIQUE,
  public_key TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  certificate JSONB NOT NULL,
  certified_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ,
  revoke_reason TEXT
);
CREATE INDEX signing_key_device_idx ON signing_key (device_id);
CREATE INDEX sync_row_document_number_idx ON sync_row ((data->>'number')) WHERE tbl = 'issued_document';
`,
};
