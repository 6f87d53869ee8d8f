import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { joinRuns } from './pdf-text-runs';
import { probePdf } from './poppler.fixture';

const font = { id: 'F1' };
const word = (text: string, x: number, width: number, extra: object = {}) => ({ text, x, width, font, fontSize: 10, color: 'black', opacity: 1, ...extra });

describe('words drawn as runs', () => {
  it('joins words that follow one another and look the same', () => {
    const runs = joinRuns([word('Үсөнов ', 0, 40), word('Бекжан ', 40, 38), word('уулу', 78, 22)]);
    expect(runs?.map((r) => [r.text, r.first.x, r.width])).toEqual([['Үсөнов Бекжан уулу', 0, 100]]);
  });

  it('keeps apart what looks different, what has a gap, and what carries a link or spacing', () => {
    const bold = { id: 'F2' };
    const runs = joinRuns([
      word('Аты: ', 0, 20),
      word('Айгүл ', 20, 30, { font: bold }),
      word('Асанова', 50, 30, { font: bold }),
      word('далы', 95, 20, { font: bold }), // justified or aligned apart: a gap before it
      word('шилтеме', 115, 30, { font: bold, link: 'https://example.org' }),
      word('сап', 145, 20, { font: bold, characterSpacing: 1 }),
    ]);
    expect(runs?.map((r) => r.text)).toEqual(['Аты: ', 'Айгүл Асанова', 'далы', 'шилтеме', 'сап']);
    expect(joinRuns([word('бир', 0, 10)])).toBeNull();
  });

  it('prints a paragraph the same, with one text object per line instead of one per word', async () => {
    const text = 'Өмүрбекова Ңурайым Үсөн кызы жана Жээнбеков Төлөгөн Асан уулу: 1-модуль, 2-модуль, экзамен.';
    const pdf = await render(documentDefinition([{ text }], { lang: 'ky', title: 'Сап' }));
    // every letter in its place (pdftotext may put a space where a line breaks after a hyphen)
    expect(probePdf(pdf, 'runs').pages.join('').replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
    const content = [...pdf.toString('latin1').matchAll(/stream\n([\s\S]*?)\nendstream/g)]
      .map((m) => {
        try {
          return zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .find((c) => c.includes(' Tf'))!;
    // 13 words on one or two lines; the footer adds its own two texts
    expect(content.split('\n').filter((op) => op === 'BT').length).toBeLessThanOrEqual(5);
  });
});
