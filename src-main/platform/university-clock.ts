/**
 * Main's one "today": the university's date in its time zone (Asia/Bishkek unless
 * UNIDESK_TIME_ZONE says otherwise), used by entry windows, order dates and documents.
 */
import { DEFAULT_TIME_ZONE, isoDateIn, isTimeZone } from '../../src-shared/domain/today';

/** The configured zone; a misspelt one stops startup with a message naming the setting. */
export function universityTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.UNIDESK_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) throw new Error(`UNIDESK_TIME_ZONE="${zone}" is not a time zone (expected a name such as Asia/Bishkek).`);
  return zone;
}

/** Today's ISO date at the university. */
export function universityToday(at: Date = new Date(), env: NodeJS.ProcessEnv = process.env): string {
  return isoDateIn(universityTimeZone(env), at);
}
