import { describe, expect, it } from 'vitest';
import { documentDefinition, render, contentWidth } from './pdf';
import { drawnListWithClosing, wrap, type DrawnColumn } from './pdf-drawn-table';
import { probePdf } from './poppler.fixture';

const LONG = 'Мамлекеттик жана муниципалдык башкаруунун теориясы жана практикасы';

describe('drawn rows: wrapping', () => {
  it('breaks at spaces, keeps what fits whole, and cuts only a word wider than the column', () => {
    expect(wrap('Экономика', 200, 8.5, false)).toEqual(['Экономика']);
    const lines = wrap(LONG, 90, 8.5, false);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(LONG);
    expect(wrap('Абдыкадыров-Сыдыкбеков', 75, 8.5, false)).toEqual(['Абдыкадыров-', 'Сыдыкбеков']);
    const cut = wrap('Жеңишбековаларыбыздыкы', 30, 8.5, true);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe('Жеңишбековаларыбыздыкы');
  });
});

describe('drawn rows: a table over pages', () => {
  it('repeats the header on every page, keeps every text inside its column, and prints each row once', async () => {
    const columns: DrawnColumn[] = [
      { header: '№', width: 16, align: 'center' },
      { header: 'Сабак', width: '*', align: 'left' },
      { header: 'Баа', width: 60, align: 'left' },
    ];
    const rows = Array.from({ length: 70 }, (_, i) => ({ cells: [String(i + 1), i % 9 === 0 ? `${LONG} ${i + 1}` : `Сабак ${i + 1}`, 'эң жакшы'] }));
    const width = contentWidth();
    const def = documentDefinition([drawnListWithClosing({ columns, rows, width, fontSize: 8.5, headerFontSize: 8, padding: 2 }, [{ text: 'Кол тамгалар' }])], { lang: 'ky', title: 'drawn' });
    const p = probePdf(await render(def), 'drawn');
    expect(p.pages.length).toBeGreaterThan(1);
    for (const page of p.pages) expect(page).toMatch(/№\s+Сабак\s+Баа/);
    const numbers = p.pages.flatMap((page) => [...page.matchAll(/^\s*(\d+)\s+(?:Сабак|Мамлекеттик)/gmu)].map((m) => Number(m[1])));
    expect(numbers).toEqual(rows.map((_, i) => i + 1));
    expect(p.pages.at(-1)).toContain('Кол тамгалар');
    // the discipline column: from after the № column to before the grade column
    const left = 25 * (72 / 25.4);
    const discipline = { from: left + 16 + 4.5, to: left + width - 60 - 4.5 };
    for (let n = 1; n <= p.pages.length; n++) {
      for (const w of p.words(n).filter((w) => /^(Мамлекеттик|муниципалдык|башкаруунун|теориясы|практикасы)$/.test(w.text))) {
        expect(w.xMin).toBeGreaterThanOrEqual(discipline.from);
        expect(w.xMax).toBeLessThanOrEqual(discipline.to);
      }
    }
    // Kyrgyz letters come back out as letters
    expect(p.pages[0]).toContain('муниципалдык');
  });
});
