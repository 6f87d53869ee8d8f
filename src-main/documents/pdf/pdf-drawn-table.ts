/**
 * A list table whose rows pdfmake places but does not lay out (issue 13's bench: a thousand
 * transcripts of ~70 rows each). In an ordinary pdfmake table every cell is a text node that
 * pdfmake measures, breaks into lines and draws word by word — ~50 µs a cell, most of a
 * transcript's time. Here each row is laid out once, in this file: its cells' texts wrapped to
 * their columns (by fontkit's own widths, as pdfkit measures when it prints) and its height known, and it
 * reaches pdfmake as one canvas of that height. pdfmake still does what it does well — the
 * pages: rows never cut in two, the header row repeated on every page, the closing block kept
 * with the last rows (drawnListWithClosing) — and at drawing time the row is painted here, its
 * grid and texts in one piece of page content. It looks like listTable (pdf-table.ts): the same
 * thin black grid, paddings, bold header on grey, and line height.
 */
import type { Content, ContentCanvas, TableCell } from 'pdfmake/interfaces';
import RendererModule from 'pdfmake/js/Renderer';
import * as fontkit from 'fontkit';
import { FONT_SERIF, fontFiles, fontsDir } from './pdf-fonts';
import { words } from './pdf-columns';
import { CARRY_ROWS, CELL_LINE, PADDING_Y } from './pdf-table';
import { pdfmakePrototype, once } from './pdfmake-class';

export interface DrawnColumn {
  header: string;
  /** content width in points, or '*' for what is left of the table's width */
  width: number | '*';
  align: 'left' | 'center' | 'right';
}

/** A row: a text per column, or one text across the table (a semester's heading or total). */
export type DrawnRow = { cells: string[] } | { across: string; align: 'left' | 'right' };

export interface DrawnTableSpec {
  columns: DrawnColumn[];
  rows: DrawnRow[];
  /** the table's full width, rules included */
  width: number;
  fontSize: number;
  headerFontSize: number;
  /** left and right cell padding */
  padding: number;
}

/** As listTable: header fill, and the document's line height (1.1). */
const HEADER_FILL = '0.909804 0.909804 0.909804';
const LINE_HEIGHT = 1.1;
/** Where a painted row travels inside pdfmake: a property of a plain rectangle (copied with it when a page is laid out). */
const PAINT = 'unideskPaint';

interface Text {
  text: string;
  /** left edge of the cell's content, and its width */
  x: number;
  width: number;
  /** baseline, from the row's top */
  baseline: number;
  align: DrawnColumn['align'];
  bold: boolean;
  size: number;
}

interface Paint {
  width: number;
  height: number;
  /** x of every vertical rule (an across row: the outer two) */
  rules: number[];
  top: boolean;
  fill: boolean;
  texts: Text[];
}

/**
 * Widths as pdfkit measures them when it prints (fontkit's layout: advances and kerning), so a
 * line is broken where pdfmake would break it. Fonts are read once per process; widths of
 * texts (a batch repeats its disciplines) are kept.
 */
interface Measurer {
  font: fontkit.Font;
  widths: Map<string, number>;
}
let measurers: { dir: string; regular: Measurer; bold: Measurer } | null = null;

/** Opens the fonts of the current fonts folder (once; again if the folder changes): called once per table. */
function openMeasurers(): void {
  const dir = fontsDir();
  if (measurers?.dir !== dir) {
    const files = fontFiles(dir)[FONT_SERIF]!;
    const open = (file: string): Measurer => ({ font: fontkit.openSync(file), widths: new Map() });
    measurers = { dir, regular: open(files.normal), bold: open(files.bold ?? files.normal) };
  }
}

function measurer(bold: boolean): Measurer {
  if (!measurers) openMeasurers();
  return bold ? measurers!.bold : measurers!.regular;
}

function textWidth(text: string, size: number, bold: boolean): number {
  const m = measurer(bold);
  let units = m.widths.get(text);
  if (units === undefined) {
    if (m.widths.size >= 50_000) m.widths.clear();
    m.widths.set(text, (units = m.font.layout(text).advanceWidth));
  }
  return (units / m.font.unitsPerEm) * size;
}

