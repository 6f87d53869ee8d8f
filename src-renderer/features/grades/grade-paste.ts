/**
 * Pasting a block copied from Excel (or LibreOffice, or a Word table): tab-separated columns,
 * rows ending in \n or \r\n, usually with one trailing line break. The block lands at the
 * selected cell and fills down and right; a block that does not fit is refused as a whole,
 * so a paste either changes exactly what the clerk sees in Excel or nothing at all.
 */

/** Excel quotes a cell that holds a tab, a line break or a quote: "a""b" is a"b. */
function unquote(cell: string): string {
  const m = /^"([\s\S]*)"$/.exec(cell);
  return m ? m[1]!.replace(/""/g, '"') : cell;
}

/** Splits clipboard text into rows of cells; "" (nothing to paste) gives []. */
export function parseTsv(text: string): string[][] {
  let t = text.replace(/\r\n?/g, '\n');
  // the line break Excel puts after the last row is not an extra empty row
  if (t.endsWith('\n')) t = t.slice(0, -1);
  if (t === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '""';
        i++;
      } else if (ch === '"') {
        cell += ch;
        quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') {
      cell += ch;
      quoted = true;
    } else if (ch === '\t') {
      row.push(unquote(cell));
      cell = '';
    } else if (ch === '\n') {
      row.push(unquote(cell));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(unquote(cell));
  rows.push(row);
  return rows;
}

export interface PastedCell {
  row: number;
  col: number;
  text: string;
}

export type Placement =
  | { ok: true; cells: PastedCell[]; rows: number; cols: number }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'tooManyRows'; rows: number; available: number }
  | { ok: false; reason: 'tooManyCols'; cols: number; available: number };

/**
 * Where each pasted value goes when the block's top-left corner is `at` in a grid of
 * `rowCount` × `colCount` editable cells. Rows of different length (a ragged copy) are
 * filled as far as they go.
 */
export function placePaste(
  block: readonly (readonly string[])[],
  at: { row: number; col: number },
  rowCount: number,
  colCount: number,
): Placement {
  if (block.length === 0) return { ok: false, reason: 'empty' };
  const rowsAvailable = Math.max(0, rowCount - at.row);
  if (block.length > rowsAvailable) return { ok: false, reason: 'tooManyRows', rows: block.length, available: rowsAvailable };
  const width = Math.max(...block.map((r) => r.length));
  const colsAvailable = Math.max(0, colCount - at.col);
  if (width > colsAvailable) return { ok: false, reason: 'tooManyCols', cols: width, available: colsAvailable };
  const cells: PastedCell[] = [];
  block.forEach((r, i) => r.forEach((text, j) => cells.push({ row: at.row + i, col: at.col + j, text: text.trim() })));
  return { ok: true, cells, rows: block.length, cols: width };
}

/** A paste into the cell being edited is a block paste only when it spans cells. */
export function isBlockPaste(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/(\r\n|\n|\r)$/, ''));
}
