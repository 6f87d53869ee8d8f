/**
 * A grade sheet (ведомость) as PDF, A4 portrait as Kyrgyz universities print it: university,
 * faculty, the sheet's title and number, its fields, the students' table (its header on every
 * page), the counts and the signatures (DOMAIN.md §3 "Grade sheet document").
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { GradeSheetDocumentInput } from '../grade-sheet-document.model';
import type { DocumentLanguage } from '../order-document.model';
import { contentWidth, documentDefinition, render, type Orientation } from '../pdf/pdf';
import { fitColumns, type ColumnFit } from '../pdf/pdf-columns';
import { listWithClosing, type ListCell, type ListColumn } from '../pdf/pdf-table';
import { gradeSheetContent, type GradeSheetColumn, type GradeSheetContent, type SummaryLine } from './grade-sheet-content';

/**
 * Ten columns (three parts) on a portrait page: the table is set a step smaller than the
 * order lists, with tighter padding, so that names keep 115 pt or more (two lines for almost
 * any name) next to the grade columns. More parts, or long part labels, step the sizes down.
 */
const SIZES: { cell: number; header: number }[] = [
  { cell: 9, header: 7.5 },
  { cell: 9, header: 7 },
  { cell: 8, header: 7 },
  { cell: 8, header: 6.5 },
];
const PADDING = 2;
const NAME_FLOOR = 115;
/** Narrower than this, names would take three or four lines: a smaller size is better. */
const NAME_ENOUGH = 90;
/** "3 (канаат.)" on one line; the rest of the row's room goes to the names. */
const TRADITIONAL_MAX = 54;
/** Room to sign in, and to write a grade by hand on a blank sheet. */
const SIGN_MIN = 36;
const HANDWRITING_MIN = 30;
/** A blank sheet's rows are tall enough to write in by hand. */
const BLANK_ROW_HEIGHT = 22;
const INFO_SIZE = 10;
const SUMMARY_SIZE = 9;

const CENTERED: ReadonlySet<GradeSheetColumn['key']> = new Set(['no', 'recordBook', 'part', 'total', 'letter', 'traditional', 'result']);

interface TableLayout {
  orientation: Orientation;
  widths: number[];
  cellSize: number;
  headerSize: number;
}

/** The cells the widths are measured on: a mark spans three columns, so it does not widen one. */
function measuredRows(c: GradeSheetContent): string[][] {
  return c.rows.map((r) => r.texts.map((t, i) => (r.mark && i >= c.markFrom && i < c.markFrom + c.markSpan ? '' : t)));
}

function layoutFor(c: GradeSheetContent): TableLayout {
  const fits: ColumnFit[] = c.columns.map((col): ColumnFit => {
    if (col.key === 'fullName') return { star: true, floor: NAME_FLOOR, breakLongWords: true };
    if (col.key === 'signature') return { min: SIGN_MIN };
    if (col.key === 'traditional') return { maxPreferred: TRADITIONAL_MAX, ...(c.blank ? { min: HANDWRITING_MIN } : {}) };
    if (c.blank && col.key !== 'no' && col.key !== 'recordBook') return { min: HANDWRITING_MIN };
    return {};
  });
  const header = c.columns.map((col) => col.header);
  const rows = measuredRows(c);
  const name = c.columns.findIndex((col) => col.key === 'fullName');
  // A4 portrait as sheets are printed; landscape only when many parts with long labels leave no other way
  for (const orientation of ['portrait', 'landscape'] as const) {
    let fallback: TableLayout | null = null;
    for (const size of SIZES) {
      const widths = fitColumns(header, rows, fits, contentWidth(orientation), { ...size, padding: PADDING });
      if (!widths) continue;
      const layout = { orientation, widths, cellSize: size.cell, headerSize: size.header };
      if (widths[name]! >= NAME_ENOUGH) return layout;
      fallback ??= layout;
    }
    if (fallback) return fallback;
  }
  throw new Error(`The grade sheet table (${c.columns.length} columns) does not fit an A4 page even in landscape: too many parts, or part labels too long.`);
}

/** University and faculty over a rule: the top of the sheet and of each student's direction. */
export function letterhead(c: GradeSheetContent, orientation: Orientation = 'portrait'): Content[] {
  return [
    { text: c.university, bold: true, alignment: 'center', fontSize: 11 },
    { text: c.faculty, alignment: 'center', fontSize: 10.5, margin: [0, 2, 0, 0] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(orientation), y2: 0, lineWidth: 1 }], margin: [0, 4, 0, 0] },
  ];
}

/** The sheet's fields (year, group, discipline, control form, examiner…), two to a line. */
export function sheetInfo(c: GradeSheetContent, margin: [number, number, number, number], fontSize = INFO_SIZE): Content {
  const field = (f: { label: string; value: string }, colSpan?: number): TableCell => ({
    text: [{ text: `${f.label}: ` }, { text: f.value, bold: true }],
    ...(colSpan ? { colSpan } : {}),
  });
  const info: TableCell[][] = c.info.map((fields) =>
    fields.length === 1 ? [field(fields[0]!, 2), {}] : fields.map((f) => field(f)),
  );
  return { layout: 'noBorders', fontSize, table: { widths: ['*', '*'], body: info }, margin };
}

function header(c: GradeSheetContent, orientation: Orientation): Content[] {
  return [
    ...letterhead(c, orientation),
    { text: `${c.title} ${c.numberText}`, bold: true, alignment: 'center', fontSize: 14, characterSpacing: 1, margin: [0, 10, 0, 0] },
    { text: c.kindText, alignment: 'center', fontSize: 10.5, margin: [0, 2, 0, 8] },
    sheetInfo(c, [0, 0, 0, 8]),
  ];
}

