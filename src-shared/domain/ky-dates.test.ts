import { describe, expect, it } from 'vitest';
import { kyDateFrom, kyDateOf } from './ky-dates';

describe('Kyrgyz dates in running text', () => {
  it('spells the day and month out in the case the sentence needs, with vowel harmony', () => {
    expect(kyDateFrom('2026-09-01')).toBe('2026-жылдын 1-сентябрынан');
    expect(kyDateFrom('2027-04-15')).toBe('2027-жылдын 15-апрелинен');
    expect(kyDateFrom('2027-06-30')).toBe('2027-жылдын 30-июнунан');
    expect(kyDateOf('2026-08-28')).toBe('2026-жылдын 28-августундагы');
    expect(kyDateOf('2026-04-02')).toBe('2026-жылдын 2-апрелиндеги');
    expect(kyDateOf('2026-03-15')).toBe('2026-жылдын 15-мартындагы');
  });

  it('refuses what is not a date rather than printing a wrong one', () => {
    expect(() => kyDateFrom('2026-13-01')).toThrow(/ISO/);
    expect(() => kyDateOf('01.09.2026')).toThrow(/ISO/);
  });
});
