/**
 * Personal number (ПИН) rules, DOMAIN.md §8: 14 digits; digit 1 is sex (1 female, 2 male),
 * digits 2–9 the birth date DDMMYYYY, the last five a serial. A wrong length is an error;
 * a disagreement with the recorded sex or birth date is only a warning, because real
 * records carry typos and we must still be able to store them.
 */
import type { Sex } from './person';

export type PinIssue =
  | { level: 'error'; code: 'pin.format' }
  | { level: 'warning'; code: 'pin.sexMismatch'; part: 'sex'; pinValue: string; recorded: Sex }
  | { level: 'warning'; code: 'pin.sexDigit'; part: 'sex'; pinValue: string }
  | { level: 'warning'; code: 'pin.birthDateMismatch'; part: 'birthDate'; pinValue: string; recorded: string }
  | { level: 'warning'; code: 'pin.birthDateInvalid'; part: 'birthDate'; pinValue: string };

export interface PinFacts {
  sex: Sex;
  /** ISO date YYYY-MM-DD */
  birthDate: string;
}

export const PIN_PATTERN = /^\d{14}$/;

export function normalizePin(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** The sex digit and birth date a ПИН encodes, or null when that part is unreadable. */
export function decodePin(pin: string): { sex: Sex | null; birthDate: string | null } {
  const sexDigit = pin[0];
  const sex: Sex | null = sexDigit === '1' ? 'F' : sexDigit === '2' ? 'M' : null;
  const dd = pin.slice(1, 3);
  const mm = pin.slice(3, 5);
  const yyyy = pin.slice(5, 9);
  const iso = `${yyyy}-${mm}-${dd}`;
  return { sex, birthDate: isRealDate(iso) ? iso : null };
}

export function checkPin(raw: string, facts: PinFacts): PinIssue[] {
  const pin = normalizePin(raw);
  if (!PIN_PATTERN.test(pin)) return [{ level: 'error', code: 'pin.format' }];
  const issues: PinIssue[] = [];
  const decoded = decodePin(pin);
  const sexPart = pin.slice(0, 1);
  if (decoded.sex === null) {
    issues.push({ level: 'warning', code: 'pin.sexDigit', part: 'sex', pinValue: sexPart });
  } else if (decoded.sex !== facts.sex) {
    issues.push({ level: 'warning', code: 'pin.sexMismatch', part: 'sex', pinValue: sexPart, recorded: facts.sex });
  }
  const datePart = pin.slice(1, 9);
  if (decoded.birthDate === null) {
    issues.push({ level: 'warning', code: 'pin.birthDateInvalid', part: 'birthDate', pinValue: datePart });
  } else if (decoded.birthDate !== facts.birthDate) {
    issues.push({
      level: 'warning',
      code: 'pin.birthDateMismatch',
      part: 'birthDate',
      pinValue: datePart,
      recorded: facts.birthDate,
    });
  }
  return issues;
}

/** Builds a ПИН from its parts; used by the demo generator and tests. */
export function makePin(sex: Sex, birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  return `${sex === 'F' ? '1' : '2'}${d}${m}${y}${String(serial).padStart(5, '0')}`;
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
