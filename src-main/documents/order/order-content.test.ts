import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import type { OrderDocumentItem } from '../order-document.model';
import { orderContent } from './order-content';
import { sampleOrder } from './order-sample.fixture';

/** One student of the sample, renamed and moved to a group. */
function student(lastName: string, groupName: string, base: OrderDocumentItem): OrderDocumentItem {
  return {
    ...base,
    before: { ...base.before, lastName, firstName: 'Азамат', patronymic: null, groupName },
    after: { ...base.after, lastName, firstName: 'Азамат', patronymic: null, groupName },
  };
}

describe('order content', () => {
  it('lists by group (numbers in order), then by name in the Kyrgyz alphabet (ө after о, ү after у)', () => {
    const base = sampleOrder('expulsion', 1).items[0]!;
    const items = [
      student('Үсөнов', 'ЭК-2-24', base),
      student('Усенов', 'ЭК-2-24', base),
      student('Өмүров', 'ЭК-2-24', base),
      student('Орозов', 'ЭК-2-24', base),
      student('Асанов', 'ЭК-10-24', base),
      student('Ноорузов', 'ЭК-1-24', base),
      student('Ңаамат', 'ЭК-1-24', base),
    ];
    const c = orderContent(sampleOrder('expulsion', 0, { items }), 'ky');
    expect(c.rows.map((r) => r[1])).toEqual([
      'Ноорузов Азамат',
      'Ңаамат Азамат',
      'Орозов Азамат',
      'Өмүров Азамат',
      'Усенов Азамат',
      'Үсөнов Азамат',
      'Асанов Азамат',
    ]);
    expect(c.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('keeps a Kyrgyz patronymic whole and prints names from their parts', () => {
    const c = orderContent(sampleOrder('promotion', 120), 'ky');
    expect(c.rows.map((r) => r[1])).toContain('Жеңишбеков Үмөтбек Асан уулу');
    expect(c.rows.map((r) => r[1])).toContain('Әбілқасымова Ғалия');
  });

  it('shows what a promotion changes as before → after', () => {
    const c = orderContent(sampleOrder('promotion', 4), 'ru');
    expect(c.columns.map((col) => col.key)).toEqual(['no', 'fullName', 'recordBook', 'group', 'course']);
    expect(c.rows[0]!.slice(3)).toEqual(['ФК-1-24 → ФК-1-23', '1 → 2']);
  });

  it('adds to a transfer only the columns some student changes', () => {
    const fundingOnly = sampleOrder('transfer', 4);
    for (const it of fundingOnly.items) it.after = { ...it.before, funding: it.before.funding === 'budget' ? 'contract' : 'budget' };
    const c = orderContent(fundingOnly, 'ru');
    expect(c.columns.map((col) => col.key)).toEqual(['no', 'fullName', 'recordBook', 'group', 'funding']);
    expect(c.rows.some((r) => r[4] === 'контракт → бюджет')).toBe(true);
  });

  it('gives academic leave its dates and name change the new name', () => {
    const leave = orderContent(sampleOrder('academic_leave', 2), 'ky');
    expect(leave.rows[0]!.at(-1)).toBe('01.09.2026 – 31.08.2027');
    const rename = orderContent(sampleOrder('name_change', 2), 'ru');
    expect(rename.columns.at(-1)!.header).toBe(translate('ru', 'doc.col.newName'));
    expect(rename.rows[0]!.at(-1)).toMatch(/^Жаңыбекова /);
  });

  it('marks honours on a graduation and counts them', () => {
    const c = orderContent(sampleOrder('graduation', 10), 'ru');
    expect(c.rows.filter((r) => r.at(-1) === 'диплом с отличием')).toHaveLength(2);
    expect(c.totalHonours).toBe('в том числе с отличием: 2');
  });

  it('names the specialty in words and the qualification on a graduation order, not the code alone', () => {
    for (const [lang, qualification] of [['ru', 'бакалавр'], ['ky', 'бакалавр']] as const) {
      const c = orderContent(sampleOrder('graduation', 3), lang);
      const at = (key: string) => c.columns.findIndex((x) => x.key === key);
      expect(c.columns.map((x) => x.key)).toEqual(['no', 'fullName', 'recordBook', 'group', 'specialtyFull', 'qualification', 'note']);
      expect(c.rows[0]![at('specialtyFull')]).toBe('580100 Экономика');
      expect(c.rows[0]![at('qualification')]).toBe(qualification);
    }
  });

  it('words the expulsion reason, the total with Russian plurals, and the cancellation subject', () => {
    const exp = orderContent(sampleOrder('expulsion', 21), 'ru');
    expect(exp.expulsionReason).toBe('Причина отчисления: по собственному желанию.');
    expect(exp.total).toBe('Всего: 21 студент');
    expect(orderContent(sampleOrder('expulsion', 3), 'ru').total).toBe('Всего: 3 студента');
    expect(orderContent(sampleOrder('expulsion', 5), 'ru').total).toBe('Всего: 5 студентов');
    expect(orderContent(sampleOrder('expulsion', 5), 'ky').total).toBe('Бардыгы: 5 студент');
    const cancel = orderContent(sampleOrder('cancellation', 2), 'ky');
    expect(cancel.subject).toBe('2026-жылдын 15-мартындагы №\u00a07-ч буйругун жокко чыгаруу жөнүндө');
    expect(cancel.action).toMatch(/^2026-жылдын 15-мартындагы №\u00a07-ч .* 2026-жылдын 1-сентябрынан баштап /);
    expect(cancel.action).toContain('«Окуудан чыгаруу жөнүндө»');
    expect(orderContent(sampleOrder('cancellation', 2), 'ru').subject).toBe('Об отмене приказа №\u00a07-ч от 15.03.2026');
  });

  it('refuses a cancellation that does not say what it cancels', () => {
    expect(() => orderContent(sampleOrder('cancellation', 2, { cancels: null }), 'ru')).toThrow(/cancels/);
  });

  it('spells the effective date out in a Kyrgyz sentence, never "01.09.2026-жылдан"', () => {
    const ky = orderContent(sampleOrder('promotion', 2), 'ky');
    expect(ky.action).toBe('2026-жылдын 1-сентябрынан баштап төмөнкү тизмедеги студенттер кийинки курска которулсун:');
    expect(orderContent(sampleOrder('promotion', 2), 'ru').action).toBe('Перевести с 01.09.2026 на следующий курс студентов согласно списку:');
  });

  it('heads a draft "ПРОЕКТ ПРИКАЗА" with blanks for the number and date, and marks it', () => {
    const c = orderContent(sampleOrder('promotion', 2, { state: 'draft', number: null, orderDate: null }), 'ru');
    expect(c.title).toBe('ПРОЕКТ ПРИКАЗА');
    expect(c.numberText).toBe('№\u00a0________');
    expect(c.footerNote).toBe('ПРОЕКТ ПРИКАЗА');
    expect(c.mark).toBe('ПРОЕКТ');
    expect(orderContent(sampleOrder('promotion', 2, { state: 'draft', number: null, orderDate: null }), 'ky').title).toBe('БУЙРУКТУН ДОЛБООРУ');
    expect(c.dateText).toBe(translate('ru', 'doc.dateBlank'));
    expect(orderContent(sampleOrder('promotion', 2), 'ru').mark).toBeNull();
  });
});
