/**
 * The one xlsx pipeline: print-ready workbooks for offices that edit or archive documents in
 * Excel. Every sheet prints on A4 portrait, scaled to the page width, with the table header
 * repeated on each printed page and thin borders — the same rules as the PDFs (DOMAIN.md §3).
 */
import ExcelJS from 'exceljs';

/** Present on every office PC (Windows, LibreOffice substitutes a metric-compatible font). */
export const PRINT_FONT = 'Times New Roman';
export const BODY_FONT_SIZE = 12;
export const TABLE_FONT_SIZE = 11;

/** A4 in Excel's paper-size enumeration. */
export const PAPER_A4 = 9;

const MM_PER_INCH = 25.4;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function createWorkbook(meta: { title: string; subject?: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UniDesk';
  wb.lastModifiedBy = 'UniDesk';
  wb.title = meta.title;
  if (meta.subject) wb.subject = meta.subject;
  wb.created = new Date();
  return wb;
}

/** Excel header/footer codes start with "&": a literal ampersand must be doubled. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface PrintSheetOptions {
  /** column widths in Excel character units */
  widths: number[];
  /** footer: left note and right "page X of Y" (may hold &P and &N codes, not escaped) */
  footerLeft?: string;
  footerRight?: string;
  /** printed at the top centre of every page, e.g. a draft mark */
  headerCenter?: string | null;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

export function addPrintSheet(wb: ExcelJS.Workbook, name: string, opts: PrintSheetOptions): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(safeSheetName(name), {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'portrait',
      // fit all columns on the page width; as many pages tall as the list needs
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      // same margins as the PDFs: 25 mm left for filing, 20 mm bottom for the footer
      margins: {
        left: 25 / MM_PER_INCH,
        right: 15 / MM_PER_INCH,
        top: 15 / MM_PER_INCH,
        bottom: 20 / MM_PER_INCH,
        header: 6 / MM_PER_INCH,
        footer: 8 / MM_PER_INCH,
      },
    },
  });
  ws.columns = opts.widths.map((width) => ({ width }));
  const font = `&"${PRINT_FONT},Regular"&8`;
  if (opts.footerLeft || opts.footerRight) {
    ws.headerFooter.oddFooter = `&L${font}${headerFooterText(opts.footerLeft ?? '')}&R${font}${opts.footerRight ?? ''}`;
  }
  if (opts.headerCenter) {
    ws.headerFooter.oddHeader = `&C&"${PRINT_FONT},Bold"&14${headerFooterText(opts.headerCenter)}`;
  }
  return ws;
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** The sheet's declared columns (ws.columnCount counts only columns holding values so far). */
function sheetColumns(ws: ExcelJS.Worksheet): number {
  return ws.columns?.length || ws.columnCount;
}

function totalWidth(ws: ExcelJS.Worksheet): number {
  let sum = 0;
  for (let c = 1; c <= sheetColumns(ws); c++) sum += ws.getColumn(c).width ?? 9;
  return sum;
}

/**
 * Excel never grows a merged row to fit wrapped text, so the height is estimated: a column
 * unit (the width of "0" in Calibri 11) holds about 0.9 of a Cyrillic letter of Times New
 * Roman 11, fewer as the font grows. Too tall is harmless; too short cuts a line off.
 */
export function wrappedHeight(text: string, widthUnits: number, size: number): number {
  const perLine = Math.max(1, Math.floor((widthUnits * 0.9 * 11) / size));
  const lines = text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
  return Math.ceil(lines * size * 1.3 + 4);
}

function styleCell(cell: ExcelJS.Cell, style: TextStyle, wrap: boolean): void {
  cell.font = { name: PRINT_FONT, size: style.size ?? BODY_FONT_SIZE, bold: style.bold ?? false };
  cell.alignment = { horizontal: style.align ?? 'left', vertical: 'top', wrapText: wrap };
}

/** A line of text across the whole width (merged), wrapped, its row tall enough to show it. */
export function addTitleRow(ws: ExcelJS.Worksheet, text: string, style: TextStyle = {}): ExcelJS.Row {
  const row = ws.addRow([text]);
  const width = sheetColumns(ws);
  if (width > 1) ws.mergeCells(row.number, 1, row.number, width);
  styleCell(row.getCell(1), style, true);
  row.height = wrappedHeight(text, totalWidth(ws), style.size ?? BODY_FONT_SIZE);
  return row;
}

/** Two texts on one line: the left one over the first columns, the right one over the rest. */
export function addSplitRow(ws: ExcelJS.Worksheet, left: string, right: string, splitAt: number, style: TextStyle = {}): ExcelJS.Row {
  const width = sheetColumns(ws);
  const row = ws.addRow([]);
  row.getCell(1).value = left;
  row.getCell(splitAt + 1).value = right;
  if (splitAt > 1) ws.mergeCells(row.number, 1, row.number, splitAt);
  if (width > splitAt + 1) ws.mergeCells(row.number, splitAt + 1, row.number, width);
  styleCell(row.getCell(1), { ...style, align: 'left' }, false);
  styleCell(row.getCell(splitAt + 1), { ...style, align: 'right' }, false);
  return row;
}

export function addBlankRow(ws: ExcelJS.Worksheet, height = 8): ExcelJS.Row {
  const row = ws.addRow([]);
  row.height = height;
  return row;
}

export interface SheetTableSpec {
  header: string[];
  /** null leaves a cell empty (still bordered) */
  rows: (string | number | null)[][];
  align?: ('left' | 'center' | 'right')[];
  size?: number;
}

export interface SheetTableRange {
  headerRow: number;
  firstRow: number;
  lastRow: number;
}

/**
 * A bordered list whose header row repeats on every printed page (print titles). All cells
 * wrap: a long name grows its row instead of spilling into the next column.
 */
export function addTable(ws: ExcelJS.Worksheet, spec: SheetTableSpec): SheetTableRange {
  const size = spec.size ?? TABLE_FONT_SIZE;
  const head = ws.addRow(spec.header);
  head.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: PRINT_FONT, size, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDERS;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  let longestHeader = 1;
  spec.header.forEach((h, i) => {
    const units = ws.getColumn(i + 1).width ?? 9;
    longestHeader = Math.max(longestHeader, wrappedHeight(h, units, size));
  });
  head.height = longestHeader;
  ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;

  let last = head.number;
  for (const values of spec.rows) {
    const row = ws.addRow(values);
    for (let c = 1; c <= spec.header.length; c++) {
      const cell = row.getCell(c);
      cell.font = { name: PRINT_FONT, size };
      cell.alignment = { horizontal: spec.align?.[c - 1] ?? 'left', vertical: 'top', wrapText: true };
      cell.border = THIN_BORDERS;
    }
    last = row.number;
  }
  return { headerRow: head.number, firstRow: head.number + 1, lastRow: last };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  // exceljs types its result as a browser ArrayBuffer; in Node it is a Buffer already
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
