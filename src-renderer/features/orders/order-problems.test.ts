import { describe, expect, it } from 'vitest';
import { hasProblems, NO_PROBLEMS, placeLocalProblems, placeOrderProblems, withoutItemProblems, withoutOrderProblems } from './order-problems';

const keys = ['a', 'b', 'c', 'd'];

describe('placing the server field problems in the order editor', () => {
  it('puts an item parameter problem next to that input of that student', () => {
    const p = placeOrderProblems([{ path: 'items.3.targetCourse', message: '«Новый курс»: не больше 6' }], keys);
    expect(p.items.d).toEqual({ general: [], fields: { targetCourse: '«Новый курс»: не больше 6' } });
    expect(p.order).toEqual({});
    expect(p.unplaced).toEqual([]);
  });

  it('treats items.N and items.N.studentId as about the student as a whole', () => {
    const p = placeOrderProblems(
      [
        { path: 'items.1.studentId', message: '№ 2, Асанов: студент указан в приказе дважды' },
        { path: 'items.0', message: '№ 1, Үсөнова: нужен статус «обучается»' },
        { path: 'items.0.targetGroupId', message: 'группа не найдена' },
      ],
      keys,
    );
    expect(p.items.b!.general).toEqual(['№ 2, Асанов: студент указан в приказе дважды']);
    expect(p.items.a).toEqual({ general: ['№ 1, Үсөнова: нужен статус «обучается»'], fields: { targetGroupId: 'группа не найдена' } });
  });

  it('puts order fields next to their field and the rest aside', () => {
    const p = placeOrderProblems(
      [
        { path: 'effectiveDate', message: 'несуществующая дата' },
        { path: 'expulsionReason', message: 'обязательно' },
        { path: 'items', message: 'в приказе об отмене студенты берутся из отменяемого приказа' },
        { path: 'items.9', message: 'past the end' },
        { path: 'version', message: 'stale' },
        { path: 'items.x', message: 'odd' },
      ],
      keys,
    );
    expect(p.order).toEqual({
      effectiveDate: 'несуществующая дата',
      expulsionReason: 'обязательно',
      items: 'в приказе об отмене студенты берутся из отменяемого приказа',
    });
    expect(p.unplaced).toEqual(['past the end', 'stale', 'odd']);
    expect(hasProblems(p)).toBe(true);
    expect(hasProblems(NO_PROBLEMS)).toBe(false);
  });

  it('joins two problems of the same field', () => {
    const p = placeOrderProblems(
      [
        { path: 'items.2.leaveTo', message: 'one.' },
        { path: 'items.2.leaveTo', message: 'two.' },
      ],
      keys,
    );
    expect(p.items.c!.fields.leaveTo).toBe('one. two.');
  });

  it('shows the editor’s own checks in the same places', () => {
    const p = placeLocalProblems(
      { order: { effectiveDate: 'orders.invalidDate' }, items: new Map([['b', { targetCourse: 'orders.invalidCourse' as const }]]) },
      (k) => `<${k}>`,
    );
    expect(p.order.effectiveDate).toBe('<orders.invalidDate>');
    expect(p.items.b!.fields.targetCourse).toBe('<orders.invalidCourse>');
  });

  it('forgets the problem of a field the user edited', () => {
    const p = placeOrderProblems(
      [
        { path: 'effectiveDate', message: 'bad date' },
        { path: 'items.0.leaveTo', message: 'bad leave' },
        { path: 'items.0', message: 'refused' },
      ],
      keys,
    );
    expect(withoutOrderProblems(p, ['reason'])).toBe(p);
    expect(withoutOrderProblems(p, ['effectiveDate']).order).toEqual({});
    const q = withoutItemProblems(p, 'a', ['leaveTo']);
    expect(q.items.a).toEqual({ general: ['refused'], fields: {} });
    expect(withoutItemProblems(p, 'b', ['leaveTo'])).toBe(p);
  });
});
