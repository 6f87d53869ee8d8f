/**
 * Reading the teacher's workbook back (teacher-excel-export.ts) into a preview: what would be
 * saved and every problem, each naming the row as Excel numbers it, the student, the column
 * header and the raw value. Nothing here writes; applyTeacherImport (teacher-excel.ts) saves
 * through the service's setGrades, all or nothing.
 *
 * What a cell means — compared with the value the file was exported with (kept in the
 * identification sheet), not with today's database:
 * - the same as exported: untouched, no change (even if UniDesk has changed it since: the
 *   database wins over a value the teacher did not touch);
 * - different, and the database still holds the exported value: the teacher's change. A
 *   cell emptied by the teacher clears the pre-filled value; a blank that was blank stays so;
 * - different, but UniDesk changed it too since the export: a conflict, listed as a problem
 *   (nobody's work is overwritten silently), unless both now agree.
 * Numbers are read as numbers, text with parsePoints ("25", "25,0"), formulas by their
 * cached result; the total column is ignored (it is the teacher's convenience formula).
 * The printed sheet's own workbook carries the same identification (grade-sheet-document.ts)
 * and imports the same way; its mark is written in the total's cell.
 */
import ExcelJS from 'exceljs';
import type { GradeCellInput, GradeSheetDetail } from '../../../src-shared/contract';
import { gradeRow, MARK_FIELD, parsePoints, type GradeMark, type GradingScale, type RowProblem } from '../../../src-shared/domain/grading';
import { fullName } from '../../../src-shared/domain/person';
import { translate, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import {
  cellText,
  COL,
  IDENT_FORMAT,
  markWord,
  parseMark,
  partColumnKey,
  partHeader,
  readIdentification,
  UUID_RE,
  valueText,
  type Identification,
} from './teacher-excel-layout';

export interface ImportReason {
  key: MessageKey;
  values: MessageValues;
}

export interface ImportProblem {
  /** the row number as Excel shows it; null for a problem of the whole file */
  row: number | null;
  /** the student as UniDesk knows them, else the name typed in the row; null for the whole file */
  studentName: string | null;
  /** the column header as the file shows it; '' for a problem of the whole file */
  column: string;
  /** the cell as the teacher left it ('' when blank, or for the whole file) */
  value: string;
  reason: ImportReason;
}

export interface ImportPreview {
  /** false: not this sheet's file (another sheet's, no or damaged identification, not xlsx) */
  sheetMatches: boolean;
  /** what would be saved: changed rows only, only their changed fields; rows with a problem are left out */
  cells: GradeCellInput[];
  problems: ImportProblem[];
  /** rows of this sheet's students in the file that change nothing */
  unchanged: number;
}

const RULE_KEYS: Record<RowProblem['code'], MessageKey> = {
  notInteger: 'grade.rule.notInteger',
  negative: 'grade.rule.negative',
  aboveMax: 'grade.rule.aboveMax',
  examWithoutAdmission: 'grade.rule.examWithoutAdmission',
  markWithPoints: 'grade.rule.markWithPoints',
  markContradictsAdmission: 'grade.rule.markContradictsAdmission',
  unknownPart: 'grade.rule.unknownPart',
};

const TEXT_PROBLEM: Record<'notANumber' | 'notInteger' | 'negative', MessageKey> = {
  notANumber: 'teacherXlsx.notANumber',
  notInteger: 'grade.rule.notInteger',
  negative: 'grade.rule.negative',
};

type Read<T> = { ok: true; value: T } | { ok: false; reason: ImportReason };
const reason = (key: MessageKey, values: MessageValues = {}): ImportReason => ({ key, values });

/** Points from a cell: null when blank; numbers as they are (gradeRow checks them). */
export function readPoints(v: ExcelJS.CellValue): Read<number | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') {
    // a formula's floating-point noise (=0.1*250) is still a whole number
    const near = Math.round(v);
    return { ok: true, value: Math.abs(v - near) < 1e-9 ? near : v };
  }
  if (typeof v === 'string') return fromText(v);
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { ok: false, reason: reason('teacherXlsx.formulaNoResult') };
      return readPoints(v.result as ExcelJS.CellValue);
    }
    if ('richText' in v || 'hyperlink' in v) return fromText(valueText(v));
  }
  return { ok: false, reason: reason('teacherXlsx.notANumber') };
}

function fromText(text: string): Read<number | null> {
  const p = parsePoints(text);
  return p.ok ? { ok: true, value: p.value } : { ok: false, reason: reason(TEXT_PROBLEM[p.code]) };
}

/** The cell as the teacher sees it: a formula without a cached result shows as its text. */
function rawText(v: ExcelJS.CellValue): string {
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v.result === undefined || v.result === null)) {
    return `=${'formula' in v ? v.formula : v.sharedFormula}`;
  }
  return valueText(v).trim();
}

const notThisFile = (key: MessageKey, values: MessageValues = {}): ImportPreview => ({
  sheetMatches: false,
  cells: [],
  problems: [{ row: null, studentName: null, column: '', value: '', reason: reason(key, values) }],
  unchanged: 0,
});
const layoutProblem = (key: MessageKey, values: MessageValues = {}): ImportPreview => ({ ...notThisFile(key, values), sheetMatches: true });

