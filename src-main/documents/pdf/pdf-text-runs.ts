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

/** Anything else an inline may carry that changes how it is drawn. */
const SPECIAL = ['link', 'linkToPage', 'linkToDestination', 'decoration', 'background', 'sup', 'sub', 'fontFeatures', 'justifyShift', '_pageNodeRef'];

function plain(i: Inline): boolean {
  if (i.characterSpacing) return false;
  for (const key of SPECIAL) if (i[key] !== undefined && i[key] !== null && i[key] !== false) return false;
  return true;
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

/** The line's inlines with runs joined, or null when there is nothing to join. */
export function joinRuns(inlines: Inline[]): Inline[] | null {
  if (inlines.length < 2) return null;
  const out: Inline[] = [];
  let run = null as Inline | null;
  for (const inline of inlines) {
    const last: Inline | null = run;
    if (last && plain(last) && continues(last, inline)) {
      run = { ...last, text: last.text + inline.text, width: last.width + inline.width, trailingCut: inline.trailingCut };
      out[out.length - 1] = run;
    } else {
      run = inline;
      out.push(inline);
    }
  }
  return out.length < inlines.length ? out : null;
}

let installed = false;

/** Makes every later pdfmake document draw runs of words as one text; idempotent. */
export function installTextRuns(): void {
  if (installed) return;
  installed = true;
  type RendererProto = { renderLine(line: Line, x: number, y: number): void };
  // a CommonJS module with __esModule: the class is `default`, unwrapped or not by the loader
  const mod = RendererModule as unknown as { default?: { prototype: RendererProto } } & { prototype: RendererProto };
  const proto = (mod.default ?? mod).prototype;
  const renderLine = proto.renderLine;
  proto.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    const words = line.inlines;
    const runs = line._pageNodeRef ? null : joinRuns(words);
    if (!runs) return renderLine.call(this, line, x, y);
    // the same line (its height, outline, id) drawn with the runs as its inlines; the line
    // keeps its words (a line object made with Object.create would turn every pdfmake line
    // into a prototype, which V8 makes slow)
    line.inlines = runs;
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      line.inlines = words;
    }
  };
}