/** The lines of a text in a width: greedy, at spaces; a word wider than the width is cut by letters. */
export function wrap(text: string, width: number, size: number, bold: boolean): string[] {
  // most cells ("4", "экзамен", "B+", a short discipline) fit as they are
  if (!text.includes('\n') && textWidth(text, size, bold) <= width) return [text];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of words(paragraph)) {
      const joined = line === '' ? word : line.endsWith('-') ? line + word : `${line} ${word}`;
      if (textWidth(joined, size, bold) <= width) {
        line = joined;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // a word alone wider than the column: as many letters as fit on each line
      let rest = word;
      while (textWidth(rest, size, bold) > width && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && textWidth(rest.slice(0, n), size, bold) > width) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** The font's ascent, and its line (ascent − descent + gap, as pdfkit's lineHeight) times the document's line height, at a size. */
function metrics(size: number): { ascent: number; line: number } {
  const f = measurer(false).font;
  return { ascent: (f.ascent / f.unitsPerEm) * size, line: ((f.ascent - f.descent + f.lineGap) / f.unitsPerEm) * LINE_HEIGHT * size };
}

/** Column edges from the left of the table: the '*' column takes what the others leave. */
function edges(spec: DrawnTableSpec): number[] {
  const overhead = 2 * spec.padding + CELL_LINE;
  const fixed = spec.columns.reduce((sum, c) => sum + (c.width === '*' ? 0 : c.width + overhead), 0);
  const star = Math.max(overhead, spec.width - fixed);
  const xs = [CELL_LINE / 2];
  for (const c of spec.columns) xs.push(xs[xs.length - 1]! + (c.width === '*' ? star : c.width + overhead));
  return xs;
}

function paintRow(spec: DrawnTableSpec, xs: number[], cells: { text: string; align: DrawnColumn['align'] }[], spans: boolean, bold: boolean, size: number, header: boolean): Paint {
  const { ascent, line: lh } = metrics(size);
  const texts: Text[] = [];
  let lines = 1;
  cells.forEach((cell, i) => {
    const left = xs[i]! + CELL_LINE / 2 + spec.padding;
    const width = (spans ? xs[xs.length - 1]! : xs[i + 1]!) - CELL_LINE / 2 - spec.padding - left;
    const wrapped = cell.text === '' ? [] : wrap(cell.text, width, size, bold);
    lines = Math.max(lines, wrapped.length);
    wrapped.forEach((text, k) => {
      texts.push({ text, x: left, width, baseline: CELL_LINE + PADDING_Y + k * lh + ascent, align: cell.align, bold, size });
    });
  });
  const height = CELL_LINE + 2 * PADDING_Y + lines * lh + (header ? CELL_LINE : 0);
  // the header row carries the table's top rule (on every page it is repeated on)
  if (header) for (const t of texts) t.baseline += CELL_LINE;
  return { width: spec.width, height, rules: spans ? [xs[0]!, xs[xs.length - 1]!] : xs, top: header, fill: header, texts };
}

function canvasOf(paint: Paint): ContentCanvas {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: paint.width, h: paint.height, lineWidth: 0, [PAINT]: paint } as never] };
}

/** The table's header row and body rows, each as one canvas of its height. */
export function drawnRows(spec: DrawnTableSpec): { header: ContentCanvas; rows: ContentCanvas[] } {
  // whoever builds drawn rows makes sure pdfmake can paint them (not a speed patch: always on)
  installDrawnRows();
  openMeasurers();
  const xs = edges(spec);
  const header = paintRow(spec, xs, spec.columns.map((c) => ({ text: c.header, align: 'center' as const })), false, true, spec.headerFontSize, true);
  const rows = spec.rows.map((r) =>
    'cells' in r
      ? paintRow(spec, xs, r.cells.map((text, i) => ({ text, align: spec.columns[i]?.align ?? 'left' })), false, false, spec.fontSize, false)
      : paintRow(spec, xs, [{ text: r.across, align: r.align }], true, false, spec.fontSize, false),
  );
  return { header: canvasOf(header), rows: rows.map(canvasOf) };
}

const NO_GRID = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 };

/**
 * The table, its header repeated on each page, ending with its last rows and the closing block
 * (totals, signatures) in one unbreakable last row, as listWithClosing does for listTable.
 */
export function drawnListWithClosing(spec: DrawnTableSpec, closing: Content[]): Content {
  const { header, rows } = drawnRows(spec);
  const cut = Math.max(0, rows.length - CARRY_ROWS);
  const body: TableCell[][] = [[header], ...rows.slice(0, cut).map((r) => [r]), [{ stack: [...rows.slice(cut), ...closing] }]];
  return { layout: NO_GRID, table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [spec.width], body } };
}

