import { describe, expect, it } from 'vitest';
import { formatDateTime, shortJson } from './audit-format';

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
