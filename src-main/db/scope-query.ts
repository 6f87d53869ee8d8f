/**
 * The scope policy (src-shared/domain/scope-policy.ts) as SQL: the one helper repositories use
 * to narrow a query to the rows the caller may see. A query names its faculty column and, for
 * rows of students, its funding column.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { RowScope } from '../../src-shared/domain/scope-policy';

export interface ScopeColumns {
  /** e.g. 'gs.faculty_id' */
  faculty: string;
  /** e.g. 's.funding'; required where contract-students scope can apply */
  funding?: string;
}

export function scopeCondition(scope: RowScope, cols: ScopeColumns): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'faculty':
      return sql<SqlBool>`${sql.ref(cols.faculty)} = ${scope.facultyId}`;
    case 'contract':
      // rows of no student (no funding column) are not limited; a student's only when they pay
      return cols.funding ? sql<SqlBool>`${sql.ref(cols.funding)} = 'contract'` : sql<SqlBool>`1 = 1`;
  }
}

/** `q.where(scopeCondition(…))`, skipped when the scope is everything (a plainer plan). */
export function inScope<Q extends { where(e: Expression<SqlBool>): Q }>(q: Q, scope: RowScope, cols: ScopeColumns): Q {
  return scope.kind === 'all' ? q : q.where(scopeCondition(scope, cols));
}
