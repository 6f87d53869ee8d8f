import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { EXPULSION_REASONS, ORDER_TYPES } from '../../src-shared/domain/orders';
import { FUNDINGS, STUDENT_STATUSES, STUDY_FORMS } from '../../src-shared/domain/enums';
import { docEn } from '../../src-shared/i18n/doc.en';
import { docKy } from '../../src-shared/i18n/doc.ky';
import { docRu } from '../../src-shared/i18n/doc.ru';
import { errorsRu } from '../../src-shared/i18n/errors.ru';
import { hasMessage } from '../../src-shared/i18n';
import { uiRu } from '../../src-shared/i18n/ui.ru';

const catalogs: Record<string, Record<string, string>> = { ky: docKy, ru: docRu, en: docEn };

describe('document catalogs (doc.*)', () => {
  it('have the same keys in Kyrgyz, Russian and English, all prefixed doc.', () => {
    const ru = Object.keys(docRu).sort();
    expect(Object.keys(docKy).sort()).toEqual(ru);
    expect(Object.keys(docEn).sort()).toEqual(ru);
    expect(ru.filter((k) => !k.startsWith('doc.'))).toEqual([]);
    const others = new Set([...Object.keys(uiRu), ...Object.keys(errorsRu)]);
    expect(ru.filter((k) => others.has(k))).toEqual([]);
  });

  it('are merged into the shared catalogs', () => {
    expect(hasMessage('doc.order.title')).toBe(true);
  });

  it('word every order type, expulsion reason, form, funding and status', () => {
    const needed = [
      ...ORDER_TYPES.flatMap((t) => [`doc.order.subject.${t}`, `doc.order.action.${t}`]),
      ...EXPULSION_REASONS.map((r) => `doc.expulsionReason.${r}`),
      ...STUDY_FORMS.map((f) => `doc.form.${f}`),
      ...FUNDINGS.map((f) => `doc.funding.${f}`),
      ...STUDENT_STATUSES.map((s) => `doc.status.${s}`),
    ];
    for (const key of needed) expect(Object.keys(docRu), key).toContain(key);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale}: every message formats with sample values`, () => {
      const values = { page: 2, total: 5, count: 21, date: '01.09.2026', number: '12-п', parent: '26-00042', name: 'А. Б. Асанова', reason: 'X', subject: 'Y', cancelledDate: '15.03.2026', from: 'A', to: 'B', sex: 'F' };
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe('');
        const out = String(new IntlMessageFormat(text, locale).format(values));
        expect(out, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    });
  }

  it('uses the Russian plural forms and Kyrgyz letters', () => {
    const total = new IntlMessageFormat(docRu['doc.order.total'], 'ru');
    expect([1, 3, 5, 21, 111].map((count) => total.format({ count }))).toEqual([
      'Всего: 1 студент',
      'Всего: 3 студента',
      'Всего: 5 студентов',
      'Всего: 21 студент',
      'Всего: 111 студентов',
    ]);
    const ky = Object.values(docKy).join(' ');
    for (const ch of ['ң', 'ө', 'ү']) expect(ky).toContain(ch);
    expect(new IntlMessageFormat(docKy['doc.page'], 'ky').format({ page: 2, total: 5 })).toBe('5 беттин 2-бети');
  });
});