/** The students' table, ending with the counts and signatures (see listWithClosing). */
function studentTable(c: GradeSheetContent, layout: TableLayout): Content {
  const columns: ListColumn[] = c.columns.map((col, i) => ({
    header: col.header,
    width: layout.widths[i]!,
    align: CENTERED.has(col.key) ? 'center' : 'left',
  }));
  const rows: ListCell[][] = c.rows.map((r) =>
    r.texts.map((text, i): ListCell => (r.mark && i === c.markFrom ? { text: r.mark, colSpan: c.markSpan, align: 'center' } : text)),
  );
  return listWithClosing(
    {
      columns,
      rows,
      fontSize: layout.cellSize,
      headerFontSize: layout.headerSize,
      padding: PADDING,
      ...(c.blank ? { minRowHeight: BLANK_ROW_HEIGHT } : {}),
    },
    closing(c),
  );
}

const GRID = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

/** "label | count" lines; on a blank sheet the count cells are left empty, tall enough to write in. */
function countTable(head: [string, string] | null, lines: SummaryLine[], blank: boolean): Content {
  // without a title, an empty unruled header row keeps the lines level with the titled table's
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const headRows: TableCell[][] = [
    head
      ? [{ text: head[0], bold: true }, { text: head[1], bold: true, alignment: 'center' }]
      : [{ text: ' ', border: none }, { text: ' ', border: none }],
  ];
  return {
    layout: GRID,
    fontSize: SUMMARY_SIZE,
    table: {
      widths: ['*', 42],
      body: [
        ...headRows,
        ...lines.map((l): TableCell[] => [
          { text: l.label, margin: blank ? [0, 2, 0, 2] : [0, 0, 0, 0] },
          { text: l.text, alignment: 'center' },
        ]),
      ],
    },
  };
}

/** The letters in a row, their counts under them; a long scale takes several rows. */
function lettersTable(c: GradeSheetContent): Content | null {
  const letters = c.summary.letters;
  // a credit test has no letters
  if (letters.length === 0) return null;
  const perRow = 12;
  const body: TableCell[][] = [];
  for (let from = 0; from < Math.max(letters.length, 1); from += perRow) {
    const chunk = letters.slice(from, from + perRow);
    const pad = Array.from({ length: perRow - chunk.length }, (): TableCell => ({ text: '' }));
    body.push([{ text: c.summary.lettersTitle, bold: true }, ...chunk.map((l): TableCell => ({ text: l.label, bold: true, alignment: 'center' })), ...pad]);
    body.push([{ text: c.summary.countTitle }, ...chunk.map((l): TableCell => ({ text: l.text, alignment: 'center', margin: c.blank ? [0, 3, 0, 3] : [0, 0, 0, 0] })), ...pad]);
  }
  return {
    layout: GRID,
    fontSize: SUMMARY_SIZE,
    margin: [0, 6, 0, 0],
    table: { widths: ['auto', ...Array.from({ length: perRow }, () => '*' as const)], body },
  };
}

/** The signature lines (role, line, name; what goes on the line and the date under it). */
export function signatures(c: GradeSheetContent): Content {
  const body: TableCell[][] = [];
  for (const s of c.signatories) {
    body.push([
      { text: s.role, bold: true, margin: [0, 12, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 110, y2: 0, lineWidth: 0.5 }], margin: [0, 24, 0, 0] },
      // initials and surname stay on one line
      { text: s.name, noWrap: true, margin: [6, 12, 0, 0] },
    ]);
    // what goes on the line, and the date of signing under the name
    body.push([
      { text: '' },
      { text: c.signatureHint, fontSize: 7, alignment: 'center' },
      { text: `${c.dateLabel}: ${c.dateBlank}`, noWrap: true, fontSize: 9, margin: [6, 2, 0, 0] },
    ]);
  }
  return {
    layout: 'noBorders',
    fontSize: INFO_SIZE,
    margin: [0, 6, 0, 0],
    table: { widths: ['*', 115, 'auto'], body },
  };
}

/** Counts and signatures (kept with the last rows, on one page, by listWithClosing). */
function closing(c: GradeSheetContent): Content[] {
  const letters = lettersTable(c);
  return [
    {
      margin: [0, 10, 0, 0],
      columnGap: 12,
      columns: [
        countTable([c.summary.gradesTitle, c.summary.countTitle], c.summary.grades, c.blank),
        countTable(null, c.summary.others, c.blank),
      ],
    },
    ...(letters ? [letters] : []),
    signatures(c),
  ];
}

function definition(c: GradeSheetContent, lang: DocumentLanguage, layout: TableLayout): TDocumentDefinitions {
  const content: Content[] = [...header(c, layout.orientation), studentTable(c, layout)];
  return documentDefinition(content, {
    lang,
    orientation: layout.orientation,
    title: c.fileTitle,
    subject: c.subject,
    footerNote: c.footerNote,
    mark: c.mark,
  });
}

/** The pdfmake definition of the sheet. */
export function gradeSheetPdfDefinition(input: GradeSheetDocumentInput, lang: DocumentLanguage): TDocumentDefinitions {
  const c = gradeSheetContent(input, lang);
  return definition(c, lang, layoutFor(c));
}

export function renderGradeSheetPdf(input: GradeSheetDocumentInput, lang: DocumentLanguage): Promise<Buffer> {
  return render(gradeSheetPdfDefinition(input, lang));
}
