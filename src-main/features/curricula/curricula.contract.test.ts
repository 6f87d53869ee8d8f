import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { describeIssues } from '../../host/validation';

const ID = '00000000-0000-7000-8000-00000000c001';
const good = { curriculumId: ID, disciplineId: ID, semester: 2, credits: 4, hours: 120, controlForm: 'exam' };

function problems(payload: unknown, locale: 'ky' | 'ru' | 'en' = 'ru') {
  const r = contract['curricula.setItem'].request.safeParse(payload);
  return r.success ? [] : describeIssues(locale, r.error, payload);
}

describe('curricula contract', () => {
  it('accepts a whole item', () => {
    expect(problems(good)).toEqual([]);
  });

  it('names the field of a bad value in the caller’s language', () => {
    expect(problems({ ...good, credits: 0 })).toEqual([{ path: 'credits', message: '«Кредиты»: не меньше 1' }]);
    expect(problems({ ...good, credits: 'четыре' }, 'ky')).toEqual([{ path: 'credits', message: '«Кредиттер»: бүтүн сан керек' }]);
    expect(problems({ ...good, semester: 13 }, 'en')).toEqual([{ path: 'semester', message: '“Semester”: at most 12' }]);
    expect(problems({ ...good, hours: 4.5, controlForm: 'essay' }).map((p) => p.path)).toEqual(['hours', 'controlForm']);
  });

  it('refuses fields it does not know', () => {
    expect(problems({ ...good, curriculum: ID }).map((p) => p.path)).toEqual(['curriculum']);
  });
});
