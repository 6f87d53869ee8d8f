import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, formatDate, parseDisplayDate } from './dates';
import { formatSom, parseSom } from './money';

describe('dates on screen and paper', () => {
  it('shows ISO dates as DD.MM.YYYY', () => {
    expect(formatDate('2026-09-01')).toBe('01.09.2026');
    expect(formatDate(null)).toBe('');
  });
  it('parses what a clerk types, refusing dates that do not exist', () => {
    expect(parseDisplayDate('1.9.2026')).toBe('2026-09-01');
    expect(parseDisplayDate('29.02.2025')).toBeNull();
    expect(parseDisplayDate('2026-09-01')).toBeNull();
  });
  it('counts age in full years', () => {
    expect(ageOn('2004-01-02', '2027-01-01')).toBe(22);
    expect(ageOn('2004-01-01', '2027-01-01')).toBe(23);
  });
  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2026-12-04', 6)).toBe('2027-06-04');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('money in тыйын', () => {
  it('formats and parses сом with two decimals', () => {
    expect(formatSom(4500050)).toBe('45\u00a0000,50');
    expect(parseSom('45 000,50')).toBe(4500050);
    expect(parseSom('12.5')).toBe(1250);
    expect(parseSom('1.234')).toBeNull();
  });
});
