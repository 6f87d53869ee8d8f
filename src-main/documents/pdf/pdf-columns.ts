/**
 * Column widths from the content, so that no word is ever cut inside a cell (pdfmake splits
 * a word that is wider than its column) and names get the room they need to wrap only at
 * spaces and hyphens (DOMAIN.md §3: long names wrap, never overflow).
 */
import { TABLE_FONT_SIZE } from './pdf';
import { textWidth } from './pdf-metrics';
import { CELL_LINE, cellOverhead, HEADER_FONT_SIZE } from './pdf-table';

/** A little over the advances: pdfkit rounds positions, and a cut word is worse than 2 pt. */
const SAFETY = 1.03;

export function estimateWidth(text: string, size: number, bold = false): number {
  return textWidth(text, size, bold) * SAFETY;
}

/**
 * The pieces a line may break between: spaces, and a hyphen before a letter
 * ("Абдыкадыров-|Сыдыкбеков"); "ЭК-10-24" stays whole (no break before a digit, UAX #14).
 */
export function words(text: string): string[] {
  return text.split(/\s+|(?<=-)(?=\p{L})/u).filter(Boolean);
}

function longestWord(text: string, size: number, bold: boolean): number {
  return words(text).reduce((max, w) => Math.max(max, estimateWidth(w, size, bold)), 0);
}

export interface ColumnFit {
  /** a column that takes what is left (names); the others get their preferred width first */
  star?: boolean;
  /** a star column gets at least this before other columns grow past their minimum */
  floor?: number;
  /** the most a column asks for to keep its cells on one line */
  maxPreferred?: number;
  /** the least a column gets whatever it holds (a cell to sign or to write a grade in by hand) */
  min?: number;
  /**
   * A word longer than the floor is broken inside the cell rather than widening the column (a
   * 41-letter surname must not turn the whole sheet landscape): the floor is then its minimum.
   */
  breakLongWords?: boolean;
}

/** Font sizes a table is set in, when not the list defaults (TABLE_FONT_SIZE, HEADER_FONT_SIZE). */
export interface FitSizes {
  cell?: number;
  header?: number;
  /** the table's side padding (ListTableSpec.padding) */
  padding?: number;
}

/**
 * Widths (pt, without padding) for a table of `width` points, or null when even the longest
 * word of every column does not fit. Each column gets its longest word (header or cell);
 * then star columns up to their floor; then the others toward one line per cell; the rest
 * goes to the star columns.
 */
export function fitColumns(header: string[], rows: string[][], fits: ColumnFit[], width: number, sizes: FitSizes = {}): number[] | null {
  const n = header.length;
  const cellSize = sizes.cell ?? TABLE_FONT_SIZE;
  const headerSize = sizes.header ?? HEADER_FONT_SIZE;
  const min = header.map((h, i) => {
    let m = longestWord(h, headerSize, true);
    for (const row of rows) m = Math.max(m, longestWord(row[i] ?? '', cellSize, false));
    const fit = fits[i];
    if (fit?.breakLongWords && fit.floor !== undefined) m = Math.max(longestWord(h, headerSize, true), Math.min(m, fit.floor - 1));
    return Math.ceil(Math.max(m + 1, fit?.min ?? 0));
  });
  const preferred = header.map((_, i) => {
    let p = min[i]!;
    for (const row of rows) p = Math.max(p, estimateWidth(row[i] ?? '', cellSize));
    return Math.min(Math.ceil(p), Math.max(min[i]!, fits[i]?.maxPreferred ?? 140));
  });
  const out = [...min];
  let rest = width - n * cellOverhead(sizes.padding) - CELL_LINE - min.reduce((a, b) => a + b, 0);
  if (rest < 0) return null;

  const stars = fits.map((f, i) => (f.star ? i : -1)).filter((i) => i >= 0);
  const give = (indexes: number[], target: (i: number) => number) => {
    const need = indexes.reduce((sum, i) => sum + Math.max(0, target(i) - out[i]!), 0);
    if (need <= 0) return;
    const share = Math.min(1, rest / need);
    for (const i of indexes) {
      const add = Math.max(0, target(i) - out[i]!) * share;
      out[i] = out[i]! + add;
      rest -= add;
    }
  };
  give(stars, (i) => fits[i]?.floor ?? 0);
  give(
    header.map((_, i) => i).filter((i) => !fits[i]?.star),
    (i) => preferred[i]!,
  );
  if (stars.length) for (const i of stars) out[i] = out[i]! + rest / stars.length;
  return out.map((w) => Math.floor(w * 10) / 10);
}
