/** How audit entries read in the table: local time DD.MM.YYYY HH:mm and values cut to a glance. */

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp in the viewer's local time; the raw text when it is not a timestamp. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

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
