import { describe, expect, it } from 'vitest';
import { formatMoment } from './sync-format';

describe('formatMoment', () => {
  it('shows the local date as DD.MM.YYYY and the time, across midnight', () => {
    // Bishkek is UTC+6: the offset JavaScript reports is -360
    expect(formatMoment('2026-11-22T20:30:00.000Z', -360)).toBe('23.11.2026 02:30');
    expect(formatMoment('2026-11-22T05:07:00.000Z', 0)).toBe('22.11.2026 05:07');
  });

  it('leaves what is not a moment as it is', () => {
    expect(formatMoment('soon', 0)).toBe('soon');
  });
});
