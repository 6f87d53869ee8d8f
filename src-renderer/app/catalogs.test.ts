import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { errorsRu } from '../../src-shared/i18n/errors.ru';
import { uiEn } from '../../src-shared/i18n/ui.en';
import { uiKy } from '../../src-shared/i18n/ui.ky';
import { uiRu } from '../../src-shared/i18n/ui.ru';

const catalogs = { ky: uiKy, ru: uiRu as Record<string, string>, en: uiEn };

interface Arg {
  name: string;
  kind: 'plural' | 'select' | 'number' | 'plain';
}

/** The arguments a parsed message uses (types of intl-messageformat's AST: 1 argument, 2 number, 5 select, 6 plural). */
function argsOf(nodes: unknown[], out: Map<string, Arg['kind']> = new Map()): Map<string, Arg['kind']> {
  for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
    if (n.type === 1 && n.value && !out.has(n.value)) out.set(n.value, 'plain');
    if (n.type === 2 && n.value) out.set(n.value, 'number');
    if (n.type === 5 && n.value) out.set(n.value, 'select');
    if (n.type === 6 && n.value) out.set(n.value, 'plural');
    for (const o of Object.values(n.options ?? {})) argsOf(o.value, out);
  }
  return out;
}

describe('UI catalogs', () => {
  it('have the same keys in Kyrgyz, Russian and English', () => {
    const ru = Object.keys(uiRu).sort();
    expect(Object.keys(uiKy).sort()).toEqual(ru);
    expect(Object.keys(uiEn).sort()).toEqual(ru);
  });

  it('do not reuse keys of the error catalogs (they are merged into one)', () => {
    const errorKeys = new Set(Object.keys(errorsRu));
    expect(Object.keys(uiRu).filter((k) => errorKeys.has(k))).toEqual([]);
    // main names fields by `label.<name>`; a UI key there would change its messages
    expect(Object.keys(uiRu).filter((k) => k.startsWith('label.'))).toEqual([]);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale}: every message parses and formats with sample values`, () => {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe('');
        const fmt = new IntlMessageFormat(text, locale);
        const args = argsOf(fmt.getAst() as unknown[]);
        const plural = [...args].filter(([, k]) => k === 'plural').map(([n]) => n);
        const counts = plural.length ? [1, 3, 5, 21] : [7];
        for (const n of counts) {
          const values: Record<string, string | number> = {};
          for (const [name, kind] of args) values[name] = kind === 'plural' || kind === 'number' ? n : 'X';
          const out = String(fmt.format(values));
          expect(out, `${locale} ${key}`).not.toMatch(/[{}]/);
          if (plural.length) expect(out, `${locale} ${key}`).toContain(String(n));
        }
      }
    });
  }

  it('uses the Russian plural forms', () => {
    const fmt = new IntlMessageFormat(uiRu['students.count'], 'ru');
    expect(fmt.format({ count: 1 })).toBe('Найден 1 студент');
    expect(fmt.format({ count: 3 })).toBe('Найдено 3 студента');
    expect(fmt.format({ count: 5 })).toBe('Найдено 5 студентов');
    expect(fmt.format({ count: 21 })).toBe('Найден 21 студент');
  });

  it('writes Kyrgyz with its own letters', () => {
    const all = Object.values(uiKy).join(' ');
    for (const ch of ['ң', 'ө', 'ү']) expect(all).toContain(ch);
  });
});
