/** This workstation's signing keys and the university's key settings: their SQL. */
import type { Database } from '../../db/connection';
import type { WriteScope } from '../write-transaction';

export function setting(db: Database, key: string): string | null {
  return db.sync.first(db.kysely.selectFrom('settings').select('value').where('key', '=', key))?.value ?? null;
}

export function putSetting(w: WriteScope, key: string, value: string): void {
  w.sql.run(w.q.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}

/** The keys not retired, newest first (the service picks the one whose certificate covers today). */
export function liveKeyRows(db: Database) {
  return db.sync.all(db.kysely.selectFrom('signing_key').selectAll().where('retired_at', 'is', null).orderBy('created_at', 'desc'));
}

export function seriesInUse(db: Database): string[] {
  return db.sync.all(db.kysely.selectFrom('signing_key').select('series')).map((r) => r.series);
}

export function insertKey(w: WriteScope, row: { key_id: string; series: string; certificate_json: string; private_key: string; created_at: string }): void {
  w.sql.run(w.q.insertInto('signing_key').values({ ...row, retired_at: null }));
}

/**
 * A key the server's root certified: stored with the root's public key, and every older key
 * retired (a standalone replica's own keys, or last year's), in one transaction.
 */
export function storeCertifiedKey(db: Database, row: { key_id: string; series: string; certificate_json: string; private_key: string; created_at: string }, rootPublicKey: string, audit: (db: Database) => void): void {
  db.sqlite.transaction(() => {
    db.sync.run(db.kysely.updateTable('signing_key').set({ retired_at: row.created_at }).where('retired_at', 'is', null));
    db.sync.run(db.kysely.insertInto('signing_key').values({ ...row, retired_at: null }));
    db.sync.run(db.kysely.insertInto('settings').values({ key: 'registrar.root_public_key', value: rootPublicKey }).onConflict((oc) => oc.column('key').doUpdateSet({ value: rootPublicKey })));
    audit(db);
  })();
}
