import type { Migration } from '../../../db/migrations/migration';
import { captureTriggersSql } from '../../sync/migrations/0010-sync';

/** The register's synced columns (every column: the register is the server's too). */
export const ISSUED_DOCUMENT_COLUMNS_V16: readonly string[] = [
  'id', 'number', 'series', 'seq', 'type', 'student_id', 'faculty_id', 'issued_on', 'lang', 'purpose', 'fields_json', 'content_hash', 'key_id', 'code',
  'duplicate_of', 'issued_by', 'workstation', 'revoked_at', 'revoked_by', 'revoke_reason', 'version', 'created_at', 'updated_at',
];

/**
 * The registrar's register of issued documents (issue 13) and this workstation's signing keys.
 *
 * A number is the series of the key that signed it and a sequence within that series
 * ("A1-000017"). A series belongs to one key, and a key to one workstation (the authority that
 * certifies it assigns the series), so two workstations issuing offline can never produce the
 * same number, and the signed certificate in every code binds the number to its workstation.
 * The register syncs (field-merge: an issue is a new row, a revocation changes three columns).
 * signing_key never leaves the workstation: its private key is stored sealed like the device
 * token (platform/token-seal.ts).
 */
export const m0016DocumentRegister: Migration = {
  version: 16,
  name: 'document-register',
  up: `
CREATE TABLE issued_document (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  series TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  type TEXT NOT NULL CHECK (type IN ('study', 'academic', 'transcript')),
  student_id TEXT NOT NULL REFERENCES student(id),
  faculty_id TEXT NOT NULL REFERENCES faculty(id),
  issued_on TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ky', 'ru', 'en')),
  purpose TEXT NOT NULL DEFAULT '',
  -- the essential fields the code signs, and a hash of the whole content
  fields_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  key_id TEXT NOT NULL,
  code TEXT NOT NULL,
  -- a reprint is a new entry naming the original (printed "DUPLICATE" with the original's number)
  duplicate_of TEXT REFERENCES issued_document(id),
  issued_by TEXT REFERENCES app_user(id),
  workstation TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES app_user(id),
  revoke_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (series, seq),
  CHECK (revoked_at IS NULL OR (revoke_reason IS NOT NULL AND revoke_reason <> ''))
) STRICT;
CREATE INDEX issued_document_student_idx ON issued_document(student_id);
CREATE INDEX issued_document_issued_idx ON issued_document(issued_on);

CREATE TABLE signing_key (
  key_id TEXT PRIMARY KEY,
  series TEXT NOT NULL UNIQUE,
  certificate_json TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
${captureTriggersSql({ issued_document: ISSUED_DOCUMENT_COLUMNS_V16 })}
`,
};
