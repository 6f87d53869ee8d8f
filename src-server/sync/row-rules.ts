/**
 * The pure part of applying a pushed row: its shape, folding several changes of one row in a
 * transaction into one, and what each policy (src-shared/sync/tables.ts) decides given the
 * server's row. No database here, so every policy is tested on plain values.
 */
import type { RowChange } from '../../src-shared/sync/protocol';
import type { SyncPolicy } from '../../src-shared/sync/tables';
import type { Row } from './scope';

/** Refuses the whole local transaction: it is rolled back to its savepoint and answered with code + message. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One row's net change in a local transaction. */
export interface NetChange {
  table: string;
  id: string;
  op: 'insert' | 'update' | 'delete';
  values: Row | null;
  old: Row | null;
}

/** The server's row as stored. */
export interface StoredRow {
  data: Row;
  version: number;
  deleted: boolean;
}

/** Columns that change with every edit: they travel with a change but never make a conflict by themselves. */
const BOOKKEEPING = new Set(['version', 'updated_at', 'updated_by']);

const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function checkRow(c: RowChange, which: 'values' | 'old', row: Row | null): void {
  if (row === null) return;
  for (const [k, v] of Object.entries(row)) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(k)) throw new Refusal('invalid_row', `${c.table} ${c.id}: ${which} has a bad column name "${k.slice(0, 70)}"`);
    if (!isScalar(v)) throw new Refusal('invalid_row', `${c.table} ${c.id}: ${which}.${k} is not a plain value (string, number, boolean or null)`);
    // PostgreSQL's jsonb cannot hold U+0000: refuse it here rather than fail the whole batch
    if (typeof v === 'string' && v.includes('\u0000')) throw new Refusal('invalid_row', `${c.table} ${c.id}: ${which}.${k} contains a NUL character`);
  }
  if (row.id !== c.id) throw new Refusal('invalid_row', `${c.table} ${c.id}: ${which}.id must equal the change's id`);
}

/** A change's values and old row: flat JSON scalars, the id matching, and present as its op says. */
export function checkShape(c: RowChange): void {
  const wants = { insert: [true, false], update: [true, true], delete: [false, true] }[c.op];
  if ((c.values !== null) !== wants[0] || (c.old !== null) !== wants[1]) {
    throw new Refusal('invalid_row', `${c.table} ${c.id}: an ${c.op} needs ${wants[0] ? 'values' : 'no values'} and ${wants[1] ? 'an old row' : 'no old row'}`);
  }
  checkRow(c, 'values', c.values);
  checkRow(c, 'old', c.old);
}

/** Several changes of one row in one local transaction become one: first old → last values. */
export function netChanges(changes: readonly RowChange[]): NetChange[] {
  const byKey = new Map<string, NetChange>();
  for (const c of changes) {
    const key = `${c.table}\u0000${c.id}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { table: c.table, id: c.id, op: c.op, values: c.values, old: c.old });
      continue;
    }
    const old = prev.old;
    const op = c.op === 'delete' ? 'delete' : old === null ? 'insert' : 'update';
    byKey.set(key, { table: c.table, id: c.id, op, values: c.values, old });
  }
  // an insert and a delete in the same transaction: nothing reaches the server
  return [...byKey.values()].filter((n) => !(n.op === 'delete' && n.old === null));
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** Whether the device's old row is what the server holds: by the version column, else by every value. */
export function isStale(old: Row | null, server: StoredRow): boolean {
  if (old === null) return true;
  if ('version' in old) return old.version !== server.version;
  const keys = new Set([...Object.keys(old), ...Object.keys(server.data)]);
  return [...keys].some((k) => !same(old[k], server.data[k]));
}

export type Decision =
  | { kind: 'noop' }
  | { kind: 'upsert'; data: Row }
  | { kind: 'delete' }
  | { kind: 'conflict'; fields: { field: string; server: unknown; device: unknown }[] };

const changedFields = (old: Row | null, values: Row) => Object.keys(values).filter((k) => old === null || !same(old[k], values[k]));

function merged(server: StoredRow, values: Row, fields: string[]): Decision {
  const data = { ...server.data };
  for (const f of fields) data[f] = values[f];
  const differs = Object.keys(data).some((k) => !BOOKKEEPING.has(k) && !same(data[k], server.data[k]));
  return differs ? { kind: 'upsert', data } : { kind: 'noop' };
}

const staleRefusal = (n: NetChange) => new Refusal('stale', `${n.table} ${n.id} was changed on another device; reload it and make the change again`);

/**
 * What the policy does with a change, given the server's live row (`undefined`: it has none;
 * a deleted row counts as none for the caller, which refuses updates of deleted rows).
 */
export function decide(policy: SyncPolicy, n: NetChange, server: StoredRow | undefined): Decision {
  if (n.op === 'delete') {
    if (!server) return { kind: 'noop' };
    if (policy === 'grade' && isStale(n.old, server)) {
      // deleting a value the device never saw would lose it: a person decides
      const fields = Object.keys(server.data).filter((k) => !BOOKKEEPING.has(k) && !same(server.data[k], n.old?.[k]));
      if (fields.length > 0) return { kind: 'conflict', fields: fields.map((f) => ({ field: f, server: server.data[f], device: null })) };
    }
    if ((policy === 'versioned' || (policy === 'reference' && hasVersion(n))) && isStale(n.old, server)) throw staleRefusal(n);
    return { kind: 'delete' };
  }
  const values = n.values!;
  if (!server) {
    if (n.op === 'update') throw new Refusal('not_found', `${n.table} ${n.id} is not on the server`);
    return { kind: 'upsert', data: values };
  }
  switch (policy) {
    case 'append':
      // a client-generated id the server already has: the same row delivered again
      if (n.op === 'insert') return { kind: 'noop' };
      if (hasVersion(n) && isStale(n.old, server)) throw staleRefusal(n);
      return merged(server, values, Object.keys(values));
    case 'field-merge':
      // each changed field on its own; the same field changed on two devices: the later push wins
      return merged(server, values, changedFields(n.old, values));
    case 'grade': {
      const fields = changedFields(n.old, values);
      if (isStale(n.old, server)) {
        const differing = fields.filter((f) => !BOOKKEEPING.has(f) && !same(server.data[f], values[f]));
        if (differing.length > 0) return { kind: 'conflict', fields: differing.map((f) => ({ field: f, server: server.data[f], device: values[f] })) };
      }
      return merged(server, values, fields);
    }
    case 'versioned':
      if (isStale(n.old, server)) throw staleRefusal(n);
      return merged(server, values, Object.keys(values));
    case 'reference':
      if (hasVersion(n) && isStale(n.old, server)) throw staleRefusal(n);
      return merged(server, values, Object.keys(values));
  }
}

function hasVersion(n: NetChange): boolean {
  return (n.values !== null && 'version' in n.values) || (n.old !== null && 'version' in n.old);
}

/** The version an applied row gets: past the server's, and never behind the device's own count. */
export function nextVersion(server: StoredRow | undefined, data: Row): number {
  const device = typeof data.version === 'number' ? data.version : 0;
  return server ? Math.max(server.version + 1, device) : Math.max(1, device);
}
