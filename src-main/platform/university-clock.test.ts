import { describe, expect, it } from 'vitest';
import { universityTimeZone, universityToday } from './university-clock';

describe("main's today", () => {
  it('is the date in Bishkek by default', () => {
    expect(universityToday(new Date('2026-12-20T19:00:00Z'), {})).toBe('2026-12-21');
  });
  it('follows UNIDESK_TIME_ZONE', () => {
    expect(universityToday(new Date('2026-12-20T19:00:00Z'), { UNIDESK_TIME_ZONE: 'UTC' })).toBe('2026-12-20');
  });
  it('refuses a zone that does not exist, naming the setting', () => {
    expect(() => universityTimeZone({ UNIDESK_TIME_ZONE: 'Bishkek' })).toThrow(/UNIDESK_TIME_ZONE="Bishkek"/);
  });
});
