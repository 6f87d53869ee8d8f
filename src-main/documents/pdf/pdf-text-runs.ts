/**
 * Words of one look drawn as one run. pdfmake breaks text into words to fit it into lines,
 * and then draws every word on its own: a text object with its position, font, colour and
 * opacity per word. Here, at drawing time, the words of a line that follow one another
 * without a gap and look the same (font, size, colour, opacity; no spacing, link, decoration,
 * background, raise or lowering) are drawn as one run of text. pdfkit lays a run out word by
 * word (it splits at spaces), so every glyph lands where it did; a name is one text object
 * instead of three or four.
 */
import RendererModule from 'pdfmake/js/Renderer';
import { pdfmakePrototype, once } from './pdfmake-class';

interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  trailingCut?: number;
  [other: string]: unknown;
}

interface Line {
  inlines: Inline[];
  _pageNodeRef?: unknown;
}

const none = (v: unknown) => v === undefined || v === null || v === false;

/** Nothing on the inline that changes how it is drawn but its font, size, colour and opacity. */
function plain(i: Inline): boolean {
  return (
    !i.characterSpacing &&
    none(i.link) &&
    none(i.linkToPage) &&
    none(i.linkToDestination) &&
    none(i.decoration) &&
    none(i.background) &&
    none(i.sup) &&
    none(i.sub) &&
    none(i.fontFeatures) &&
    none(i.justifyShift) &&
    none(i._pageNodeRef)
  );
}

/** Whether `b` can be drawn as the continuation of `a`. */
function continues(a: Inline, b: Inline): boolean {
  return (
    b.font === a.font &&
    b.fontSize === a.fontSize &&
    b.color === a.color &&
    b.opacity === a.opacity &&
    // pdfmake places each word where the one before it ends
    Math.abs(a.x + a.width - b.x) < 1e-6 &&
    plain(b)
  );
}

/** A run: its first word, and what the words after it add. */
interface Run {
  first: Inline;
  text: string;
  width: number;
  trailingCut: number | undefined;
}

/**
 * The line's runs (first word and the whole run's text and width), or null when no two words
 * join. The words themselves are not changed here.
 */
export function joinRuns(inlines: Inline[]): Run[] | null {
  if (inlines.length < 2) return null;
  const runs: Run[] = [];
  let last: Inline | null = null;
  let open = false;
  for (const inline of inlines) {
    const run = runs[runs.length - 1];
    if (run && open && last && continues(last, inline)) {
      run.text += inline.text;
      run.width += inline.width;
      run.trailingCut = inline.trailingCut;
    } else {
      runs.push({ first: inline, text: inline.text, width: inline.width, trailingCut: inline.trailingCut });
      open = plain(inline);
    }
    last = inline;
  }
  return runs.length < inlines.length ? runs : null;
}

/** Makes every later pdfmake document draw runs of words as one text; idempotent. */
export const installTextRuns = once((): void => {
  type RendererProto = { renderLine(line: Line, x: number, y: number): void };
  const proto = pdfmakePrototype<RendererProto>(RendererModule);
  const renderLine = proto.renderLine;
  proto.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    const words = line.inlines;
    const runs = line._pageNodeRef ? null : joinRuns(words);
    if (!runs) return renderLine.call(this, line, x, y);
    // the line drawn with each run's first word standing for the run, then put back as it was
    // (a copy of the line or of its words, made with Object.create, would turn every pdfmake
    // line or word into a prototype, which V8 makes slow; a spread copy costs as much as it saves)
    const saved = runs.map((r) => ({ text: r.first.text, width: r.first.width, trailingCut: r.first.trailingCut }));
    for (const r of runs) Object.assign(r.first, { text: r.text, width: r.width, trailingCut: r.trailingCut });
    line.inlines = runs.map((r) => r.first);
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      line.inlines = words;
      runs.forEach((r, i) => Object.assign(r.first, saved[i]));
    }
  };
});
