/**
 * Main's side of the scope policy: services ask here which rows a caller reaches and refuse
 * what lies outside; they never look at role names themselves.
 */
import type { SessionUser } from '../../src-shared/contract';
import type { MessageKey } from '../../src-shared/i18n';
import { rowInScope, scopeOf, type Resource, type RowScope, type ScopeAction, type ScopedRow } from '../../src-shared/domain/scope-policy';
import { forbidden } from '../host/app-error';

/** The caller's scope for a resource; refused outright when it reaches no rows at all. */
export function scopeFor(session: SessionUser, resource: Resource, action: ScopeAction): RowScope {
  const scope = scopeOf(session, resource, action);
  if (scope.kind === 'none') throw forbidden();
  return scope;
}

/** Whether a row is in the caller's scope (for marking, not refusing). */
export function isInScope(session: SessionUser, resource: Resource, action: ScopeAction, row: ScopedRow): boolean {
  return rowInScope(scopeOf(session, resource, action), row);
}

/** Refuses (with `key`) a row outside the caller's scope for the resource. */
export function assertInScope(session: SessionUser, resource: Resource, action: ScopeAction, row: ScopedRow, key: MessageKey = 'error.forbidden'): void {
  if (!isInScope(session, resource, action, row)) throw forbidden(key);
}
