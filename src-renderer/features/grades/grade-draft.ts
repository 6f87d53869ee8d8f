/**
 * Grades typed but not yet saved live in localStorage, one entry per sheet, from the moment
 * they are typed until the server has them: closing the window, a crash or a lost network
 * never loses a grade. Reopening the sheet puts them back on top of the server's data and
 * sends them again.
 */
import type { GradeRowView } from '../../../src-shared/contract';
import { parsePoints } from '../../../src-shared/domain/grading';
import { MARK_COL, parseMark, serverText, type RowTexts } from './grade-cells';
import type { DraftStorage } from '../../ui/local-store';

/** Unsaved cell texts: student id → column → text as typed. */
export type Edits = Record<string, RowTexts>;


export const draftKey = (sheetId: string) => `unidesk.grades.${sheetId}`;

interface StoredDraft {
  v: 1;
  savedAt: string;
  edits: Edits;
}

function isEdits(x: unknown): x is Edits {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  return Object.values(x).every(
    (row) => row && typeof row === 'object' && !Array.isArray(row) && Object.values(row).every((t) => typeof t === 'string'),
  );
}

/** The stored edits of a sheet; anything unreadable counts as none. */
export function readDraft(storage: DraftStorage | null, sheetId: string): Edits {
  try {
    const raw = storage?.getItem(draftKey(sheetId));
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    return parsed.v === 1 && isEdits(parsed.edits) ? parsed.edits : {};
  } catch {
    return {};
  }
}

/** Stores the edits (or forgets the entry when there are none). Storage full or off: the edits stay in memory. */
export function writeDraft(storage: DraftStorage | null, sheetId: string, edits: Edits, now: Date = new Date()): void {
  try {
    if (!storage) return;
    if (Object.keys(edits).length === 0) storage.removeItem(draftKey(sheetId));
    else storage.setItem(draftKey(sheetId), JSON.stringify({ v: 1, savedAt: now.toISOString(), edits } satisfies StoredDraft));
  } catch {
    // quota exceeded or storage disabled by policy: nothing more can be done here
  }
}

/** Whether a typed text means what the server already has ("25,0" is 25; "н" is absent). */
export function sameAsServer(row: Pick<GradeRowView, 'parts' | 'mark'>, col: string, text: string): boolean {
  if (col === MARK_COL) {
    const m = parseMark(text);
    return m.ok && m.value === row.mark;
  }
  const p = parsePoints(text);
  const v = row.parts[col];
  return p.ok && p.value === (v === undefined ? null : v);
}

/**
 * The stored edits that still mean something for the sheet as the server has it now: students
 * still on it, columns it still has, and texts that differ from the saved value (those were
 * saved after all, e.g. the answer arrived after the window closed).
 */
export function mergeDraft(rows: readonly Pick<GradeRowView, 'studentId' | 'parts' | 'mark'>[], columns: readonly string[], edits: Edits): Edits {
  const out: Edits = {};
  for (const row of rows) {
    const stored = edits[row.studentId];
    if (!stored) continue;
    for (const [col, text] of Object.entries(stored)) {
      if (!columns.includes(col) || sameAsServer(row, col, text)) continue;
      (out[row.studentId] ??= {})[col] = text;
    }
  }
  return out;
}

/** The texts a row shows: the server's values with the unsaved edits on top. */
export function rowTexts(row: Pick<GradeRowView, 'studentId' | 'parts' | 'mark'>, columns: readonly string[], edits: Edits): RowTexts {
  const texts: RowTexts = {};
  const edited = edits[row.studentId];
  for (const col of columns) texts[col] = edited?.[col] ?? serverText(row, col);
  return texts;
}

/** Sets cells (a typed value, a clear, a paste); returns new objects, never mutates. */
export function applyEdits(edits: Edits, changes: readonly { studentId: string; col: string; text: string }[]): Edits {
  const out: Edits = { ...edits };
  for (const c of changes) out[c.studentId] = { ...out[c.studentId], [c.col]: c.text };
  return out;
}

/** After a save: drops the edits the server now has, keeping any typed again while the batch was on its way. */
export function settleEdits(edits: Edits, sent: Edits): Edits {
  const out: Edits = {};
  for (const [studentId, row] of Object.entries(edits)) {
    const sentRow = sent[studentId];
    for (const [col, text] of Object.entries(row)) {
      if (sentRow && sentRow[col] === text) continue;
      (out[studentId] ??= {})[col] = text;
    }
  }
  return out;
}
