import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { probePdf } from './poppler.fixture';

/** Height of the first word's box on page 1: follows the font size the text was set in. */
function heightOf(words: { text: string; yMin: number; yMax: number }[], text: string): number {
  const w = words.find((x) => x.text === text);
  if (!w) throw new Error(`${text} not printed`);
  return w.yMax - w.yMin;
}

describe('style lookup', () => {
  it('resolves named styles, their extends, arrays of styles and overrides as pdfmake documents them', async () => {
    const def = documentDefinition(
      [
        { text: 'Жөнөкөй' },
        { text: 'Чоң', style: 'big' },
        { text: 'Мурас', style: 'heading' },
        { text: 'Акыркысы', style: ['big', 'small'] },
        { text: 'Өзүнүкү', style: 'big', fontSize: 6 },
        { stack: [{ text: 'Ичинде' }], style: 'big' },
      ],
      { lang: 'ky', title: 'Стиль' },
    );
    def.styles = { big: { fontSize: 24 }, small: { fontSize: 8 }, heading: { extends: 'big', bold: true } };
    const p = probePdf(await render(def), 'style-lookup');
    const words = p.words(1);
    const plain = heightOf(words, 'Жөнөкөй');
    expect(heightOf(words, 'Чоң') / plain).toBeCloseTo(2, 1);
    expect(heightOf(words, 'Мурас') / plain).toBeCloseTo(2, 1);
    expect(heightOf(words, 'Акыркысы') / plain).toBeCloseTo(8 / 12, 1);
    expect(heightOf(words, 'Өзүнүкү') / plain).toBeCloseTo(6 / 12, 1);
    expect(heightOf(words, 'Ичинде') / plain).toBeCloseTo(2, 1);
    expect(p.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSerif', 'DejaVuSerif-Bold']);
  });
});