interface Layout {
  ws: ExcelJS.Worksheet;
  keyRow: number;
  /** column number by key (COL.* and part:<key>) */
  columns: Map<string, number>;
}

/** The worksheet and row holding the hidden column keys; null when the teacher deleted them. */
function findLayout(wb: ExcelJS.Workbook): Layout | null | 'ambiguous' {
  for (const ws of wb.worksheets) {
    if (cellText(ws.getCell(1, 1)) === IDENT_FORMAT) continue;
    for (let r = 1; r <= Math.min(ws.rowCount, 100); r++) {
      const row = ws.getRow(r);
      const columns = new Map<string, number>();
      let twice = false;
      for (let c = 1; c <= row.cellCount; c++) {
        const key = cellText(row.getCell(c));
        if (!key.startsWith('#') && !key.startsWith('part:')) continue;
        if (columns.has(key)) twice = true;
        columns.set(key, c);
      }
      if (columns.has(COL.studentId)) return twice ? 'ambiguous' : { ws, keyRow: r, columns };
    }
  }
  return null;
}

/** The workbook, or null when the bytes are no xlsx at all (a corrupt zip never throws out of here). */
export async function loadTeacherWorkbook(xlsx: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    return wb;
  } catch {
    return null;
  }
}

/** The preview of a teacher's file for this sheet; see the head of this file for what a cell means. */
export async function previewTeacherImport(detail: GradeSheetDetail, xlsx: Buffer, scale: GradingScale): Promise<ImportPreview> {
  return analyzeTeacherWorkbook(detail, await loadTeacherWorkbook(xlsx), scale);
}

/** The synchronous half: compare a loaded workbook (null = not xlsx) with the sheet as it is now. */
export function analyzeTeacherWorkbook(detail: GradeSheetDetail, wb: ExcelJS.Workbook | null, scale: GradingScale): ImportPreview {
  if (!wb) return notThisFile('teacherXlsx.notXlsx');
  const ident = readIdentification(wb);
  if (!ident.ok) {
    // the printed sheet's own Excel (made for signing) carries no student codes: say which file to use instead
    if (ident.reason === 'missing' && wb.creator === 'UniDesk') return notThisFile('teacherXlsx.printedSheet');
    return notThisFile(ident.reason === 'missing' ? 'teacherXlsx.noIdentification' : 'teacherXlsx.identificationGarbled');
  }
  const id = ident.id;
  if (id.sheetId !== detail.id) return notThisFile('teacherXlsx.otherSheet', { fileNumber: id.sheetNumber, number: detail.number });
  const partKeys = detail.parts.map((p) => p.key);
  if (JSON.stringify(id.parts) !== JSON.stringify(partKeys)) {
    return layoutProblem('teacherXlsx.partsChanged', { fileParts: id.parts.join(', '), parts: partKeys.join(', ') });
  }
  const layout = findLayout(wb);
  if (!layout || layout === 'ambiguous') return layoutProblem('teacherXlsx.layoutChanged');
  const missing = [
    ...detail.parts.filter((p) => !layout.columns.has(partColumnKey(p.key))).map((p) => partHeader(id.lang, p)),
    ...(layout.columns.has(COL.mark) || layout.columns.has(COL.markOrTotal) ? [] : [translate(id.lang, 'teacherXlsx.col.mark')]),
  ];
  if (missing.length) return layoutProblem('teacherXlsx.columnMissing', { column: missing.join(', ') });
  return readRows(detail, scale, id, layout);
}

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');

type Field = { key: string; col: number; header: string; raw: string };

