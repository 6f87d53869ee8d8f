/**
 * Table rules drawn as whole lines. pdfmake draws a table's vertical rules one row at a time
 * and each with its own width, dash, join, cap, colour and opacity: ~400 strokes on a grade
 * sheet page, a tenth of the time it took to make the sheet. Before a page is drawn, plain
 * rules (solid, stroked only) of the same look that touch end to end on one line are joined
 * into one stroke; with butt caps the joined stroke covers exactly what its pieces did. They
 * are drawn where the last of them was (after the page's text, over the cell backgrounds that
 * pdfmake puts beneath everything). A page with clipping or vertical alignment is left as is,
 * and so is a page whose rules have more than one colour: where rules of two colours cross,
 * the one drawn last shows, and joining changes that order (the golden test caught it).
 */
import RendererModule from 'pdfmake/js/Renderer';
import { pdfmakePrototype, once } from './pdfmake-class';

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

/** Plain rules of one look on one line. */
interface Group {
  vertical: boolean;
  width: number | undefined;
  colour: string | undefined;
  rules: LineVector[];
}

/** Whether a rule is plain: solid, stroked only, butt caps, default join and opacity, straight across or down. */
function plain(v: LineVector): boolean {
  return (
    v.type === 'line' &&
    !v.dash &&
    !v.color &&
    !v.linearGradient &&
    (v.lineCap === undefined || v.lineCap === 'butt') &&
    v.lineJoin === undefined &&
    v.strokeOpacity === undefined &&
    (v.lineColor === undefined || typeof v.lineColor === 'string') &&
    (v.x1 === v.x2 || v.y1 === v.y2)
  );
}

/** Joins the rules of one line that touch end to end; keeps the first rule's object for each run. */
function join(rules: LineVector[], vertical: boolean): LineVector[] {
  const from = (v: LineVector) => (vertical ? Math.min(v.y1, v.y2) : Math.min(v.x1, v.x2));
  const to = (v: LineVector) => (vertical ? Math.max(v.y1, v.y2) : Math.max(v.x1, v.x2));
  const sorted = rules.length > 1 ? [...rules].sort((a, b) => from(a) - from(b)) : rules;
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
  // by the line's position (x of a vertical rule, y of a horizontal one): numbers as keys,
  // because turning coordinates into strings cost more than the joining saved
  const lines = new Map<number, Group[]>();
  const groups: Group[] = [];
  const kept: PageItem[] = [];
  let at = -1;
  let firstColour: string | undefined | null = null;
  for (const item of page.items) {
    const v = item.item;
    if (item.type !== 'vector' || !plain(v)) {
      kept.push(item);
      continue;
    }
    const vertical = v.x1 === v.x2;
    const position = vertical ? v.x1 : v.y1;
    const width = v.lineWidth;
    const colour = v.lineColor as string | undefined;
    if (firstColour === null) firstColour = colour;
    else if (colour !== firstColour) return;
    let onLine = lines.get(position);
    if (!onLine) lines.set(position, (onLine = []));
    let group = onLine.find((g) => g.vertical === vertical && g.width === width && g.colour === colour);
    if (!group) {
      group = { vertical, width, colour, rules: [] };
      onLine.push(group);
      groups.push(group);
    }
    group.rules.push(v);
    at = kept.length;
  }
  if (at < 0) return;
  const joined: PageItem[] = [];
  for (const g of groups) for (const v of join(g.rules, g.vertical)) joined.push({ type: 'vector', item: v });
  kept.splice(at, 0, ...joined);
  page.items = kept;
}

/** Makes every later pdfmake document join its rules before drawing a page; idempotent. */
export const installRuleJoining = once((): void => {
  const proto = pdfmakePrototype<{ renderPages(pages: Page[]): void }>(RendererModule);
  const renderPages = proto.renderPages;
  proto.renderPages = function (this: unknown, pages: Page[]) {
    for (const page of pages) joinPageRules(page);
    return renderPages.call(this, pages);
  };
});
