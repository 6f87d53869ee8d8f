import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { probePdf } from './poppler.fixture';

describe('page content written a page at a time', () => {
  it('keeps every line on its own page, in order, with the footer of each page', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}-сап: Өмүрбекова Ңурайым Үсөн кызы`);
    const p = probePdf(await render(documentDefinition(lines.map((text) => ({ text })), { lang: 'ky', title: 'Беттер', footerNote: 'ТЕСТ' })), 'content-buffer');
    expect(p.pages.length).toBeGreaterThan(2);
    let next = 1;
    p.pages.forEach((page, i) => {
      const numbers = [...page.matchAll(/(\d+)-сап: Өмүрбекова Ңурайым Үсөн кызы/g)].map((m) => Number(m[1]));
      // each page continues exactly where the previous one stopped
      expect(numbers[0]).toBe(next);
      expect(numbers).toEqual(numbers.map((_, k) => next + k));
      next += numbers.length;
      expect(page).toContain('ТЕСТ');
      expect(page).toContain(`${p.pages.length} беттин ${i + 1}-бети`);
    });
    expect(next).toBe(lines.length + 1);
  });
});
