import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { docRu } from './doc.ru';
import { errorsRu } from './errors.ru';
import { gradingScaleEn } from './grading-scale.en';
import { gradingScaleKy } from './grading-scale.ky';
import { gradingScaleRu } from './grading-scale.ru';
import { uiRu } from './ui.ru';

/** Argument names a message uses, from intl-messageformat's AST (select and plural branches included). */
function argsOf(nodes: unknown[], out = new Set<string>()): Set<string> {
  for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
    if ([1, 2, 5, 6].includes(n.type) && n.value) out.add(n.value);
    for (const o of Object.values(n.options ?? {})) argsOf(o.value, out);
  }
  return out;
}
const args = (text: string, locale: string) => [...argsOf(new IntlMessageFormat(text, locale).getAst() as unknown[])].sort();

const ours = { ky: gradingScaleKy, ru: gradingScaleRu as Record<string, string>, en: gradingScaleEn };

describe('grading scale catalogs', () => {
  it('end the problems banner with a sentence, not a colon with nothing after it (the problems sit under their fields)', () => {
    for (const c of Object.values(ours)) expect(c['scale.problems']!.trim()).toMatch(/[.!]$/);
  });

  it('have the same keys in Kyrgyz, Russian and English', () => {
    const ru = Object.keys(gradingScaleRu).sort();
    expect(Object.keys(gradingScaleKy).sort()).toEqual(ru);
    expect(Object.keys(gradingScaleEn).sort()).toEqual(ru);
  });

  it('do not take keys of the other catalogs (they are merged into one; the later would win silently)', () => {
    const others = new Set([...Object.keys(errorsRu), ...Object.keys(uiRu), ...Object.keys(docRu)]);
    expect(Object.keys(gradingScaleRu).filter((k) => others.has(k))).toEqual([]);
  });

  for (const [locale, catalog] of Object.entries(ours)) {
    it(`${locale}: every message parses and uses the arguments the Russian one does`, () => {
      for (const [key, text] of Object.entries(catalog)) {
        expect(args(text, locale), key).toEqual(args((gradingScaleRu as Record<string, string>)[key]!, 'ru'));
      }
    });
  }
});
