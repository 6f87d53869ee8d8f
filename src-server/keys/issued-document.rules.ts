/**
 * What the server re-checks in a pushed register entry (issue 13) — a device is never trusted:
 * a new entry is numbered in a series the root key certified to THIS device, on a day the key
 * was valid and before it was revoked, and its code verifies with the root key and names the
 * same number and date; an entry already issued changes only by being revoked (with a reason),
 * and a revocation is never undone.
 */
import { verifyCode } from '../../src-shared/domain/document-code';
import { nativeSignatureCheck } from '../../src-main/platform/document-seal';
import type { Row } from '../../src-shared/sync/row-schema';
import type { ServerKysely } from '../db/connection';
import type { Device } from '../devices/device.repository';
import { Refusal } from '../sync/row-rules';
import { keyOfSeries, rootPublicKeyOnServer } from './signing-key.repository';

/** What revoking may change on an issued document; everything else is the signed paper. */
const REVOKING = new Set(['revoked_at', 'revoked_by', 'revoke_reason', 'version', 'updated_at']);

export async function checkIssuedDocument(db: ServerKysely, device: Device, id: string, data: Row | null, before: Row | undefined): Promise<void> {
  const where = `issued_document ${id}`;
  if (data === null) throw new Refusal('document_issued', `${where}: an issued document is never deleted (revoke it)`);
  if (before) {
    const changed = Object.keys({ ...before, ...data }).find((k) => !REVOKING.has(k) && (data[k] ?? null) !== (before[k] ?? null));
    if (changed) throw new Refusal('document_issued', `${where}: ${changed}: an issued document changes only by being revoked`);
    if (before.revoked_at != null && data.revoked_at == null) throw new Refusal('document_issued', `${where}: revoked_at: a revocation is never undone`);
    return;
  }
  const series = String(data.series);
  const key = await keyOfSeries(db, series);
  if (!key || key.device_id !== device.id || key.key_id !== data.key_id) {
    throw new Refusal('unknown_key', `${where}: series: ${series} is not a series the university certified to this workstation`);
  }
  const issuedOn = String(data.issued_on);
  if (issuedOn < key.valid_from || issuedOn > key.valid_to) throw new Refusal('unknown_key', `${where}: issued_on: the key of series ${series} is valid ${key.valid_from}…${key.valid_to}`);
  // a key revoked (a stolen laptop) issues nothing new, whatever date the laptop shows
  if (key.revoked_at) throw new Refusal('key_revoked', `${where}: key_id: the key of series ${series} was revoked`);
  const check = verifyCode(String(data.code), await rootPublicKeyOnServer(db), nativeSignatureCheck);
  if (!check.ok) throw new Refusal('invalid_row', `${where}: code: the document's code does not verify (${check.reason})`);
  const { fields } = check;
  if (fields.number !== data.number || fields.issuedOn !== data.issued_on) throw new Refusal('invalid_row', `${where}: code: the signed number and date are not the entry's`);
}
