/**
 * Measured texts kept between documents. pdfmake measures every text before the layout: it
 * splits it into words (Unicode line breaking), asks the style stack ~25 questions per word
 * and measures each word's width. A transcript is ~600 cells, and nearly all of them are
 * texts every other transcript of the batch prints too ("Экзамен", "B+", "3,33", "жакшы",
 * the group's disciplines): here a text measured once in a given look is reused, as fresh
 * copies, by every later cell with the same text and look.
 *
 * The look is everything the measuring reads (MEASURED below), resolved once per cell: from
 * the cell's own properties over those of its ancestors, the ancestors' answers being kept for
 * the stack of ancestors they came from. A cell with a named style, a text that is not a plain
 * string or a reference (a table of contents) is measured by pdfmake as before.
 */
import DocMeasureModule from 'pdfmake/js/DocMeasure';
import { pdfmakePrototype, once } from './pdfmake-class';

/** Every style property pdfmake's text measuring and word breaking read (TextInlines.measure, TextBreaker). */
const MEASURED = [
  'font',
  'bold',
  'italics',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'noWrap',
  'opacity',
  'sup',
  'sub',
  'lineHeight',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
  'leadingIndent',
  'wordBreak',
] as const;

type Values = unknown[];
type Node = Record<string, unknown> & { text?: unknown; _textRef?: unknown; style?: unknown; _inlines?: unknown; _minWidth?: number; _maxWidth?: number };
interface StyleStack {
  styleOverrides: (string | Record<string, unknown>)[];
  defaultStyle?: Record<string, unknown>;
}
interface Inline extends Record<string, unknown> {
  font: unknown;
}
interface DocMeasure {
  styleStack: StyleStack;
  textInlines: { pdfDocument: { provideFont(family: string, bold: boolean, italics: boolean): unknown } };
  measureLeaf(node: Node): Node;
}
interface Measured {
  items: Inline[];
  minWidth: number;
  maxWidth: number;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const MEASURED_INDEX = new Map<string, number>(MEASURED.map((p, i) => [p, i]));

/** Texts kept at most; past it the cache starts over (a batch repeats a few thousand). */
export const MEASURE_CACHE_SIZE = 20_000;
/** By look, then by text: the text is the cell's own string, whose hash V8 keeps, so a lookup hashes only the short look. */
const measured = new Map<string, Map<string, Measured>>();
let measuredCount = 0;

/**
 * A stack of ancestors, known by the objects on it (numbered on first sight), and what they
 * answer: their values, and a number for those values that is the same in every document
 * whose ancestors answer alike (so a look measured in one transcript is found in the next).
 */
interface Ancestors {
  ids: number[];
  values: Values;
  look: number;
}
const ID = Symbol('unidesk.styleId');
let nextId = 0;
/** An object's number; -1 for one that cannot be numbered (frozen): its cells are measured the usual way. */
const idOf = (o: Record<string | symbol, unknown>): number => (o[ID] as number | undefined) ?? (Object.isExtensible(o) ? (o[ID] = ++nextId) : -1);
let ancestorsByHash = new Map<number, Ancestors>();
const lookNumbers = new Map<string, number>();

/** Look numbers restart after forget(): whatever was kept by them (texts, a document's fonts) goes. */
let generation = 0;

function forget(): void {
  generation++;
  measured.clear();
  measuredCount = 0;
  lookNumbers.clear();
  ancestorsByHash = new Map();
}

function ancestorsOf(stack: StyleStack, node: Node): Ancestors | null {
  // the cell itself is on top (a table cell twice: measureTable and measureNode push it):
  // its own properties are read apart
  const all = stack.styleOverrides;
  let n = all.length;
  while (n > 0 && all[n - 1] === node) n--;
  const base = stack.defaultStyle ? idOf(stack.defaultStyle) : 0;
  if (base < 0) return null;
  let hash = base;
  for (let i = 0; i < n; i++) {
    const o = all[i]!;
    if (typeof o !== 'object' || o === null) return null;
    const id = idOf(o);
    if (id < 0) return null;
    hash = (Math.imul(hash, 31) + id) | 0;
  }
  const known = ancestorsByHash.get(hash);
  if (known && known.ids.length === n + 1 && known.ids[0] === base && known.ids.every((id, i) => i === 0 || id === idOf(all[i - 1] as Record<string, unknown>))) return known;
  const values = MEASURED.map((p) => {
    for (let i = n - 1; i >= 0; i--) {
      const v = (all[i] as Record<string, unknown>)[p];
      if (isValue(v)) return v;
    }
    return stack.defaultStyle?.[p];
  });
  const text = values.map((v) => (Array.isArray(v) ? v.join(',') : String(v))).join('\u0001');
  if (values.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) return null;
  let look = lookNumbers.get(text);
  if (look === undefined) {
    // a number stands in the keys of measured texts: they go with it
    if (lookNumbers.size >= 10_000) forget();
    lookNumbers.set(text, (look = lookNumbers.size + 1));
  }
  const entry: Ancestors = { ids: [base, ...all.slice(0, n).map((o) => idOf(o as Record<string, unknown>))], values, look };
  if (ancestorsByHash.size > 1000) ancestorsByHash = new Map();
  ancestorsByHash.set(hash, entry);
  return entry;
}

interface Look {
  key: string;
  font: unknown;
  bold: unknown;
  italics: unknown;
}

/** The cell's look as a key (its ancestors' look, then its own properties), or null to measure it the usual way. */
function lookOf(stack: StyleStack, node: Node): Look | null {
  if (typeof node.text !== 'string' || node._textRef !== undefined || node.style !== undefined) return null;
  const ancestors = ancestorsOf(stack, node);
  if (!ancestors) return null;
  let key = String(ancestors.look);
  let font = ancestors.values[0];
  let bold = ancestors.values[1];
  let italics = ancestors.values[2];
  for (const k in node) {
    const i = MEASURED_INDEX.get(k);
    if (i === undefined) continue;
    const v = node[k];
    if (!isValue(v)) continue;
    if (typeof v === 'object') {
      if (!Array.isArray(v)) return null;
      key += `\u0001${i}=${v.join(',')}`;
    } else key += `\u0001${i}=${String(v)}`;
    if (i === 0) font = v;
    else if (i === 1) bold = v;
    else if (i === 2) italics = v;
  }
  return { key, font, bold, italics };
}

const copy = (items: Inline[], font: unknown): Inline[] => items.map((i) => ({ ...i, font }));

/** Makes every later pdfmake document reuse measured texts; idempotent. */
export const installMeasureCache = once((): void => {
  const proto = pdfmakePrototype<DocMeasure>(DocMeasureModule);
  const measureLeaf = proto.measureLeaf;
  // the fonts of a document by look: asking pdfmake for each cell's font costs as much as the rest
  const fontsOf = new WeakMap<DocMeasure, { generation: number; fonts: Map<string, unknown> }>();
  proto.measureLeaf = function (this: DocMeasure, node: Node): Node {
    const look = lookOf(this.styleStack, node);
    if (!look) return measureLeaf.call(this, node);
    let mine = fontsOf.get(this);
    if (!mine || mine.generation !== generation) fontsOf.set(this, (mine = { generation, fonts: new Map() }));
    const fonts = mine.fonts;
    let font = fonts.get(look.key);
    if (font === undefined) {
      font = this.textInlines.pdfDocument.provideFont(String(look.font ?? 'Roboto'), Boolean(look.bold), Boolean(look.italics));
      fonts.set(look.key, font);
    }
    let texts = measured.get(look.key);
    const text = node.text as string;
    const known = texts?.get(text);
    if (known) {
      node._inlines = copy(known.items, font);
      node._minWidth = known.minWidth;
      node._maxWidth = known.maxWidth;
      return node;
    }
    measureLeaf.call(this, node);
    const items = node._inlines as Inline[];
    // kept as measured, before the layout moves and changes the node's own copies
    if (measuredCount >= MEASURE_CACHE_SIZE) {
      // this cell's look number is from before: the next cells start the cache again
      forget();
      return node;
    }
    if (!texts) measured.set(look.key, (texts = new Map()));
    texts.set(text, { items: copy(items, null), minWidth: node._minWidth!, maxWidth: node._maxWidth! });
    measuredCount++;
    return node;
  };
});
