import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { deviceScope, type DeviceScope, type DeviceView, type HeartbeatRequest } from '../../src-shared/sync/protocol';
import type { ServerKysely } from '../db/connection';
import type { DeviceTable } from '../db/schema';
import { newDeviceToken, tokenHash } from '../auth/device-token';

export type DeviceRow = Selectable<DeviceTable>;

export interface Device {
  id: string;
  role: string;
  scope: DeviceScope;
  revoked: boolean;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toDeviceView(r: DeviceRow): DeviceView {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scope: deviceScope.parse(r.scope),
    enrolledAt: iso(r.enrolled_at)!,
    enrolledBy: r.enrolled_by,
    revokedAt: iso(r.revoked_at),
    lastSeenAt: iso(r.last_seen_at),
    pending: r.pending,
    oldestPendingAt: r.oldest_pending_at,
    lastSeq: Number(r.last_seq),
    lastError: r.last_error,
  };
}

/** Enrols a device; the token is returned once and only its hash is kept. */
export async function enrolDevice(
  db: ServerKysely,
  d: { name: string; role: string; scope: DeviceScope; enrolledBy: string },
): Promise<{ id: string; token: string; incarnation: string }> {
  const id = randomUUID();
  const token = newDeviceToken();
  const incarnation = randomUUID();
  await db
    .insertInto('device')
    .values({ id, name: d.name, role: d.role, scope: JSON.stringify(d.scope), token_hash: tokenHash(token), enrolled_by: d.enrolledBy, last_seq: 0, incarnation })
    .execute();
  return { id, token, incarnation };
}

export async function deviceByToken(db: ServerKysely, token: string): Promise<Device | undefined> {
  const r = await db.selectFrom('device').select(['id', 'role', 'scope', 'revoked_at']).where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  return r && { id: r.id, role: r.role, scope: deviceScope.parse(r.scope), revoked: r.revoked_at !== null };
}

export async function listDevices(db: ServerKysely): Promise<DeviceView[]> {
  const rows = await db.selectFrom('device').selectAll().orderBy('enrolled_at').orderBy('id').execute();
  return rows.map(toDeviceView);
}

/** Revokes a device (its token stops working at once); revoking twice keeps the first time. */
export async function revokeDevice(db: ServerKysely, id: string): Promise<DeviceView | undefined> {
  await db.updateTable('device').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const r = await db.selectFrom('device').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toDeviceView(r);
}

/** What a device says of itself, so the admin can see a stuck one (pending count and age). */
export async function recordHeartbeat(db: ServerKysely, id: string, h: HeartbeatRequest): Promise<DeviceView> {
  const r = await db
    .updateTable('device')
    .set({ last_seen_at: new Date(), pending: h.pending, oldest_pending_at: h.oldestPendingAt, app_version: h.appVersion, last_error: h.lastError })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDeviceView(r);
}

export async function touchDevice(db: ServerKysely, id: string): Promise<void> {
  await db.updateTable('device').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

/** Of these mutation ids, the ones the server has no answer for under any device. */
export async function unknownMutations(db: ServerKysely, ids: readonly string[]): Promise<string[]> {
  const known = await db.selectFrom('device_mutation').select('mutation_id').where(sql<boolean>`mutation_id = ANY(${[...ids]}::text[])`).execute();
  const seen = new Set(known.map((r) => r.mutation_id));
  return ids.filter((id) => !seen.has(id));
}

/** The university's faculties as the server holds them, by code: what a workstation can be connected to. */
export async function facultyList(db: ServerKysely): Promise<{ id: string; code: string; name_ky: string; name_ru: string; name_en: string }[]> {
  const rows = await db.selectFrom('sync_row').select(['id', 'data']).where('tbl', '=', 'faculty').where('deleted', '=', false).execute();
  return rows
    .map((r) => {
      const d = r.data as { code: string; name_ky: string; name_ru: string; name_en: string };
      return { id: r.id, code: d.code, name_ky: d.name_ky, name_ru: d.name_ru, name_en: d.name_en };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
