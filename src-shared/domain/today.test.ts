import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isoDateIn, isTimeZone, startOfDayIn } from './today';

describe("the university's today", () => {
  it('turns the date at midnight in Bishkek, six hours before UTC does', () => {
    expect(isoDateIn(DEFAULT_TIME_ZONE, new Date('2026-12-03T17:59:59Z'))).toBe('2026-12-03');
    expect(isoDateIn(DEFAULT_TIME_ZONE, new Date('2026-12-03T18:00:00Z'))).toBe('2026-12-04');
    // the UTC date would still say the 3rd until 06:00 Bishkek time
    expect(new Date('2026-12-04T05:59:00Z').toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(isoDateIn(DEFAULT_TIME_ZONE, new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
  });
  it('follows another zone when the university is elsewhere', () => {
    expect(isoDateIn('Europe/Moscow', new Date('2026-12-03T21:30:00Z'))).toBe('2026-12-04');
    expect(isoDateIn('UTC', new Date('2026-12-03T21:30:00Z'))).toBe('2026-12-03');
  });
  it('knows a real zone from a typo', () => {
    expect(isTimeZone('Asia/Bishkek')).toBe(true);
    expect(isTimeZone('Asia/Bishkekk')).toBe(false);
  });
});

describe('startOfDayIn', () => {
  it('gives the instant a day begins in the zone, so "on 04.12" means the university’s 04.12', () => {
    expect(startOfDayIn('Asia/Bishkek', '2026-12-04')).toBe('2026-12-03T18:00:00.000Z');
    expect(startOfDayIn('UTC', '2026-12-04')).toBe('2026-12-04T00:00:00.000Z');
    expect(startOfDayIn('America/New_York', '2026-07-01')).toBe('2026-07-01T04:00:00.000Z');
  });
});
