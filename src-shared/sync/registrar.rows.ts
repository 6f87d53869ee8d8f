/** The register of issued documents (twin of migration 0016). */
import { col, rowSchema, rule } from './row-schema';

export const registrarRows = {
  issued_document: rowSchema(
    {
      number: col.nonEmpty('A1-000001'),
      series: col.nonEmpty('A1'),
      seq: col.int({ min: 1 }, 1),
      type: col.oneOf(['study', 'academic', 'transcript']),
      student_id: col.ref('student'),
      faculty_id: col.ref('faculty'),
      issued_on: col.date(),
      lang: col.oneOf(['ky', 'ru', 'en']),
      purpose: col.text(''),
      fields_json: col.nonEmpty('{}'),
      content_hash: col.pattern(/^[0-9a-f]{64}$/, '0'.repeat(64), 'a SHA-256 in hex'),
      key_id: col.nonEmpty('k'),
      code: col.nonEmpty('c'),
      duplicate_of: col.ref('issued_document').orNull,
      issued_by: col.ref('app_user').orNull,
      workstation: col.nonEmpty('w'),
      revoked_at: col.time().orNull,
      revoked_by: col.ref('app_user').orNull,
      revoke_reason: col.text().orNull,
      version: col.int({ min: 1 }),
      created_at: col.time(),
      updated_at: col.time(),
    },
    [
      rule('number', 'a number is its series and sequence', (r) => r.number === `${r.series}-${String(r.seq).padStart(6, '0')}`),
      rule('revoke_reason', 'a revocation needs its reason', (r) => r.revoked_at == null || (typeof r.revoke_reason === 'string' && r.revoke_reason.trim() !== '')),
    ],
  ),
};
