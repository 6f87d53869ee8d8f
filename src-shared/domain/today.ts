/**
 * "Today" is the university's date, not the computer's UTC date: an entry window that closes
 * on the 20th closes at midnight in Bishkek, not at 06:00 the day after (DOMAIN.md, dates).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Bishkek';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD, which is ISO
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name the runtime knows ("Asia/Bishkek"). */
export function isTimeZone(name: string): boolean {
  try {
    formatIn(name);
    return true;
  } catch {
    return false;
  }
}

/** The ISO date (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function isoDateIn(timeZone: string, at: Date = new Date()): string {
  const parts = formatIn(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Minutes the zone is ahead of UTC at `at` (Bishkek: 360). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a calendar day begins in the zone, as an ISO timestamp: "2026-12-04" in Bishkek is 2026-12-03T18:00Z. */
export function startOfDayIn(timeZone: string, isoDate: string): string {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  // the offset at midday of that day: zones that shift do so at night
  return new Date(utcMidnight - offsetMinutes(timeZone, new Date(utcMidnight + 12 * 3_600_000)) * 60_000).toISOString();
}
