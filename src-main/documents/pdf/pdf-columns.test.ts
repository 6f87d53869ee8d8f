import { describe, expect, it } from 'vitest';
import { docKy } from '../../../src-shared/i18n/doc.ky';
import { docRu } from '../../../src-shared/i18n/doc.ru';
import { documentDefinition, MM, render } from './pdf';
import { estimateWidth, fitColumns } from './pdf-columns';
import { CELL_LINE, CELL_OVERHEAD } from './pdf-table';
import { probePdf } from './poppler.fixture';

const SAMPLE = [
  ...new Set(
    [...Object.values(docKy), ...Object.values(docRu)]
      .join(' ')
      .split(/[\s{}]+/)
      .filter((w) => w.length > 3 && !/[#_]/.test(w)),
  ),
  'Абдыкадыров-Сыдыкбеков',
  'Жеңишбеков',
  'Өмүралиева',
  'Ержанұлы',
  'Әбілқасымова',
  'ЩЕРБАКОВ',
  'ЭК-10-24',
  '24-01000',
];

describe('estimateWidth', () => {
  it.each([
    [10, false],
    [9, true],
  ] as const)('is never narrower than the printed word, and not much wider (%s pt, bold %s)', async (size, bold) => {
    const pdf = await render(documentDefinition([{ text: SAMPLE.join(' '), fontSize: size, bold }], { lang: 'ru', title: 'metrics' }));
    const probe = probePdf(pdf, 'metrics');
    // body words only: the footer ("Страница 1 из 3") is set smaller
    const words = probe.pages
      .flatMap((_, i) => probe.words(i + 1))
      .filter((w) => SAMPLE.includes(w.text) && w.yMax < 841.89 - 20 * MM);
    expect(words.length).toBeGreaterThan(100);
    for (const w of words) {
      const printed = w.xMax - w.xMin;
      const estimate = estimateWidth(w.text, size, bold);
      expect(estimate, w.text).toBeGreaterThanOrEqual(printed - 0.5);
      expect(estimate, w.text).toBeLessThan(printed * 1.12 + 2);
    }
  });
});

describe('fitColumns', () => {
  const header = ['№', 'Фамилия, имя, отчество', 'Группа'];
  const rows = [['1', 'Абдыкадыров-Сыдыкбеков Нурбек-Эрмекбек Асанбек-Бакытбек уулу', 'ЭК-10-24 → ЭК-10-23']];

  it('fills the width, gives the name its floor and the short columns one line', () => {
    const w = fitColumns(header, rows, [{}, { star: true, floor: 160 }, {}], 480)!;
    expect(w[0]! + w[1]! + w[2]! + 3 * CELL_OVERHEAD + CELL_LINE).toBeCloseTo(480, 0);
    expect(w[1]).toBeGreaterThanOrEqual(160);
    expect(w[2]).toBeGreaterThanOrEqual(estimateWidth('ЭК-10-24 → ЭК-10-23', 10));
  });

  it('shrinks short columns toward their longest word before the name loses its floor', () => {
    const w = fitColumns(header, rows, [{}, { star: true, floor: 160 }, {}], 250)!;
    expect(w[2]).toBeGreaterThanOrEqual(estimateWidth('ЭК-10-24', 10));
    expect(w[2]).toBeLessThan(estimateWidth('ЭК-10-24 → ЭК-10-23', 10));
    expect(w[1]).toBeGreaterThanOrEqual(estimateWidth('Абдыкадыров-', 10));
  });

  it('says when even the longest words do not fit', () => {
    expect(fitColumns(header, rows, [{}, { star: true }, {}], 120)).toBeNull();
  });
});
