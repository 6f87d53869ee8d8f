/**
 * Parsed fonts shared between documents. pdfmake opens a new pdfkit document for every PDF,
 * and pdfkit parses each font file again (fontkit decodes cmap, metrics, GSUB/GPOS and every
 * glyph it touches) and shapes every word again: on a grade sheet that was about a third of
 * the time. The parsed font only ever grows caches of what it has read, so documents
 * may share it; each document still gets its own pdfkit font (its own widths and object ids),
 * whose subset starts with the letters every document shares (pdf-font-subset.ts).
 *
 * pdfkit offers no way in (its font factory is private, fontkit's create cannot be
 * replaced), so this wraps pdfmake's provideFont, the one place pdfmake asks for a font.
 */
import fs from 'node:fs';
import PdfmakeDocumentModule from 'pdfmake/js/PDFDocument';
import { shareSubset, sharedSubsets, type SharedSubsets, type SubsetFont } from './pdf-font-subset';
import { pdfmakePrototype, once } from './pdfmake-class';

/** pdfkit's EmbeddedFont, as far as this file uses it. */
interface PdfkitFont extends SubsetFont {
  /** the fontkit font, parsed from the file */
  font: unknown;
  /** shaped words (glyphs and positions): read, never changed, by pdfkit once made */
  layoutCache?: Record<string, unknown>;
  widthOfString(text: string, size: number, features?: unknown): number;
}

type PdfkitFontClass = new (document: PdfmakeDocument, font: unknown, id: string) => PdfkitFont;

/** pdfmake's PDFDocument (a pdfkit document), as far as this file uses it. */
interface PdfmakeDocument {
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, PdfkitFont>>;
  virtualfs: { existsSync(file: string): boolean } | null;
  /** pdfkit embeds, at the end, every font listed here */
  _fontFamilies: Record<string, PdfkitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  validateLocalFile(file: string): void;
  provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont;
}

interface Parsed {
  /** size and modification time: a file replaced under the same name is parsed again */
  stamp: string;
  FontClass: PdfkitFontClass;
  font: unknown;
  layoutCache: Record<string, unknown>;
  /** widths of whole texts at size 1000 (font units), dropped with layoutCache */
  widths: Map<string, number>;
  /** documents that have used layoutCache (see LAYOUT_CACHE_DOCUMENTS) */
  uses: number;
  subsets: SharedSubsets;
}

/**
 * Shaped words are kept for this many documents, then dropped: a batch reuses the same names
 * and headers, but a long-running app must not keep every word it ever printed.
 */
const LAYOUT_CACHE_DOCUMENTS = 500;

/** By absolute font file path: another fonts folder (UNIDESK_RESOURCES_DIR) is another entry. */
const parsed = new Map<string, Parsed>();

/** fontkit's font and glyph, as far as this file uses them. */
interface FontkitFont {
  _variationProcessor?: unknown;
  getGlyph(id: number, ...rest: unknown[]): FontkitGlyph | null;
}
interface FontkitGlyph {
  _decode(): unknown;
}

/**
 * Subsetting decodes every glyph the document uses (to find composite glyphs), and fontkit
 * decodes it again each time although its glyph objects live as long as the font. Decoded
 * once here, per glyph of the shared font; a variable font changes its outlines, so it is
 * left alone (DejaVu is not one).
 */
function decodeGlyphsOnce(font: FontkitFont): void {
  if (font._variationProcessor) return;
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: FontkitFont, ...args) {
    const glyph = getGlyph.apply(this, args);
    if (glyph && !Object.hasOwn(glyph, '_decode')) {
      const decode = glyph._decode;
      let decoded: { value: unknown } | null = null;
      glyph._decode = () => (decoded ??= { value: decode.call(glyph) }).value;
    }
    return glyph;
  };
}

function stampOf(file: string): string {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

/** How many font files are held parsed (for tests). */
export function parsedFontCount(): number {
  return parsed.size;
}

/**
 * A text's width, measured once per font file: pdfmake measures every word to break lines and
 * pdfkit measures it again to move past it when drawing, each time splitting it into words
 * and looking each up. The width of a text without font features depends on the font alone.
 */
function shareWidths(font: PdfkitFont, shared: Parsed): void {
  const widthOfString = font.widthOfString;
  font.widthOfString = function (this: PdfkitFont, text: string, size: number, features?: unknown): number {
    if (features) return widthOfString.call(this, text, size, features);
    let units = shared.widths.get(text);
    if (units === undefined) {
      units = widthOfString.call(this, text, 1000);
      shared.widths.set(text, units);
    }
    return units * (size / 1000);
  };
}

/** Makes every later pdfmake document take its fonts from the shared cache; idempotent. */
export const installFontCache = once((): void => {
  const proto = pdfmakePrototype<PdfmakeDocument>(PdfmakeDocumentModule);
  const original = proto.provideFont;

  proto.provideFont = function (this: PdfmakeDocument, family: string, bold: boolean, italics: boolean): PdfkitFont {
    const type = this.getFontType(bold, italics);
    const file = this.fonts[family]?.[type];
    const inDocument = this.fontCache[family]?.[type];
    if (inDocument) return inDocument;
    // in-memory fonts and unknown families (pdfmake names them in its error) go the usual way
    if (typeof file !== 'string' || this.virtualfs?.existsSync(file)) return original.call(this, family, bold, italics);
    const stamp = stampOf(file);
    const shared = parsed.get(file);
    if (!shared || shared.stamp !== stamp) {
      const font = original.call(this, family, bold, italics);
      const layoutCache = font.layoutCache ?? Object.create(null);
      decodeGlyphsOnce(font.font as FontkitFont);
      const subsets = sharedSubsets();
      shareSubset(font, subsets);
      const entry: Parsed = { stamp, FontClass: font.constructor as PdfkitFontClass, font: font.font, layoutCache, widths: new Map(), uses: 1, subsets };
      parsed.set(file, entry);
      shareWidths(font, entry);
      return font;
    }
    this.validateLocalFile(file);
    // what pdfkit's own font(file) would do: one font per file in a document, the same id
    // scheme (the subset tag derives from the id), and listed to be embedded at the end
    let font = this._fontFamilies[file];
    if (!font) {
      font = new shared.FontClass(this, shared.font, `F${++this._fontCount}`);
      if (++shared.uses > LAYOUT_CACHE_DOCUMENTS) {
        shared.layoutCache = Object.create(null);
        shared.widths = new Map();
        shared.uses = 1;
      }
      if (font.layoutCache) font.layoutCache = shared.layoutCache;
      shareWidths(font, shared);
      shareSubset(font, shared.subsets);
      this._fontFamilies[file] = font;
    }
    (this.fontCache[family] ??= {})[type] = font;
    return font;
  };
});
