/**
 * The university's root key and the registrar workstations' keys it certified (issue 13).
 * The root key is made once, the first time a workstation asks (INSERT … ON CONFLICT keeps one
 * even when two server instances race); its private half is in this database, so whoever has
 * the database or a backup of it can certify keys — README, "Keys and what IT keeps safe".
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { SERVER_SERIES_PREFIX, type KeyCertificate } from '../../src-shared/domain/document-code';
import { addDays, addMonths } from '../../src-shared/domain/dates';
import { certifyKey, exportPrivateKey, importPrivateKey, newSigningKey, publicKeyFromRaw, rawPublicKey } from '../../src-main/platform/document-seal';
import type { ServerKysely } from '../db/connection';

export interface RootKey {
  publicKey: string;
  privateKey: KeyObject;
}


export async function rootKey(db: ServerKysely): Promise<RootKey> {
  let row = await db.selectFrom('root_key').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) {
    const made = newSigningKey();
    await db
      .insertInto('root_key')
      .values({ id: 1, public_key: rawPublicKey(made.publicKey), private_key: exportPrivateKey(made.privateKey) })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await db.selectFrom('root_key').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }
  return { publicKey: row.public_key, privateKey: importPrivateKey(row.private_key) };
}

export async function rootPublicKeyOnServer(db: ServerKysely): Promise<string> {
  return (await rootKey(db)).publicKey;
}

/** Certifies a workstation's public key for a year from `today`, in a series of its own. */
export async function certifyDeviceKey(db: ServerKysely, deviceId: string, publicKey: string, today: string): Promise<{ certificate: KeyCertificate; rootPublicKey: string }> {
  const root = await rootKey(db);
  const station = publicKeyFromRaw(publicKey);
  const n = await sql<{ n: number | string }>`SELECT nextval('key_series_seq') AS n`.execute(db);
  const series = `${SERVER_SERIES_PREFIX}${Number(n.rows[0]!.n)}`;
  const certificate = certifyKey(root.privateKey, station, { keyId: randomUUID(), series, validFrom: today, validTo: addDays(addMonths(today, 12), -1) });
  await db
    .insertInto('signing_key')
    .values({ key_id: certificate.keyId, device_id: deviceId, series, public_key: publicKey, valid_from: certificate.validFrom, valid_to: certificate.validTo, certificate: JSON.stringify(certificate) })
    .execute();
  return { certificate, rootPublicKey: root.publicKey };
}

export interface SigningKeyView {
  keyId: string;
  deviceId: string;
  deviceName: string;
  series: string;
  validFrom: string;
  validTo: string;
  certifiedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

const keyColumns = ['signing_key.key_id', 'signing_key.device_id', 'device.name', 'signing_key.series', 'signing_key.valid_from', 'signing_key.valid_to', 'signing_key.certified_at', 'signing_key.revoked_at', 'signing_key.revoke_reason'] as const;

function keyView(r: { key_id: string; device_id: string; name: string; series: string; valid_from: string; valid_to: string; certified_at: Date; revoked_at: Date | null; revoke_reason: string | null }): SigningKeyView {
  return {
    keyId: r.key_id,
    deviceId: r.device_id,
    deviceName: r.name,
    series: r.series,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    certifiedAt: new Date(r.certified_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    revokeReason: r.revoke_reason,
  };
}

export async function listSigningKeys(db: ServerKysely): Promise<SigningKeyView[]> {
  const rows = await db.selectFrom('signing_key').innerJoin('device', 'device.id', 'signing_key.device_id').select(keyColumns).orderBy('signing_key.certified_at').orderBy('signing_key.key_id').execute();
  return rows.map(keyView);
}

export async function signingKey(db: ServerKysely, keyId: string): Promise<SigningKeyView | undefined> {
  const r = await db.selectFrom('signing_key').innerJoin('device', 'device.id', 'signing_key.device_id').select(keyColumns).where('signing_key.key_id', '=', keyId).executeTakeFirst();
  return r && keyView(r);
}

export async function keyOfSeries(db: ServerKysely, series: string) {
  return db.selectFrom('signing_key').select(['key_id', 'device_id', 'valid_from', 'valid_to', 'revoked_at']).where('series', '=', series).executeTakeFirst();
}

/** Revokes a key (revoking twice keeps the first time and reason). */
export async function revokeSigningKey(db: ServerKysely, keyId: string, reason: string): Promise<SigningKeyView | undefined> {
  await db.updateTable('signing_key').set({ revoked_at: new Date(), revoke_reason: reason }).where('key_id', '=', keyId).where('revoked_at', 'is', null).execute();
  return signingKey(db, keyId);
}

/** A revoked device's keys go with it: a stolen laptop signs nothing that verifies online. */
export async function revokeDeviceKeys(db: ServerKysely, deviceId: string, reason: string): Promise<number> {
  const r = await db.updateTable('signing_key').set({ revoked_at: new Date(), revoke_reason: reason }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The register's entry of a number, as synced (null: the server has no such number). */
export async function registerEntry(db: ServerKysely, number: string): Promise<{ code: string; revokedAt: string | null; revokeReason: string | null } | null> {
  const r = await db
    .selectFrom('sync_row')
    .select('data')
    .where('tbl', '=', 'issued_document')
    .where(sql<string>`data->>'number'`, '=', number)
    .where('deleted', '=', false)
    .executeTakeFirst();
  if (!r) return null;
  const d = r.data as { code: string; revoked_at: string | null; revoke_reason: string | null };
  return { code: d.code, revokedAt: d.revoked_at ?? null, revokeReason: d.revoke_reason ?? null };
}
