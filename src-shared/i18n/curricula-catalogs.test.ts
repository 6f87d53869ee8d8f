import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { curriculaEn } from './curricula.en';
import { curriculaKy } from './curricula.ky';
import { curriculaRu } from './curricula.ru';
import { docRu } from './doc.ru';
import { errorsRu } from './errors.ru';
import { uiRu } from './ui.ru';

const catalogs = { ky: curriculaKy, ru: curriculaRu as Record<string, string>, en: curriculaEn };

/** The argument names a message uses and whether each is a plural (intl-messageformat AST types 1 and 6). */
function argsOf(nodes: unknown[], out = new Map<string, boolean>()): Map<string, boolean> {
  for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
    if ((n.type === 1 || n.type === 2) && n.value && !out.has(n.value)) out.set(n.value, false);
    if (n.type === 6 && n.value) out.set(n.value, true);
    for (const o of Object.values(n.options ?? {})) argsOf(o.value, out);
  }
  return out;
}

describe('curricula catalogs', () => {
  it('have the same keys in Kyrgyz, Russian and English', () => {
    const ru = Object.keys(curriculaRu).sort();
    expect(Object.keys(curriculaKy).sort()).toEqual(ru);
    expect(Object.keys(curriculaEn).sort()).toEqual(ru);
  });

  it('reuse no key of the other catalogs (they are merged into one)', () => {
    const others = new Set([...Object.keys(errorsRu), ...Object.keys(uiRu), ...Object.keys(docRu)]);
    expect(Object.keys(curriculaRu).filter((k) => others.has(k))).toEqual([]);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale}: every message formats with sample values, with the same arguments as Russian`, () => {
      for (const [key, text] of Object.entries(catalog)) {
        const fmt = new IntlMessageFormat(text, locale);
        const args = argsOf(fmt.getAst() as unknown[]);
        const ruArgs = argsOf(new IntlMessageFormat((curriculaRu as Record<string, string>)[key]!, 'ru').getAst() as unknown[]);
        expect([...args.keys()].sort(), `${locale} ${key}`).toEqual([...ruArgs.keys()].sort());
        for (const n of [1, 3, 5, 21]) {
          const values = Object.fromEntries([...args].map(([name, plural]) => [name, plural ? n : 'X']));
          const out = String(fmt.format(values));
          expect(out, `${locale} ${key}`).not.toMatch(/[{}]/);
        }
      }
    });
  }

  it('writes Kyrgyz with its own letters, not Russian', () => {
    const ky = Object.values(curriculaKy).join(' ');
    for (const ch of ['ң', 'ө', 'ү']) expect(ky).toContain(ch);
    expect(curriculaKy['nav.curricula']).toBe('Окуу пландары');
    const same = Object.keys(curriculaRu).filter((k) => /[а-я]{4}/i.test(curriculaKy[k as keyof typeof curriculaRu]) && curriculaKy[k as keyof typeof curriculaRu] === (curriculaRu as Record<string, string>)[k]);
    // only words the two languages share (Дисциплина, Семестр, Кафедра) may read the same
    expect(same.sort()).toEqual(['curricula.col.discipline', 'label.chairId', 'label.disciplineId', 'label.semester']);
  });
});
