const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as DD.MM.YYYY HH:mm in the viewer's local time; the raw text when it is not a timestamp. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
