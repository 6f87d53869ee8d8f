/**
 * The moment the demo university describes, and small ISO-date arithmetic. The demo is a
 * snapshot as of 1 October 2026: the 2026-2027 academic year has started (01.09), and 1
 * October is the default 3-НК reporting date (DOMAIN.md §5), so a report run on the demo
 * counts exactly what the generator wrote.
 */
import { isRealDate } from '../../../src-shared/domain/pin';

/** the calendar year the current academic year starts in */
export const CURRENT_YEAR = 2026;
export const CURRENT_ACADEMIC_YEAR = '2026-2027';
export const PREVIOUS_ACADEMIC_YEAR = '2025-2026';
/**
 * Faculties already filling this autumn's sheets (demo-current-session.ts): their dean's offices
 * opened grade entry in September for the module points; the others open it on 1 November.
 */
export const CURRENT_SESSION_FACULTIES: readonly string[] = ['MED', 'IT'];
/** the data describes the university on this day; no event is later */
export const AS_OF = '2026-10-01';
/** created_at / updated_at of every generated row that is not tied to an order date */
export const GENERATED_AT = '2026-10-01T08:00:00.000Z';
/** the timestamp part of the generated UUIDv7 ids */
export const ID_BASE_MS = Date.UTC(2026, 9, 1, 8, 0, 0);

const DAY_MS = 86_400_000;

// the generator asks for the same few thousand dates over and over (order dates above all)
const daysCache = new Map<string, number>();

export function toDays(iso: string): number {
  let days = daysCache.get(iso);
  if (days === undefined) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    days = Date.UTC(y, m - 1, d) / DAY_MS;
    if (daysCache.size < 100_000) daysCache.set(iso, days);
  }
  return days;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** 1-based day number within its year */
export function dayOfYear(iso: string): number {
  return toDays(iso) - toDays(`${iso.slice(0, 4)}-01-01`) + 1;
}

/** A row stamp for something recorded on a given day (orders are entered in the morning). */
export function stampOf(isoDate: string): string {
  return `${isoDate}T09:00:00.000Z`;
}

export { isRealDate };
