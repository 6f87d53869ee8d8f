import { formatDate } from '../../../src-shared/domain/dates';

/** "22.11.2026 14:05" in the user's time zone: dates as offices write them, with the time that matters for sync. */
export function formatMoment(iso: string, zoneOffsetMinutes = new Date(iso).getTimezoneOffset()): string {
  const d = new Date(Date.parse(iso) - zoneOffsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(d.toISOString().slice(0, 10))} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
