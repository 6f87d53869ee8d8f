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
