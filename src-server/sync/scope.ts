/**
 * Which rows a device may see and write (src-shared/sync/tables.ts, ScopeRule). Every stored
 * row and change-log entry carries its faculty (null: the whole university) and whether it
 * is a contract student's, so the same test is one SQL condition on pull and bootstrap.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DeviceScope } from '../../src-shared/sync/protocol';
import type { SyncTable } from '../../src-shared/sync/tables';

export interface RowTags {
  facultyId: string | null;
  contract: boolean;
}

export type Row = Record<string, unknown>;

/** A dean's office: its faculty; accounting: contract students; HR: university-wide rows only. */
export function inScope(scope: DeviceScope, t: RowTags): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'faculty':
      return t.facultyId === null || t.facultyId === scope.facultyId;
    case 'contract':
      return t.facultyId === null || t.contract;
    case 'hr':
      return t.facultyId === null;
  }
}

/** The same rule as SQL over a table with `faculty_id` and `contract` columns. */
export function scopeCondition(scope: DeviceScope): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`TRUE`;
    case 'faculty':
      return sql<SqlBool>`(faculty_id IS NULL OR faculty_id = ${scope.facultyId})`;
    case 'contract':
      return sql<SqlBool>`(faculty_id IS NULL OR contract)`;
    case 'hr':
      return sql<SqlBool>`faculty_id IS NULL`;
  }
}

const asId = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/**
 * A row's tags from its values. `via` takes the parent's stored faculty (and contract flag:
 * a contract student's history is accounting's too); `parent` answers from the store, which
 * already holds parents written earlier in the same transaction. Undefined: no parent, or none
 * the server has.
 */
export async function tagsOf(table: SyncTable, values: Row, parent: (table: string, id: string) => Promise<RowTags | undefined>): Promise<RowTags | undefined> {
  const contract = table.contractColumn !== undefined && values[table.contractColumn] === 'contract';
  switch (table.scope.kind) {
    case 'university':
      return { facultyId: null, contract };
    case 'column':
      return { facultyId: asId(values[table.scope.column]), contract };
    case 'via': {
      // no parent is no scope, never "the whole university": such a row is refused, not published
      const parentId = asId(values[table.scope.column]);
      if (parentId === null) return undefined;
      const p = await parent(table.scope.table, parentId);
      return p && { facultyId: p.facultyId, contract: contract || p.contract };
    }
  }
}
