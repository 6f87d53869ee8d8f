/**
 * The list table every document prints (order lists, grade sheets): DOMAIN.md §3 asks for a
 * header row repeated on each page and long names that wrap inside their cell.
 */
import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { CLOSING_ID, LIST_END_ID, TABLE_FONT_SIZE, withId } from './pdf';

/** Headers are a step smaller than the cells: they are long words ("китепченин") in narrow columns. */
export const HEADER_FONT_SIZE = TABLE_FONT_SIZE - 1;

export type ColumnWidth = number | '*' | 'auto';

export interface ListColumn {
  header: string;
  width: ColumnWidth;
  align?: 'left' | 'center' | 'right';
}

/**
 * A body cell: its text, or its text with a span over the next columns (their entries in the
 * row are then ignored) and a size of its own.
 */
export type ListCell = string | { text: string; colSpan?: number; fontSize?: number; align?: ListColumn['align'] };

export interface ListTableSpec {
  columns: ListColumn[];
  /** cells, one array per row, in column order */
  rows: ListCell[][];
  fontSize?: number;
  headerFontSize?: number;
  /** the least height of a body row, in points (a blank grade sheet leaves room to write by hand) */
  minRowHeight?: number;
  /** left and right cell padding, PADDING unless set (size the columns with the same: cellOverhead) */
  padding?: number;
}

const PADDING = 3;
/** Top and bottom cell padding. */
export const PADDING_Y = 2;
export const CELL_LINE = 0.5;
/** What a column adds to its content width (pdfmake widths exclude padding and rules). */
export const CELL_OVERHEAD = 2 * PADDING + CELL_LINE;

/** The same for a table with another side padding (a dense grade sheet). */
export function cellOverhead(padding: number = PADDING): number {
  return 2 * padding + CELL_LINE;
}

/** Thin black rules: a photocopy of a photocopy must still show the grid. */
function thinGrid(padding: number): CustomTableLayout {
  return {
    hLineWidth: () => CELL_LINE,
    vLineWidth: () => CELL_LINE,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => PADDING_Y,
    paddingBottom: () => PADDING_Y,
  };
}

const THIN_GRID = thinGrid(PADDING);

function bodyRow(row: ListCell[], columns: ListColumn[]): TableCell[] {
  const out: TableCell[] = [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    if (typeof cell === 'string') {
      // an empty cell (a signature, a grade on a blank sheet) is an empty stack: nothing for
      // pdfmake to measure, break, style or draw, where a '' text went through all of that
      out.push(cell === '' ? { stack: [] } : { text: cell, alignment: columns[i]?.align ?? 'left' });
      continue;
    }
    const span = Math.max(1, Math.min(cell.colSpan ?? 1, row.length - i));
    out.push({
      text: cell.text,
      alignment: cell.align ?? columns[i]?.align ?? 'left',
      ...(span > 1 ? { colSpan: span } : {}),
      ...(cell.fontSize ? { fontSize: cell.fontSize } : {}),
    });
    // pdfmake wants a placeholder for every column a span covers
    for (let k = 1; k < span; k++) out.push({});
    i += span - 1;
  }
  return out;
}

function headerRow(spec: ListTableSpec): TableCell[] {
  return spec.columns.map((c) => ({
    text: c.header,
    bold: true,
    fontSize: spec.headerFontSize ?? HEADER_FONT_SIZE,
    alignment: 'center',
    fillColor: '#e8e8e8',
  }));
}

/** The table's rows (and header row, unless `withHeader` is false), in the thin grid. */
export function listTable(spec: ListTableSpec, withHeader = true, layout?: CustomTableLayout): ContentTable {
  const body: TableCell[][] = spec.rows.map((row) => bodyRow(row, spec.columns));
  const minRowHeight = spec.minRowHeight;
  const first = withHeader ? 1 : 0;
  return {
    fontSize: spec.fontSize ?? TABLE_FONT_SIZE,
    layout: layout ?? (spec.padding === undefined ? THIN_GRID : thinGrid(spec.padding)),
    table: {
      // repeated on every page by pdfmake; keepWithHeaderRows avoids a header alone at a page end
      ...(withHeader ? { headerRows: 1, keepWithHeaderRows: 1 } : {}),
      // a student's row is never cut in two across pages
      dontBreakRows: true,
      widths: spec.columns.map((c) => c.width),
      // a least height, not a fixed one: pdfmake grows a row past it for its content
      ...(minRowHeight ? { heights: (row: number) => (row < first ? 'auto' : minRowHeight) } : {}),
      body: withHeader ? [headerRow(spec), ...body] : body,
    },
  };
}

