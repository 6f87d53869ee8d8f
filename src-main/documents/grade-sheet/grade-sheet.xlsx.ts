/**
 * The grade sheet as an xlsx workbook: the same content as the PDF (grade-sheet-content.ts)
 * on one sheet, print-ready — A4 portrait scaled to the page width, merged title rows, the
 * students' table bordered with its header repeated on every printed page, points and totals
 * stored as numbers, then the counts and the signature lines.
 */
import type ExcelJS from 'exceljs';
import { translate } from '../../../src-shared/i18n';
import {
  addBlankRow,
  addPrintSheet,
  addSplitRow,
  addTable,
  addTitleRow,
  createWorkbook,
  PRINT_FONT,
  THIN_BORDERS,
  toBuffer,
  wrappedHeight,
} from '../excel/xlsx';
import type { GradeSheetDocumentInput } from '../grade-sheet-document.model';
import type { DocumentLanguage } from '../order-document.model';
import { gradeSheetContent, type GradeSheetColumn, type GradeSheetContent, type SummaryLine } from './grade-sheet-content';

/** Widths in Excel character units (about one 11 pt character each). */
const WIDTHS: Record<GradeSheetColumn['key'], number> = {
  no: 5,
  fullName: 34,
  recordBook: 12,
  part: 9,
  total: 9,
  letter: 7,
  traditional: 14,
  result: 16,
  signature: 11,
};

const CENTERED: ReadonlySet<GradeSheetColumn['key']> = new Set(['no', 'recordBook', 'part', 'total', 'letter', 'traditional', 'result']);

/** The table is set at 10 pt, like the PDF's dense table. */
const TABLE_SIZE = 10;
const INFO_SIZE = 11;
/** Room to write by hand on a blank sheet (points). */
const BLANK_ROW_HEIGHT = 24;
/** Name, record-book number and № take the left part of two-field lines and of the summary. */
const LEFT_COLUMNS = 3;

function font(size: number, bold = false): Partial<ExcelJS.Font> {
  return { name: PRINT_FONT, size, bold };
}

/** One header line: a field over the left columns and one over the rest, or one field across. */
function addInfoRow(ws: ExcelJS.Worksheet, fields: { label: string; value: string }[], width: number): void {
  const row = ws.addRow([]);
  const spans: [number, number][] = fields.length === 1 ? [[1, width]] : [[1, LEFT_COLUMNS], [LEFT_COLUMNS + 1, width]];
  fields.forEach((f, i) => {
    const [from, to] = spans[i]!;
    const cell = row.getCell(from);
    cell.value = {
      richText: [
        { text: `${f.label}: `, font: font(INFO_SIZE) },
        { text: f.value, font: font(INFO_SIZE, true) },
      ],
    };
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    if (to > from) ws.mergeCells(row.number, from, row.number, to);
    // Excel never grows a merged row for wrapped text: a long specialty or discipline name needs the height set
    let units = 0;
    for (let col = from; col <= to; col++) units += ws.getColumn(col).width ?? 9;
    row.height = Math.max(row.height ?? 0, wrappedHeight(`${f.label}: ${f.value}`, units, INFO_SIZE));
  });
}

/** A label over the columns [from, to - 1] and its count in column `to`, both bordered. */
function putCount(row: ExcelJS.Row, from: number, to: number, label: string, count: string | number | null, bold = false): ExcelJS.Cell {
  const labelCell = row.getCell(from);
  labelCell.value = label;
  labelCell.font = font(TABLE_SIZE, bold);
  labelCell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  const countCell = row.getCell(to);
  countCell.value = count ?? '';
  countCell.font = font(TABLE_SIZE, bold);
  countCell.alignment = { horizontal: 'center', vertical: 'middle' };
  for (let col = from; col <= to; col++) row.getCell(col).border = THIN_BORDERS;
  if (to - 1 > from) row.worksheet.mergeCells(row.number, from, row.number, to - 1);
  return countCell;
}

/**
 * The counts: per traditional grade and per letter on the left (label over the name columns,
 * the count under the record-book number), absent, not admitted, students and average on the
 * right, level with the grades. On a blank sheet the count cells stay empty, tall enough to
 * write in.
 */
