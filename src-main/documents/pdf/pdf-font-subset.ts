/**
 * One font subset for a whole batch. pdfkit embeds in every PDF a subset of each font with the
 * glyphs that PDF uses, numbered in the order they first appear; building that subset (the
 * glyph, metric and location tables) and compressing it took a seventh of a grade sheet's
 * time, every sheet again. Here every document's subset starts with the same glyphs, in the
 * same order — the letters and signs of Kyrgyz and Russian documents — so the subsets of
 * most documents are the very same bytes, built and compressed once per font. A document
 * with other letters (Kazakh ә, a ligature) has them added after these, and that document's
 * subset is built for it alone, as before. The price: a sheet's file is about 25 KB larger.
 */
import { compressOnce } from './pdf-stream-compression';

/** Letters and signs every document's subset holds, in this order. */
const REPERTOIRE: readonly number[] = [
  ...range(0x20, 0x7e), // ASCII: digits, Latin (grade letters, codes), punctuation
  ...range(0x410, 0x44f), // А–я
  0x401, 0x451, // Ё ё
  0x4a2, 0x4a3, 0x4e8, 0x4e9, 0x4ae, 0x4af, // Ң ң Ө ө Ү ү
  0xab, 0xbb, 0x2116, 0x2013, 0x2014, 0x2019, 0x201c, 0x201d, 0x201e, 0x2026, // « » № – — ’ “ ” „ …
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** fontkit's font, glyph and subset, and pdfkit's embedded font, as far as this file uses them. */
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface FontkitFont {
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}
interface FontkitSubset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}
/** pdfkit's encode: the glyphs of a text as hex subset numbers, and their positions. */
type Encode = (text: string, features?: unknown) => [string[], unknown[]];

export interface SubsetFont {
  font: unknown;
  encode?: Encode;
  subset?: FontkitSubset;
  widths?: number[];
  unicode?: number[][];
  scale?: number;
}

/** Per parsed font file: the repertoire's glyphs, and the subsets built so far. */
export interface SharedSubsets {
  glyphs: FontkitGlyph[] | null;
  /** encoded subsets by their glyph list, the latest last */
  encoded: Map<string, Uint8Array>;
  /** pdfkit's encode of texts whose glyphs are all in the repertoire: the same in every document */
  texts: Map<string, [string[], unknown[]]>;
}

/** Subsets kept per font: a batch needs one; a document with other letters adds its own. */
const SUBSETS_KEPT = 4;
/** Encoded texts kept per font (words and numbers: a batch repeats the same names and headers). */
const TEXTS_KEPT = 50_000;

export function sharedSubsets(): SharedSubsets {
  return { glyphs: null, encoded: new Map(), texts: new Map() };
}

/**
 * Starts the document font's subset with the repertoire (as pdfkit's encode would when it met
 * those letters: its subset number, width and text for copying) and makes its encoding come
 * from the shared subsets when the glyph list is the same.
 */
export function shareSubset(font: SubsetFont, shared: SharedSubsets): void {
  const { subset, widths, unicode, scale } = font;
  // another kind of font (not pdfkit's embedded TrueType font) is left as it is
  if (!subset || !widths || !unicode || typeof scale !== 'number' || subset.glyphs.length !== 1) return;
  shared.glyphs ??= [...new Map(REPERTOIRE.map((cp) => (font.font as FontkitFont).glyphForCodePoint(cp)).filter((g) => g.id !== 0).map((g) => [g.id, g])).values()];
  for (const glyph of shared.glyphs) {
    const gid = subset.includeGlyph(glyph.id);
    widths[gid] ??= glyph.advanceWidth * scale;
    unicode[gid] ??= glyph.codePoints;
  }
  shareEncodedTexts(font, shared, shared.glyphs.length + 1);
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    // the list before encoding: encoding appends the parts of composite glyphs to it
    const key = subset.glyphs.join(',');
    let bytes = shared.encoded.get(key);
    if (bytes) {
      shared.encoded.delete(key);
    } else {
      bytes = compressOnce(encode());
      if (shared.encoded.size >= SUBSETS_KEPT) shared.encoded.delete(shared.encoded.keys().next().value!);
    }
    shared.encoded.set(key, bytes);
    return bytes;
  };
}

/**
 * A text whose glyphs are all in the repertoire gets the same subset numbers in every
 * document (the repertoire comes first, in a fixed order) and changes nothing in the
 * document's font when encoded (its widths and text are set already): its encoding is shared.
 */
function shareEncodedTexts(font: SubsetFont, shared: SharedSubsets, fixedGlyphs: number): void {
  const encode = font.encode;
  if (!encode) return;
  const inRepertoire = (hex: string) => parseInt(hex, 16) < fixedGlyphs;
  font.encode = function (this: SubsetFont, text: string, features?: unknown) {
    if (features) return encode.call(this, text, features);
    const known = shared.texts.get(text);
    if (known) return known;
    const result = encode.call(this, text);
    if (result[0].every(inRepertoire)) {
      if (shared.texts.size >= TEXTS_KEPT) shared.texts.clear();
      shared.texts.set(text, result);
    }
    return result;
  };
}