/** Every student row under the table's header, in the order the file has them. */
function readRows(detail: GradeSheetDetail, scale: GradingScale, id: Identification, { ws, keyRow, columns }: Layout): ImportPreview {
  const header = (col: number | undefined) => (col ? cellText(ws.getRow(keyRow + 1).getCell(col)).trim() : '');
  const idCol = columns.get(COL.studentId)!;
  const nameCol = columns.get(COL.name);
  const bookCol = columns.get(COL.recordBook);
  // the printed sheet's workbook writes a mark where the total stands: a total or a result there is no mark
  const markCol = columns.get(COL.mark) ?? columns.get(COL.markOrTotal)!;
  const markShared = !columns.has(COL.mark);
  const markText = (v: ExcelJS.CellValue) => {
    const raw = rawText(v);
    return markShared && parseMark(raw) === undefined ? '' : raw;
  };
  const partCols = detail.parts.map((p) => columns.get(partColumnKey(p.key))!);
  const nameHeader = header(nameCol) || header(columns.get(COL.no));
  const students = new Map(detail.rows.map((r) => [r.studentId, r]));
  const roster = new Map(id.roster.map((r) => [r.studentId, r]));
  const options = `${markWord(id.lang, 'absent')}, ${markWord(id.lang, 'not_admitted')}`;
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const cells: GradeCellInput[] = [];
  let unchanged = 0;

  for (let r = keyRow + 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const typedName = nameCol ? cellText(row.getCell(nameCol)).trim() : '';
    const idText = cellText(row.getCell(idCol)).trim();
    if (idText === COL.end) break;
    const gradeCols = [...partCols, markCol];
    const hasGrades = gradeCols.some((c) => (c === markCol ? markText(row.getCell(c).value) : rawText(row.getCell(c).value)) !== '');
    const rowProblem = (key: MessageKey, values: MessageValues = {}, value = typedName) =>
      problems.push({ row: r, studentName: typedName || null, column: nameHeader, value, reason: reason(key, values) });
    if (idText === '') {
      // a note under the table is harmless; points for someone UniDesk did not export are not
      if (hasGrades) rowProblem('teacherXlsx.rowWithoutId');
      continue;
    }
    if (!UUID_RE.test(idText)) {
      rowProblem('teacherXlsx.idGarbled', {}, idText);
      continue;
    }
    const student = students.get(idText);
    if (!student) {
      rowProblem('grade.rule.notOnSheet');
      continue;
    }
    const name = fullName(student);
    // rows sorted without the hidden id column: the id no longer belongs to the name beside it
    const typedBook = bookCol ? cellText(row.getCell(bookCol)).trim() : '';
    const typed = [[typedName, name], [typedBook, student.recordBookNo]].filter(([t]) => t !== '');
    if (typed.length && typed.every(([t, known]) => fold(t!) !== fold(known!))) {
      problems.push({ row: r, studentName: name, column: nameHeader, value: typedName, reason: reason('teacherXlsx.rowMismatch', { name }) });
      continue;
    }
    const first = seen.get(idText);
    if (first !== undefined) {
      problems.push({ row: r, studentName: name, column: nameHeader, value: typedName, reason: reason('teacherXlsx.duplicateRow', { first }) });
      continue;
    }
    seen.set(idText, r);

    // this row's problems, listed left to right whatever rule found them
    const found: { col: number; problem: ImportProblem }[] = [];
    const reported = new Set<string>();
    const fieldProblem = (f: Field, why: ImportReason) => {
      reported.add(f.key);
      found.push({ col: f.col, problem: { row: r, studentName: name, column: f.header, value: f.raw, reason: why } });
    };
    const exported = roster.get(idText);
    const parts: Record<string, number | null> = {};
    let mark: GradeMark | null | undefined;
    const fields = new Map<string, Field>();

    detail.parts.forEach((p, k) => {
      const cell = row.getCell(partCols[k]!);
      const f: Field = { key: p.key, col: partCols[k]!, header: header(partCols[k]), raw: rawText(cell.value) };
      fields.set(p.key, f);
      const read = readPoints(cell.value);
      if (!read.ok) return void fieldProblem(f, read.reason);
      const current = student.parts[p.key] ?? null;
      const decided = decide(read.value, exported ? exported.parts[k]! : current, current);
      if (decided === 'conflict') fieldProblem(f, reason('teacherXlsx.changedSinceExport', { current: current ?? '—' }));
      else if (decided !== 'same') parts[p.key] = decided.value;
    });

    const markField: Field = { key: MARK_FIELD, col: markCol, header: header(markCol), raw: markText(row.getCell(markCol).value) };
    fields.set(MARK_FIELD, markField);
    const typedMark = parseMark(markField.raw);
    if (typedMark === undefined) fieldProblem(markField, reason('teacherXlsx.unknownMark', { options }));
    else {
      const decided = decide(typedMark, exported ? exported.mark : student.mark, student.mark);
      if (decided === 'conflict') {
        fieldProblem(markField, reason('teacherXlsx.changedSinceExport', { current: student.mark ? markWord(id.lang, student.mark) : '—' }));
      } else if (decided !== 'same') mark = decided.value;
    }

    const changed = Object.keys(parts).length > 0 || mark !== undefined;
    if (changed) {
      // the row as setGrades would save it: today's values with the teacher's changes over them
      const merged = gradeRow(scale, { parts: { ...student.parts, ...parts }, mark: mark === undefined ? student.mark : mark });
      for (const p of merged.problems) {
        const f = fields.get(p.part) ?? markField;
        // a cell already reported (unreadable, conflict) is not reported twice
        if (reported.has(f.key)) continue;
        fieldProblem(f, reason(RULE_KEYS[p.code], { max: p.max ?? null, threshold: p.threshold ?? null }));
      }
    }
    if (found.length) {
      problems.push(...found.sort((a, b) => a.col - b.col).map((x) => x.problem));
      continue;
    }
    if (!changed) {
      unchanged++;
      continue;
    }
    const cell: GradeCellInput = { studentId: idText };
    if (Object.keys(parts).length) cell.parts = parts;
    if (mark !== undefined) cell.mark = mark;
    cells.push(cell);
  }
  return { sheetMatches: true, cells, problems, unchanged };
}

/**
 * One cell: 'same' when nothing is to be saved; the teacher's value when they changed it
 * and UniDesk did not; 'conflict' when both changed it since the export, differently.
 */
function decide<T>(file: T, exported: T, current: T): 'same' | 'conflict' | { value: T } {
  if (file === exported || file === current) return 'same';
  if (exported !== current) return 'conflict';
  return { value: file };
}

