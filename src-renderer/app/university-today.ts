/**
 * The screen's "today" is the university's date (its time zone comes with `app.info`), the
 * same date main uses for entry windows and orders, whatever zone this computer is set to.
 */
import { DEFAULT_TIME_ZONE, isoDateIn, isTimeZone } from '../../src-shared/domain/today';

let zone = DEFAULT_TIME_ZONE;

export function setUniversityTimeZone(timeZone: string): void {
  if (isTimeZone(timeZone)) zone = timeZone;
}

/** Today's ISO date at the university. */
export function todayIso(now: Date = new Date()): string {
  return isoDateIn(zone, now);
}
