/**
 * pdfmake's style lookup without its allocations. pdfmake asks for ~25 style properties of
 * every piece of text (font, size, colour, decoration, link, sup…), and each question pushed
 * the piece on the style stack, made a closure (and a Set per named style), walked the stack
 * and popped it again: on a grade sheet that was a tenth of the time, most of it garbage.
 * These are the same lookups, in the same order and with the same answers, made in place.
 * (Keeping a stack's answers until it changes was tried: a text has too few words for it to pay.)
 */
import StyleContextStackModule from 'pdfmake/js/StyleContextStack';
import { pdfmakeClass, once } from './pdfmake-class';

type Style = Record<string, unknown> & { extends?: string | string[] };
type Override = string | (Record<string, unknown> & { style?: string | string[]; section?: unknown });

/** pdfmake's StyleContextStack, as far as this file uses it. */
interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: Override[];
  getProperty(property: string): unknown;
}

interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: Override, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** A named style's value, through its `extends` chain (each name visited once, as pdfmake does). */
function fromNamedStyle(dictionary: StyleStack['styleDictionary'], name: string, property: string, visited: Set<string> | null): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromNamedStyle(dictionary, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** The value of one of the stack's entries: a style name or an object of overrides. */
function fromOverride(stack: StyleStack, item: Override, property: string): unknown {
  return isString(item) ? fromNamedStyle(stack.styleDictionary, String(item), property, null) : item[property];
}

function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = fromOverride(this, overrides[i]!, property);
      if (isValue(value)) return value;
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/**
 * pdfmake pushes the item (its named styles, then the item itself) and asks the stack; the
 * item itself has no value here (checked first), so only its named styles can answer before
 * the stack does — the last-named first, as they would be on top of the stack.
 */
function getStyleProperty(item: Override, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown {
  if (!isString(item) && isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  if (!isString(item) && item.section === undefined && item.style) {
    const names = Array.isArray(item.style) ? item.style : [item.style];
    for (let i = names.length - 1; i >= 0; i--) {
      const value = fromOverride(stack, names[i]!, property);
      if (isValue(value)) return value;
    }
  }
  const value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

/** Makes every later pdfmake document look styles up in place; idempotent. */
export const installStyleLookup = once((): void => {
  const cls = pdfmakeClass<StyleStackClass>(StyleContextStackModule);
  cls.prototype.getProperty = getProperty;
  cls.getStyleProperty = getStyleProperty;
});
