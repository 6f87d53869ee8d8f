import { describe, expect, it } from 'vitest';
import { addStudents, newDraft } from './order-draft';
import { forgetOrderDraft, orderDraftKey, readOrderDraft, worthKeeping, writeOrderDraft } from './order-draft-store';
import type { StudentRow } from '../../../src-shared/contract';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const student = (id: string, lastName: string) =>
  ({ id, lastName, firstName: 'Айбек', patronymic: 'Асан уулу', recordBookNo: `RB-${id}`, status: 'active', groupId: 'g1', course: 1, funding: 'budget' }) as unknown as StudentRow;

describe('an order typed here and not saved', () => {
  it('comes back whole after the editor is gone: basis, date and every student', () => {
    const storage = memoryStorage();
    const draft = { ...newDraft('promotion', '2026-12-04'), reason: 'Окуу планын аткаргандыгы үчүн', reasonRu: 'За выполнение учебного плана' };
    const withStudents = { ...draft, items: addStudents(draft.items, [student('s1', 'Жеңишбеков'), student('s2', 'Өмүрова')], () => 'ЭК-1-25').items };
    writeOrderDraft(storage, { savedAt: '2026-12-04T08:00:00.000Z', orderId: null, baseVersion: null, cancels: null, draft: withStudents });
    const back = readOrderDraft(storage, null)!;
    expect(back.draft.reason).toBe('Окуу планын аткаргандыгы үчүн');
    expect(back.draft.reasonRu).toBe('За выполнение учебного плана');
    expect(back.draft.items.map((i) => [i.lastName, i.patronymic])).toEqual([
      ['Жеңишбеков', 'Асан уулу'],
      ['Өмүрова', 'Асан уулу'],
    ]);
    // restored rows get keys of this editor's life, never the old ones (which could collide)
    expect(back.draft.items.map((i) => i.key)).not.toEqual(withStudents.items.map((i) => i.key));
    expect(new Set(back.draft.items.map((i) => i.key)).size).toBe(2);
  });

  it('keeps an existing order apart from the new one, and forgets only what it is told', () => {
    const storage = memoryStorage();
    const draft = newDraft('expulsion', '2026-12-04');
    writeOrderDraft(storage, { savedAt: 'x', orderId: 'o1', baseVersion: 3, cancels: null, draft });
    writeOrderDraft(storage, { savedAt: 'y', orderId: null, baseVersion: null, cancels: null, draft });
    expect(readOrderDraft(storage, 'o1')?.baseVersion).toBe(3);
    forgetOrderDraft(storage, 'o1');
    expect(readOrderDraft(storage, 'o1')).toBeNull();
    expect(readOrderDraft(storage, null)?.savedAt).toBe('y');
  });

  it('treats anything unreadable as no draft instead of breaking the editor', () => {
    const storage = memoryStorage();
    storage.setItem(orderDraftKey('o2'), '{not json');
    storage.setItem(orderDraftKey('o3'), JSON.stringify({ v: 1, savedAt: 'x', draft: { type: 'promotion' } }));
    expect(readOrderDraft(storage, 'o2')).toBeNull();
    expect(readOrderDraft(storage, 'o3')).toBeNull();
    expect(readOrderDraft(null, 'o3')).toBeNull();
  });

  it('is worth keeping once it holds students or a basis, not when it is an empty form', () => {
    const empty = newDraft('promotion', '2026-12-04');
    expect(worthKeeping(empty)).toBe(false);
    expect(worthKeeping({ ...empty, reasonRu: 'основание' })).toBe(true);
    expect(worthKeeping({ ...empty, items: addStudents([], [student('s1', 'Ли')], () => '').items })).toBe(true);
  });
});
