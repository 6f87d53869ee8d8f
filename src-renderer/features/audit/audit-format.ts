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

/** One changed field: "ПИН: 2021… → 2021…"; `from` empty when the record was created. */
export interface ChangeLine {
  field: string;
  from: string;
  to: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const valueText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : shortJson(v, 60));

/**
 * What changed, field by field: only the fields whose value differs (a correction of the ПИН
 * shows the ПИН, not the whole record); a value that is not a record shows as one line.
 */
export function changeLines(oldValue: unknown, newValue: unknown): ChangeLine[] {
  if (!isRecord(oldValue) && !isRecord(newValue)) {
    const from = valueText(oldValue);
    const to = valueText(newValue);
    return from || to ? [{ field: '', from, to }] : [];
  }
  const before = isRecord(oldValue) ? oldValue : {};
  const after = isRecord(newValue) ? newValue : {};
  const out: ChangeLine[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    out.push({ field, from: valueText(before[field]), to: valueText(after[field]) });
  }
  return out;
}

/** The action's family, for the "what" filter: "order.sign" → "order". */
export const actionFamily = (action: string) => action.split('.')[0] ?? action;
