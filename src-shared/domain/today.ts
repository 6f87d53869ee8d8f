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
