/**
 * What an action that needs every grade saved (close, export, import from the teacher's file)
 * tells the user while some are not: waiting helps only rows that are on their way; a row with
 * a refused cell stays on this computer until it is fixed, so "wait" would be a wait forever.
 */
import type { MessageKey } from '../../../src-shared/i18n';

export function pendingHint(unsaved: boolean, heldRows: number): { id: MessageKey; values?: { count: number } } | null {
  if (heldRows > 0) return { id: 'grades.pending.fixFirst', values: { count: heldRows } };
  return unsaved ? { id: 'grades.export.saveFirst' } : null;
}
