/** How audit entries read in the table: local time DD.MM.YYYY HH:mm and values cut to a glance. */

export { formatDateTime } from '../../ui/date-time';

/** JSON of an old/new value, shortened with an ellipsis; empty for "nothing". */
export function shortJson(value: unknown, max = 80): string {
  if (value === null || value === undefined) return '';
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function fullJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}