interface PdfFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}
interface PdfDocument {
  page: { height: number; fonts: Record<string, unknown> };
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
  addContent(data: string): unknown;
}

const num = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** A text as a TJ array of glyph runs with their kerning, as pdfkit writes it (its _fragment). */
function glyphs(font: PdfFont, text: string, size: number, x: number, y: number, out: string[]): void {
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let cx = x;
  const segment = (cur: number) => {
    if (last < cur) commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth))}`);
    last = cur;
  };
  const flush = (i: number) => {
    segment(i);
    if (commands.length) out.push(`[${commands.join(' ')}] TJ`);
    commands.length = 0;
  };
  let shifted = false;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${num(cx + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm`);
      flush(i + 1);
      shifted = true;
    } else {
      if (shifted) {
        out.push(`1 0 0 1 ${num(cx)} ${num(y)} Tm`);
        shifted = false;
      }
      if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
    }
    cx += p.xAdvance * scale;
  }
  flush(positions.length);
}

/** A row's fill and rules from its top left corner: the same for every row of a shape, so written once. */
const grids = new Map<string, string>();
function gridOf(p: Paint): string {
  const key = `${p.height}|${p.top}|${p.fill}|${p.rules.join(',')}`;
  let grid = grids.get(key);
  if (grid !== undefined) return grid;
  const out: string[] = [];
  const first = p.rules[0]!;
  const last = p.rules[p.rules.length - 1]!;
  if (p.fill) out.push(`${HEADER_FILL} rg`, `${num(first)} 0 ${num(last - first)} ${num(p.height)} re`, 'f');
  out.push(`${CELL_LINE} w`, '0 G', '0 J');
  const bottom = p.height - CELL_LINE / 2;
  const top = p.top ? CELL_LINE / 2 : 0;
  for (const rx of p.rules) out.push(`${num(rx)} ${num(top)} m`, `${num(rx)} ${num(p.height)} l`);
  const left = num(first - CELL_LINE / 2);
  const right = num(last + CELL_LINE / 2);
  out.push(`${left} ${num(bottom)} m`, `${right} ${num(bottom)} l`);
  if (p.top) out.push(`${left} ${num(top)} m`, `${right} ${num(top)} l`);
  out.push('S');
  grid = out.join('\n');
  if (grids.size >= 1000) grids.clear();
  grids.set(key, grid);
  return grid;
}

/** The row's grid and texts at (x, y) on the page, as one saved-and-restored piece of content. */
function paint(doc: PdfDocument, p: Paint, x: number, y: number): void {
  // moved to the row's corner (the page runs downwards there, as pdfkit sets it up)
  const out: string[] = ['q', `1 0 0 1 ${num(x)} ${num(y)} cm`, gridOf(p)];
  if (p.texts.length) {
    // text is set in PDF's own upward coordinates: a baseline b below the corner is at −b
    out.push('1 0 0 -1 0 0 cm', '0 g', 'BT');
    let current = '';
    for (const t of p.texts) {
      const font = doc.provideFont(FONT_SERIF, t.bold, false);
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
      const selected = `/${font.id} ${num(t.size)} Tf`;
      if (selected !== current) out.push((current = selected));
      // the same widths the row was wrapped by
      const free = t.align === 'left' ? 0 : t.width - textWidth(t.text, t.size, t.bold);
      const tx = t.x + (t.align === 'center' ? free / 2 : t.align === 'right' ? free : 0);
      out.push(`1 0 0 1 ${num(tx)} ${num(-t.baseline)} Tm`);
      glyphs(font, t.text, t.size, tx, -t.baseline, out);
    }
    out.push('ET');
  }
  out.push('Q');
  doc.addContent(out.join('\n'));
}

/** Makes pdfmake paint drawn rows (their rectangles carry them); idempotent. */
export const installDrawnRows = once((): void => {
  type Vector = Record<string, unknown> & { x: number; y: number };
  const proto = pdfmakePrototype<{ renderVector(v: Vector): void; pdfDocument: PdfDocument }>(RendererModule);
  const renderVector = proto.renderVector;
  proto.renderVector = function (this: { pdfDocument: PdfDocument }, v: Vector) {
    const p = v[PAINT] as Paint | undefined;
    if (!p) return renderVector.call(this, v);
    paint(this.pdfDocument, p, v.x, v.y);
  };
});
