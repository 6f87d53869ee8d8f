import { describe, expect, it } from 'vitest';
import { changeLines, formatDateTime, shortJson } from './audit-format';

describe('audit format', () => {
  it('shows local time as DD.MM.YYYY HH:mm', () => {
    const d = new Date(2025, 8, 1, 9, 5); // local time
    expect(formatDateTime(d.toISOString())).toBe('01.09.2025 09:05');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('shortens values', () => {
    expect(shortJson(null)).toBe('');
    expect(shortJson({ pin: '1' })).toBe('{"pin":"1"}');
    const long = shortJson({ text: 'ө'.repeat(200) }, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('what changed', () => {
  it('lists only the fields that differ, each as old → new', () => {
    expect(changeLines({ record_book_no: '25-0001', pin: '1' }, { record_book_no: 'E2E-0001', pin: '1' })).toEqual([{ field: 'record_book_no', from: '25-0001', to: 'E2E-0001' }]);
    expect(changeLines(null, { number: '12-п', students: 25 })).toEqual([
      { field: 'number', from: '', to: '12-п' },
      { field: 'students', from: '', to: '25' },
    ]);
    expect(changeLines('open', 'closed')).toEqual([{ field: '', from: 'open', to: 'closed' }]);
    expect(changeLines(null, null)).toEqual([]);
  });
});