/** Rows moved to the signatures' page when they would otherwise stand alone (see renderKeepingClosing). */
export const CARRY_ROWS = 3;

/**
 * The list as one table, or — when carryRows — split so its last rows start a new page with
 * their own header row, followed there by the closing block.
 */
export function listTables(spec: ListTableSpec, carryRows: boolean): Content[] {
  if (!carryRows || spec.rows.length <= CARRY_ROWS) return [withId(listTable(spec), LIST_END_ID)];
  const cut = spec.rows.length - CARRY_ROWS;
  return [
    listTable({ ...spec, rows: spec.rows.slice(0, cut) }),
    withId({ ...listTable({ ...spec, rows: spec.rows.slice(cut) }), pageBreak: 'before' }, LIST_END_ID),
  ];
}

/**
 * Totals and signatures: kept on one page. The id sits on a 1 pt line right after the block,
 * because pdfmake reports the positions of an unbreakable block's insides from before it
 * moves the block to the next page; the line after it is placed for real.
 */
export function closingBlock(stack: Content[]): Content[] {
  return [{ unbreakable: true, stack }, withId({ text: ' ', fontSize: 1, lineHeight: 1 }, CLOSING_ID)];
}

/**
 * The list and its closing block (totals, signatures) in one layout pass, never apart: the
 * last CARRY_ROWS rows and the closing block form the table's last row, which pdfmake never
 * breaks — when it does not fit under the other rows, it starts the next page, under the
 * repeated header. Inside that row the last rows are a table of their own, on the same
 * columns and laid over the outer grid exactly, so on paper it is one table.
 * (renderKeepingClosing gets the same result in two passes, for closing blocks of any size;
 * this needs a closing block well shorter than a page.)
 */
export function listWithClosing(spec: ListTableSpec, closing: Content[]): Content {
  const padding = spec.padding ?? PADDING;
  const cut = Math.max(0, spec.rows.length - CARRY_ROWS);
  const grid = thinGrid(padding);
  const outer = listTable({ ...spec, rows: spec.rows.slice(0, cut) });
  const last = outer.table.body.length;
  const tail = listTable({ ...spec, rows: spec.rows.slice(cut) }, false, {
    ...grid,
    // the outer table's rule above this row is the tail's top rule
    hLineWidth: (i: number) => (i === 0 ? 0 : CELL_LINE),
  });
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const span = spec.columns.length;
  outer.table.body.push([
    {
      stack: [tail, ...closing],
      colSpan: span,
      border: none,
      // the cell's own padding and rule, taken back: its content spans the table's full width,
      // and the tail's grid starts where the outer one does
      margin: [-(padding + CELL_LINE), 0, -(padding + CELL_LINE), 0],
    },
    ...Array.from({ length: span - 1 }, (): TableCell => ({})),
  ]);
  outer.layout = {
    ...grid,
    paddingTop: (row: number) => (row === last ? 0 : PADDING_Y),
    paddingBottom: (row: number) => (row === last ? 0 : PADDING_Y),
  };
  const minRowHeight = spec.minRowHeight;
  if (minRowHeight) outer.table.heights = (row: number) => (row === 0 || row === last ? 'auto' : minRowHeight);
  return outer;
}

/** Signatures as papers print them: the position in bold, a line to sign on, the name (initials first). */
export function signatureTable(signatures: readonly { position: string; name: string }[], marginTop = 18): Content {
  return {
    layout: 'noBorders',
    margin: [0, marginTop, 0, 0],
    table: {
      widths: ['*', 130, 'auto'],
      body: signatures.map((s) => [
        { text: s.position, bold: true, margin: [0, 10, 0, 0] },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5 }], margin: [0, 22, 0, 0] },
        // initials and surname stay on one line
        { text: s.name, noWrap: true, margin: [8, 10, 0, 0] },
      ]),
    },
  };
}
