import { describe, expect, it } from 'vitest';
import { refsOf } from './row-schema';
import { SYNC_SLICES } from './slices';
import { MUTATION_RULES, SYNC_TABLES } from './tables';

describe('the offices’ sync slices, composed', () => {
  it('list every table once, each parent before the rows that point at it', () => {
    const names = SYNC_TABLES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of SYNC_TABLES) {
      if (t.scope.kind === 'via') expect(names.indexOf(t.scope.table), `${t.name} → ${t.scope.table}`).toBeLessThan(names.indexOf(t.name));
      // every reference too: the server applies a transaction's rows in this order and checks each parent is there
      for (const r of refsOf(t.row)) if (r.table !== t.name) expect(names.indexOf(r.table), `${t.name}.${r.column} → ${r.table}`).toBeLessThan(names.indexOf(t.name));
    }
  });

  it('name each mutation in one slice only, and let it write only synced tables', () => {
    const seen = SYNC_SLICES.flatMap((s) => Object.keys(s.mutations));
    expect(new Set(seen).size).toBe(seen.length);
    expect(Object.keys(MUTATION_RULES).sort()).toEqual([...seen].sort());
    const names = new Set(SYNC_TABLES.map((t) => t.name));
    for (const [name, rule] of Object.entries(MUTATION_RULES)) for (const t of rule.tables) expect(names.has(t), `${name} writes ${t}`).toBe(true);
  });

  it('keep the 23 tables the replica and the server agreed on before the split, and the register (and "change after closing", "order in force", "visas", issue and revoke)', () => {
    expect(SYNC_TABLES).toHaveLength(24);
    expect(Object.keys(MUTATION_RULES)).toHaveLength(25);
    expect(MUTATION_RULES['document.revoke']).toEqual({ permission: 'documents.revoke', tables: ['issued_document'] });
    expect(MUTATION_RULES['orders.visas']).toEqual({ permission: 'documents.settings', tables: ['position'] });
    expect(MUTATION_RULES['order.inForce']).toEqual({ permission: 'students.write', tables: ['student', 'student_group'] });
  });
});
