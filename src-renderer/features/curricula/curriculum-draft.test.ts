import { describe, expect, it } from 'vitest';
import type { CurriculumItemView } from '../../../src-shared/contract';
import { bySemester, checkDraft, draftOf, emptyDraft, hoursAfterCredits, intakeYearOptions, splitServerProblems, type ItemDraft } from './curriculum-draft';

const D = '00000000-0000-7000-8000-00000000d001';
const draft = (over: Partial<ItemDraft> = {}): ItemDraft => ({ ...emptyDraft(2), disciplineId: D, credits: '4', hours: '120', ...over });
const item = (id: string, semester: number, credits: number): CurriculumItemView => ({
  id,
  disciplineId: D,
  discipline: { ky: id, ru: id, en: id },
  semester,
  credits,
  hours: credits * 30,
  controlForm: 'exam',
  version: 1,
  usedBy: { registrations: 0, sheets: 0 },
});

describe('checking an item draft', () => {
  it('turns a good draft into the request', () => {
    expect(checkDraft(draft({ credits: ' 4 ' }), 8)).toEqual({ ok: true, input: { disciplineId: D, semester: 2, credits: 4, hours: 120, controlForm: 'exam' } });
  });

  it('names each bad field with the message main would use', () => {
    expect(checkDraft(draft({ credits: '0' }), 8)).toEqual({ ok: false, problems: { credits: { key: 'field.tooSmall', values: { min: 1 } } } });
    expect(checkDraft(draft({ credits: 'abc', hours: '4.5' }), 8)).toEqual({
      ok: false,
      problems: { credits: { key: 'field.notNumber' }, hours: { key: 'field.notNumber' } },
    });
    expect(checkDraft(draft({ credits: '61' }), 8)).toMatchObject({ problems: { credits: { key: 'field.tooBig', values: { max: 60 } } } });
    expect(checkDraft(draft({ disciplineId: '', hours: '' }), 8)).toMatchObject({ problems: { disciplineId: { key: 'field.required' }, hours: { key: 'field.required' } } });
    expect(checkDraft(draft({ semester: '9' }), 8)).toMatchObject({ problems: { semester: { key: 'curricula.error.semesterBeyond', values: { semesters: 8 } } } });
    expect(checkDraft(draft({ controlForm: '' }), 8)).toMatchObject({ problems: { controlForm: { key: 'field.required' } } });
  });

  it('starts from an item as it is', () => {
    expect(checkDraft(draftOf(item('a', 3, 5)), 8)).toEqual({ ok: true, input: { disciplineId: D, semester: 3, credits: 5, hours: 150, controlForm: 'exam' } });
  });
});

describe('hours follow credits until typed', () => {
  it('fills 30 hours a credit while hours are empty or still derived', () => {
    expect(hoursAfterCredits(draft({ credits: '', hours: '' }), '4')).toBe('120');
    expect(hoursAfterCredits(draft({ credits: '4', hours: '120' }), '5')).toBe('150');
    expect(hoursAfterCredits(draft({ credits: '4', hours: '120' }), 'x')).toBe('');
  });

  it('keeps hours the user typed', () => {
    expect(hoursAfterCredits(draft({ credits: '4', hours: '100' }), '5')).toBe('100');
  });
});

describe('semesters and totals', () => {
  it('lists every semester of the specialty with its credit and hour totals', () => {
    const blocks = bySemester([item('a', 1, 5), item('b', 1, 3), item('c', 3, 4)], 4);
    expect(blocks.map((b) => [b.semester, b.items.map((i) => i.id), b.credits, b.hours])).toEqual([
      [1, ['a', 'b'], 8, 240],
      [2, [], 0, 0],
      [3, ['c'], 4, 120],
      [4, [], 0, 0],
    ]);
  });

  it('keeps items of a semester beyond the specialty visible', () => {
    expect(bySemester([item('x', 6, 2)], 4).map((b) => b.semester)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('the rest', () => {
  it('offers existing intake years and the recent ones, newest first', () => {
    expect(intakeYearOptions([2015, 2026], 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2015]);
  });

  it('puts main’s field problems next to their fields and keeps the others for a banner', () => {
    expect(splitServerProblems([
      { path: 'credits', message: 'a' },
      { path: 'credits', message: 'b' },
      { path: 'version', message: 'c' },
    ])).toEqual({ byField: { credits: 'a' }, other: ['b', 'c'] });
  });
});
