/**
 * Table rules drawn as whole lines. pdfmake draws a table's vertical rules one row at a time
 * and each with its own width, dash, join, cap, colour and opacity: ~400 strokes on a grade
 * sheet page, a tenth of the time it took to make the sheet. Before a page is drawn, plain
 * rules (solid, stroked only) of the same look that touch end to end on one line are joined
 * into one stroke; with butt caps the joined stroke covers exactly what its pieces did. They
 * are drawn where the last of them was (after the page's text, over the cell backgrounds that
 * pdfmake puts beneath everything). A page with clipping or vertical alignment is left as is.
 */
import RendererModule from 'pdfmake/js/Renderer';

interface LineVector {
  type: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: unknown;
  lineCap?: string;
  lineJoin?: string;
  strokeOpacity?: number;
  dash?: unknown;
  color?: unknown;
  linearGradient?: unknown;
}

interface PageItem {
  type: string;
  item: LineVector;
}

interface Page {
  items: PageItem[];
}

/** Ends closer than this (in points) touch: pdfmake computes a row's bottom and the next row's top alike. */
const TOUCH = 1e-6;

/** The look of a plain rule and the line it lies on, or null when it is not a plain rule. */
function keyOf(v: LineVector): string | null {
  if (v.type !== 'line' || v.dash || v.color || v.linearGradient) return null;
  if (v.lineCap !== undefined && v.lineCap !== 'butt') return null;
  if (typeof v.lineColor !== 'string' && v.lineColor !== undefined) return null;
  const look = `${v.lineWidth}|${v.lineColor}|${v.lineJoin}|${v.strokeOpacity}`;
  if (v.x1 === v.x2) return `v|${v.x1}|${look}`;
  if (v.y1 === v.y2) return `h|${v.y1}|${look}`;
  return null;
}

/** Joins the rules of one line that touch end to end; keeps the first rule's object for each run. */
function join(rules: LineVector[], vertical: boolean): LineVector[] {
  const from = (v: LineVector) => (vertical ? Math.min(v.y1, v.y2) : Math.min(v.x1, v.x2));
  const to = (v: LineVector) => (vertical ? Math.max(v.y1, v.y2) : Math.max(v.x1, v.x2));
  const sorted = [...rules].sort((a, b) => from(a) - from(b));
  const out: LineVector[] = [];
  let run: LineVector | null = null;
  let end = 0;
  for (const v of sorted) {
    if (run && from(v) <= end + TOUCH) {
      end = Math.max(end, to(v));
    } else {
      if (run) out.push(withSpan(run, vertical, end));
      run = v;
      end = to(v);
    }
  }
  if (run) out.push(withSpan(run, vertical, end));
  return out;
}

function withSpan(v: LineVector, vertical: boolean, end: number): LineVector {
  return vertical
    ? { ...v, y1: Math.min(v.y1, v.y2), y2: end }
    : { ...v, x1: Math.min(v.x1, v.x2), x2: end };
}

export function joinPageRules(page: Page): void {
  if (page.items.some((i) => i.type === 'beginClip' || i.type === 'beginVerticalAlignment')) return;
  const lines = new Map<string, LineVector[]>();
  const kept: PageItem[] = [];
  let at = -1;
  for (const item of page.items) {
    const key = item.type === 'vector' ? keyOf(item.item) : null;
    if (key === null) {
      kept.push(item);
      continue;
    }
    let group = lines.get(key);
    if (!group) lines.set(key, (group = []));
    group.push(item.item);
    at = kept.length;
  }
  if (at < 0) return;
  const joined: PageItem[] = [];
  for (const [key, group] of lines) for (const v of join(group, key.startsWith('v|'))) joined.push({ type: 'vector', item: v });
  kept.splice(at, 0, ...joined);
  page.items = kept;
}

let installed = false;

/** Makes every later pdfmake document join its rules before drawing a page; idempotent. */
export function installRuleJoining(): void {
  if (installed) return;
  installed = true;
  // a CommonJS module with __esModule: the class is `default`, unwrapped or not by the loader
  const mod = RendererModule as unknown as { default?: { prototype: { renderPages(pages: Page[]): void } } } & { prototype: { renderPages(pages: Page[]): void } };
  const proto = (mod.default ?? mod).prototype;
  const renderPages = proto.renderPages;
  proto.renderPages = function (this: unknown, pages: Page[]) {
    for (const page of pages) joinPageRules(page);
    return renderPages.call(this, pages);
  };
}
