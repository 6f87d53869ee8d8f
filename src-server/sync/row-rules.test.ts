import { describe, expect, it } from 'vitest';
import type { RowChange } from '../../src-shared/sync/protocol';
import { checkShape, decide, netChanges, nextVersion, Refusal, type NetChange, type StoredRow } from './row-rules';

const stored = (data: Record<string, unknown>): StoredRow => ({ data, version: typeof data.version === 'number' ? data.version : 1, deleted: false });
const upd = (table: string, old: Record<string, unknown>, values: Record<string, unknown>): NetChange => ({ table, id: String(old.id), op: 'update', old, values });
const refusalCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof Refusal ? e.code : 'not a refusal';
  }
  return 'no refusal';
};

describe('pushed row shape', () => {
  const base: RowChange = { table: 'grade', id: 'g1', op: 'update', values: { id: 'g1', mark: 'A' }, old: { id: 'g1', mark: null } };
  it('accepts flat scalar rows whose id is the change id', () => {
    expect(() => checkShape(base)).not.toThrow();
  });
  it.each([
    ['nested value', { ...base, values: { id: 'g1', mark: { a: 1 } } }],
    ['other id', { ...base, values: { id: 'g2', mark: 'A' } }],
    ['insert with old', { ...base, op: 'insert' as const }],
    ['delete with values', { ...base, op: 'delete' as const }],
    ['NUL in text', { ...base, values: { id: 'g1', mark: 'A\u0000' } }],
    ['odd column', { ...base, values: { id: 'g1', 'mark; drop': 'A' } }],
  ])('refuses a row with %s', (_what, change) => {
    expect(refusalCode(() => checkShape(change))).toBe('invalid_row');
  });
});

describe('net changes of one local transaction', () => {
  it('folds an insert then update into one insert, and drops an insert then delete', () => {
    const ch = (op: RowChange['op'], id: string, values: Record<string, unknown> | null, old: Record<string, unknown> | null): RowChange => ({ table: 'grade', id, op, values, old });
    const out = netChanges([
      ch('insert', 'a', { id: 'a', mark: null }, null),
      ch('update', 'a', { id: 'a', mark: 'B' }, { id: 'a', mark: null }),
      ch('insert', 'b', { id: 'b' }, null),
      ch('delete', 'b', null, { id: 'b' }),
      ch('update', 'c', { id: 'c', mark: 'C' }, { id: 'c', mark: 'X' }),
      ch('delete', 'c', null, { id: 'c', mark: 'C' }),
    ]);
    expect(out).toEqual([
      { table: 'grade', id: 'a', op: 'insert', values: { id: 'a', mark: 'B' }, old: null },
      { table: 'grade', id: 'c', op: 'delete', values: null, old: { id: 'c', mark: 'X' } },
    ]);
  });
});

describe('policies', () => {
  const g = { id: 'g1', mark: null, total: null, version: 1, updated_at: 't0' };
  const server = stored({ ...g, mark: 'A', version: 2, updated_at: 't1' });

  it('grade: a stale base with a different value is a conflict; the same value is not', () => {
    expect(decide('grade', upd('grade', g, { ...g, mark: 'B', version: 2, updated_at: 't2' }), server)).toEqual({
      kind: 'conflict', fields: [{ field: 'mark', server: 'A', device: 'B' }],
    });
    expect(decide('grade', upd('grade', g, { ...g, mark: 'A', version: 2, updated_at: 't2' }), server)).toEqual({ kind: 'noop' });
    // a fresh base applies
    expect(decide('grade', upd('grade', server.data, { ...server.data, mark: 'B' }), server)).toMatchObject({ kind: 'upsert', data: { mark: 'B' } });
    // a grade's fields hang together (parts → total → mark): from a stale base, any field it would change is a person's call
    expect(decide('grade', upd('grade', g, { ...g, total: 90 }), server)).toEqual({ kind: 'conflict', fields: [{ field: 'total', server: null, device: 90 }] });
  });

  it('grade: deleting a value the device never saw is a conflict too', () => {
    expect(decide('grade', { table: 'grade', id: 'g1', op: 'delete', values: null, old: g }, server)).toEqual({
      kind: 'conflict', fields: [{ field: 'mark', server: 'A', device: null }],
    });
  });

  it('field-merge: applies only the fields the device changed', () => {
    const s = { id: 's1', pin: '1', flag: 0, version: 1 };
    const srv = stored({ ...s, pin: '2', version: 2 });
    expect(decide('field-merge', upd('student', s, { ...s, flag: 1, version: 2 }), srv)).toEqual({ kind: 'upsert', data: { id: 's1', pin: '2', flag: 1, version: 2 } });
  });

  it('versioned and reference: a stale base is refused; reference without a version column applies', () => {
    const o = { id: 'o1', reason: 'a', version: 1 };
    const srv = stored({ ...o, reason: 'b', version: 2 });
    expect(refusalCode(() => decide('versioned', upd('student_order', o, { ...o, reason: 'c' }), srv))).toBe('stale');
    expect(refusalCode(() => decide('reference', upd('faculty', o, { ...o, reason: 'c' }), srv))).toBe('stale');
    const p = { id: 'p1', name: 'x' };
    expect(decide('reference', upd('position', p, { id: 'p1', name: 'y' }), stored({ id: 'p1', name: 'z' }))).toMatchObject({ kind: 'upsert', data: { name: 'y' } });
    // a versioned table without a version column compares the whole old row
    expect(refusalCode(() => decide('versioned', upd('student_order_item', p, { id: 'p1', name: 'y' }), stored({ id: 'p1', name: 'z' })))).toBe('stale');
  });

  it('append: an id the server has is the same row again; an update of a missing row is refused', () => {
    const h = { id: 'h1', kind: 'order' };
    expect(decide('append', { table: 'student_status_history', id: 'h1', op: 'insert', values: h, old: null }, stored(h))).toEqual({ kind: 'noop' });
    expect(refusalCode(() => decide('field-merge', upd('student', { id: 's9', v: 1 }, { id: 's9', v: 2 }), undefined))).toBe('not_found');
  });

  it('versions move past the server and never behind the device', () => {
    expect(nextVersion(stored({ version: 4 }), { version: 2 })).toBe(5);
    expect(nextVersion(stored({ version: 4 }), { version: 7 })).toBe(7);
    expect(nextVersion(undefined, {})).toBe(1);
  });
});
