/**
 * What an action that needs every grade saved (close, export, import from the teacher's file)
 * tells the user while some are not: waiting helps only rows that are on their way; a row with
 * a refused cell stays on this computer until it is fixed, so "wait" would be a wait forever.
 */
import type { GradeSheetDetail } from '../../../src-shared/contract';
import type { Locale, MessageKey } from '../../../src-shared/i18n';
import { localName } from '../../app/labels';
import { cellProblemMessage } from './grade-cells';
import type { GridRow } from './use-grade-sheet';

export function pendingHint(unsaved: boolean, heldRows: number): { id: MessageKey; values?: { count: number } } | null {
  if (heldRows > 0) return { id: 'grades.pending.fixFirst', values: { count: heldRows } };
  return unsaved ? { id: 'grades.export.saveFirst' } : null;
}

type Say = (id: MessageKey, values?: Record<string, string | number | null>) => string;

/** The reason of every wrong cell of a row: the local rule first, else the server's refusal. */
export function rowProblemTexts(row: Pick<GridRow, 'ev' | 'server'>, columns: readonly string[], say: Say): Record<string, string> {
  const out: Record<string, string> = {};
  for (const col of columns) {
    const local = row.ev.problems[col];
    if (local) {
      const m = cellProblemMessage(local);
      out[col] = say(m.id, m.values);
    } else if (row.server[col]) out[col] = row.server[col];
  }
  return out;
}

/** Rows typed here that cannot be saved until fixed (a wrong cell, or one the server refused). */
export function heldRows<R extends Pick<GridRow, 'edited' | 'ev' | 'server'>>(rows: readonly R[]): R[] {
  return rows.filter((r) => r.edited && (!r.ev.valid || Object.keys(r.server).length > 0));
}

/** "row 4, Exam: more than 40" — the first thing to fix, for the status line and the leave question. */
export function firstHeldProblem(
  rows: readonly Pick<GridRow, 'edited' | 'ev' | 'server' | 'position'>[],
  columns: readonly string[],
  columnLabel: (col: string) => string,
  say: Say,
): string | null {
  for (const row of heldRows(rows)) {
    const texts = rowProblemTexts(row, columns, say);
    const col = columns.find((c) => texts[c]);
    // a row refused as a whole (no cell named) still has a number the clerk can find
    if (!col) return say('grades.held.rowOnly', { row: row.position });
    return say('grades.held.row', { row: row.position, column: columnLabel(col), problem: texts[col]! });
  }
  return null;
}

/** A column's header as the grid shows it. */
export function columnLabel(parts: GradeSheetDetail['parts'], col: string, locale: Locale, say: Say): string {
  const part = parts.find((p) => p.key === col);
  return part ? localName(part.label, locale) : say('grades.col.mark');
}