function addSummary(ws: ExcelJS.Worksheet, c: GradeSheetContent, width: number): void {
  const s = c.summary;
  const title = (label: string): [string, string | null, boolean] => [label, s.countTitle, true];
  const line = (l: SummaryLine): [string, number | null, boolean] => [l.label, l.value, false];
  const left = [title(s.gradesTitle), ...s.grades.map(line), ...(s.letters.length ? [title(s.lettersTitle), ...s.letters.map(line)] : [])];
  left.forEach(([label, count, bold], i) => {
    const row = ws.addRow([]);
    putCount(row, 1, LEFT_COLUMNS, label, count, bold);
    const other = i >= 1 ? s.others[i - 1] : undefined;
    if (other) {
      const cell = putCount(row, LEFT_COLUMNS + 2, width, other.label, other.value);
      // the average to one decimal, as printed (the comma or point is Excel's, by locale)
      if (other === s.others.at(-1) && typeof other.value === 'number') cell.numFmt = '0.0';
    }
    if (c.blank) row.height = 20;
  });
}

function addSignatures(ws: ExcelJS.Worksheet, c: GradeSheetContent): void {
  addBlankRow(ws, 16);
  for (const s of c.signatories) {
    const row = addSplitRow(ws, s.role, `______________   ${s.name}`, 2);
    row.getCell(1).font = font(INFO_SIZE, true);
    const hint = addSplitRow(ws, '', `${c.signatureHint}          ${c.dateLabel}: ${c.dateBlank}`, 2, { size: 9 });
    hint.height = 16;
    addBlankRow(ws, 14);
  }
}

/**
 * What makes the printed sheet's workbook import back (features/grade-sheets): a hidden row of
 * column keys right above the table's header, a hidden column after the table with each row's
 * id, and whatever else the workbook must carry. Nothing of it prints.
 */
export interface XlsxImportMarks {
  /** the key of each printed column, and of the hidden id column after them */
  key(column: GradeSheetColumn): string;
  idKey: string;
  /** written in the hidden column under the last row: the counts below are no students */
  endKey: string;
  /** the id of the row printed with this № */
  rowId(position: number): string | null;
  finish(wb: ExcelJS.Workbook): void;
}

export async function renderGradeSheetXlsx(input: GradeSheetDocumentInput, lang: DocumentLanguage, marks?: XlsxImportMarks): Promise<Buffer> {
  const c = gradeSheetContent(input, lang);
  const wb = createWorkbook({ title: c.fileTitle, subject: c.subject });
  const width = c.columns.length;
  const ws = addPrintSheet(wb, c.sheetName, {
    widths: c.columns.map((col) => WIDTHS[col.key]),
    footerLeft: c.footerNote,
    // &P and &N are Excel's page and page-count codes
    footerRight: translate(lang, 'doc.page', { page: '&P', total: '&N' }),
    headerCenter: c.mark,
  });

  addTitleRow(ws, c.university, { bold: true, align: 'center' });
  addTitleRow(ws, c.faculty, { align: 'center', size: 11 });
  addBlankRow(ws);
  addTitleRow(ws, `${c.title} ${c.numberText}`, { bold: true, align: 'center', size: 14 });
  addTitleRow(ws, c.kindText, { align: 'center', size: 11 });
  if (c.mark) addTitleRow(ws, c.mark, { bold: true, align: 'center', size: 12 });
  addBlankRow(ws);
  for (const fields of c.info) addInfoRow(ws, fields, width);
  addBlankRow(ws);
  // a sheet that prints its parts can be filled in Excel and imported back; one printing the total only cannot
  const importable = marks && c.columns.filter((col) => col.key === 'part').length === input.parts.length ? marks : null;
  if (importable) ws.addRow([...c.columns.map((col) => importable.key(col)), importable.idKey]).hidden = true;

  const range = addTable(ws, {
    header: c.columns.map((col) => col.header),
    // nothing written is an empty cell, not an empty string
    rows: c.rows.map((r) => r.values.map((v) => (v === '' ? null : v))),
    align: c.columns.map((col) => (CENTERED.has(col.key) ? 'center' : 'left')),
    size: TABLE_SIZE,
  });
  c.rows.forEach((r, i) => {
    const row = ws.getRow(range.firstRow + i);
    // a mark stands once across total, letter and traditional grade, as on the PDF
    if (r.mark) {
      ws.mergeCells(row.number, c.markFrom + 1, row.number, c.markFrom + c.markSpan);
      row.getCell(c.markFrom + 1).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    }
    // Excel sizes rows to wrapped text itself; a blank sheet's rows are set taller, to write in
    if (c.blank) row.height = Math.max(BLANK_ROW_HEIGHT, wrappedHeight(r.texts[1] ?? '', WIDTHS.fullName, TABLE_SIZE));
    if (importable) row.getCell(width + 1).value = importable.rowId(Number(r.values[0]));
  });
  if (importable) {
    ws.getColumn(width + 1).hidden = true;
    importable.finish(wb);
  }

  addBlankRow(ws, 12);
  if (importable) ws.lastRow!.getCell(width + 1).value = importable.endKey;
  addSummary(ws, c, width);
  addSignatures(ws, c);
  return toBuffer(wb);
}
