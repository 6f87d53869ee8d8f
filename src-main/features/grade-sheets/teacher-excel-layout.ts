/**
 * What the teacher's workbook (teacher-excel.ts) and its import agree on: how a file names
 * the grade sheet it was exported from, which column holds what, and which row is which
 * student — so a file of another sheet, rows the teacher re-sorted, columns they inserted and
 * values changed in UniDesk since the export are all told apart.
 *
 * Identification, in three places that each survive what a teacher does to a file:
 * 1. A "veryHidden" worksheet (Excel offers no way to unhide it) named IDENT_SHEET: the sheet
 *    id and number, the part keys in column order, and the roster as exported (student id,
 *    mark, points per part), with a checksum over all of it so an edited or damaged copy is
 *    refused rather than half-trusted.
 * 2. A hidden row right above the table's header: one key per column ("#name", "part:m1",
 *    "#mark", …). Columns are found by these keys, so a column the teacher inserts is ignored
 *    and a deleted one is reported by name.
 * 3. A hidden last column holding each row's student id: sorting moves it with the row, so
 *    re-sorted rows still map to the right students; a row without one was typed by hand.
 */
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { GradeMark } from '../../../src-shared/domain/grading';
import { translate, type Locale } from '../../../src-shared/i18n';
import type { Sex } from '../../../src-shared/domain/person';
import { readMark } from '../../../src-shared/domain/grade-marks';

export const IDENT_SHEET = 'unidesk-id';
export const IDENT_FORMAT = 'unidesk.teacher-grades';
export const IDENT_VERSION = 1;

export const COL = {
  no: '#no',
  name: '#name',
  recordBook: '#recordBook',
  mark: '#mark',
  total: '#total',
  /** the printed sheet's total column, where "absent" / "not admitted" stand instead of a total */
  markOrTotal: '#markOrTotal',
  studentId: '#studentId',
  /** in the id column under the printed sheet's last student: what follows (the counts) is no student */
  end: '#end',
} as const;
export const partColumnKey = (part: string) => `part:${part}`;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RosterEntry {
  studentId: string;
  mark: GradeMark | null;
  /** points as exported, in the order of Identification.parts */
  parts: (number | null)[];
}

export interface Identification {
  sheetId: string;
  sheetNumber: string;
  parts: string[];
  /** the language the file was written in: the import words problems about columns in it */
  lang: 'ky' | 'ru';
  roster: RosterEntry[];
}

function checksum(id: Identification): string {
  const canonical = JSON.stringify([IDENT_VERSION, id.sheetId, id.sheetNumber, id.parts, id.lang, id.roster.map((r) => [r.studentId, r.mark, r.parts])]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** Layout of IDENT_SHEET: A1 format and version, key/value rows 2–6, the roster under its header row. */
const ROSTER_HEADER_ROW = 8;

export function writeIdentification(wb: ExcelJS.Workbook, id: Identification): void {
  const ws = wb.addWorksheet(IDENT_SHEET, { state: 'veryHidden' });
  ws.addRow([IDENT_FORMAT, IDENT_VERSION]);
  ws.addRow(['sheetId', id.sheetId]);
  ws.addRow(['sheetNumber', id.sheetNumber]);
  ws.addRow(['parts', ...id.parts]);
  ws.addRow(['lang', id.lang]);
  ws.addRow(['checksum', checksum(id)]);
  ws.addRow([]);
  ws.addRow(['studentId', 'mark', ...id.parts]);
  for (const r of id.roster) ws.addRow([r.studentId, r.mark ?? null, ...r.parts]);
}

export type IdentificationResult = { ok: true; id: Identification } | { ok: false; reason: 'missing' | 'garbled' };

/** Finds the identification sheet by its A1 marker (a rename by another program does not lose it). */
export function readIdentification(wb: ExcelJS.Workbook): IdentificationResult {
  const ws = wb.worksheets.find((w) => cellText(w.getCell(1, 1)) === IDENT_FORMAT);
  if (!ws) return { ok: false, reason: 'missing' };
  const garbled = { ok: false, reason: 'garbled' } as const;
  if (ws.getCell(1, 2).value !== IDENT_VERSION) return garbled;
  const field = (row: number, name: string) => (cellText(ws.getCell(row, 1)) === name ? cellText(ws.getCell(row, 2)) : null);
  const sheetId = field(2, 'sheetId');
  const sheetNumber = field(3, 'sheetNumber');
  const lang = field(5, 'lang');
  const sum = field(6, 'checksum');
  if ((lang !== 'ky' && lang !== 'ru') || !sheetId || !UUID_RE.test(sheetId) || !sheetNumber || !sum || cellText(ws.getCell(4, 1)) !== 'parts') return garbled;
  const parts = textsFrom(ws.getRow(4), 2);
  if (parts.length === 0 || parts.some((p) => p === '')) return garbled;
  const header = textsFrom(ws.getRow(ROSTER_HEADER_ROW), 1);
  if (JSON.stringify(header) !== JSON.stringify(['studentId', 'mark', ...parts])) return garbled;
  const roster: RosterEntry[] = [];
  for (let r = ROSTER_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const studentId = cellText(row.getCell(1));
    if (studentId === '') continue;
    const markText = cellText(row.getCell(2));
    const mark = markText === '' ? null : markText === 'absent' || markText === 'not_admitted' ? markText : undefined;
    const points = parts.map((_, i) => {
      const v = row.getCell(3 + i).value;
      return v === null || v === undefined ? null : typeof v === 'number' ? v : undefined;
    });
    if (!UUID_RE.test(studentId) || mark === undefined || points.some((p) => p === undefined)) return garbled;
    roster.push({ studentId, mark, parts: points as (number | null)[] });
  }
  const id: Identification = { sheetId, sheetNumber, parts, lang, roster };
  return checksum(id) === sum ? { ok: true, id } : garbled;
}

/** Texts of a row from column `from` to its last non-empty cell. */
function textsFrom(row: ExcelJS.Row, from: number): string[] {
  const out: string[] = [];
  for (let c = from; c <= row.cellCount; c++) out.push(cellText(row.getCell(c)));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** A cell as text: rich text joined, hyperlinks by their text, formulas by their cached result. */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value);
}

export function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : valueText(v.result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue);
  return '';
}

/**
 * The word for a mark. The teacher's drop-down offers one word per mark (the masculine in
 * Russian); the import takes either gender.
 */
export const markWord = (locale: Locale, mark: GradeMark, sex: Sex = 'M') =>
  translate(locale, mark === 'absent' ? 'doc.sheet.mark.absent' : 'doc.sheet.mark.not_admitted', { sex });

/**
 * null for a blank cell, undefined for a word that is no mark: the same words the grid takes
 * (src-shared/domain/grade-marks.ts), so "н" or "д" typed in Excel is read as on screen.
 */
export function parseMark(text: string): GradeMark | null | undefined {
  return readMark(text);
}

/** Column headers as the file prints them, "Модуль 1 (30)". */
export function partHeader(lang: 'ky' | 'ru', part: { label: { ky: string; ru: string }; max: number }): string {
  return translate(lang, 'teacherXlsx.col.part', { label: part.label[lang], max: part.max });
}
