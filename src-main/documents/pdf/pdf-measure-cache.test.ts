import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { probePdf, type PdfWord } from './poppler.fixture';

const width = (words: PdfWord[], text: string, nth = 0) => {
  const found = words.filter((w) => w.text === text)[nth];
  if (!found) throw new Error(`${text} (#${nth + 1}) not printed`);
  return found.xMax - found.xMin;
};

/** The same word in four looks, in a table as the documents print them, and once more in a document of its own. */
function probe() {
  return documentDefinition(
    [
      {
        fontSize: 10,
        table: {
          widths: [120, 120, 120, 120],
          body: [[{ text: 'Жеңишбекова' }, { text: 'Жеңишбекова', bold: true }, { text: 'Жеңишбекова', fontSize: 14 }, { text: 'Жеңишбекова', characterSpacing: 2 }]],
        },
      },
    ],
    { lang: 'ky', title: 'measure' },
  );
}

describe('measured texts kept between documents', () => {
  it('measures a text again in another look, and gives a later document the same widths', async () => {
    const first = probePdf(await render(probe()), 'measure-1').words(1);
    const plain = width(first, 'Жеңишбекова', 0);
    expect(width(first, 'Жеңишбекова', 1)).toBeGreaterThan(plain * 1.05);
    expect(width(first, 'Жеңишбекова', 2) / plain).toBeCloseTo(1.4, 1);
    expect(width(first, 'Жеңишбекова', 3)).toBeGreaterThan(plain + 15);
    const again = probePdf(await render(probe()), 'measure-2').words(1);
    for (let i = 0; i < 4; i++) expect(width(again, 'Жеңишбекова', i)).toBeCloseTo(width(first, 'Жеңишбекова', i), 2);
  });

  it('wraps a long text in a narrow cell as in a wide one it stays whole, each by its own width', async () => {
    const text = 'Мамлекеттик жана муниципалдык башкаруу';
    const def = documentDefinition([{ fontSize: 10, table: { widths: [60, 300], body: [[{ text }, { text }]] } }], { lang: 'ky', title: 'wrap' });
    const p = probePdf(await render(def), 'measure-wrap');
    const lines = p.pages[0]!.split('\n').filter((l) => l.includes('Мамлекеттик') || l.includes('башкаруу'));
    // the wide cell holds the whole text on its first line; the narrow one breaks it over lines
    expect(lines[0]).toContain(text);
    expect(lines.length).toBeGreaterThan(1);
  });
});
