import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { joinPageRules } from './pdf-rules';
import { listTable } from './pdf-table';

const rule = (x1: number, y1: number, x2: number, y2: number, extra: object = {}) => ({
  type: 'vector',
  item: { type: 'line', x1, y1, x2, y2, lineWidth: 0.5, lineColor: '#000000', ...extra },
});
const text = (t: string) => ({ type: 'line', item: { text: t } as never });

describe('table rules joined', () => {
  it('joins rules of one look that touch end to end on one line, and nothing else', () => {
    const page = {
      items: [
        text('a'),
        rule(10, 0, 10, 20),
        rule(10, 20, 10, 35),
        rule(50, 0, 50, 20),
        text('b'),
        rule(10, 40, 10, 60), // a gap: stays apart
        rule(10, 60, 10, 80, { lineWidth: 1 }), // another width
        rule(0, 5, 30, 5),
        rule(30, 5, 60, 5),
        rule(0, 90, 60, 90, { dash: { length: 2 } }), // dashed: drawn as it was, where it was
        text('c'),
      ],
    };
    joinPageRules(page);
    const lines = page.items.filter((i) => i.type === 'vector').map((i) => [i.item.x1, i.item.y1, i.item.x2, i.item.y2, i.item.lineWidth]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [10, 0, 10, 35, 0.5],
        [50, 0, 50, 20, 0.5],
        [10, 40, 10, 60, 0.5],
        [10, 60, 10, 80, 1],
        [0, 5, 60, 5, 0.5],
        [0, 90, 60, 90, 0.5],
      ]),
    );
    expect(lines).toHaveLength(6);
    // the text keeps its order; the joined rules come where the last plain rule was
    expect(page.items.map((i) => (i.type === 'line' ? (i.item as unknown as { text: string }).text : 'rule'))).toEqual(['a', 'b', 'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'c']);
  });

  it('leaves a page with clipping as it is', () => {
    const items = [{ type: 'beginClip', item: {} as never }, rule(10, 0, 10, 20), rule(10, 20, 10, 40), { type: 'endClip', item: {} as never }];
    const page = { items: [...items] };
    joinPageRules(page);
    expect(page.items).toEqual(items);
  });

  it('draws a long table with a stroke per rule line, not per cell', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [String(i + 1), `Өмүрбеков ${i}`, '24-01001', '87']);
    const columns = ['№', 'Аты-жөнү', 'Китепче', 'Балл'].map((header) => ({ header, width: 100 }));
    const pdf = await render(documentDefinition([listTable({ columns, rows })], { lang: 'ky', title: 'Сызыктар' }));
    const raw = pdf.toString('latin1');
    const strokes = [...raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)]
      .map((m) => {
        try {
          return zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .filter((c) => c.includes(' Tf'))
      .map((c) => c.split('\n').filter((op) => op === 'S').length);
    // 5 vertical rules and 32 horizontal ones on the first page; a stroke per cell would be ~150 more
    expect(strokes[0]).toBeLessThan(45);
  });
});
