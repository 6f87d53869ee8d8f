import { looseFold, searchFold } from './person';

/**
 * Between the loose part (what a query is matched against) and the exact part (which ranks a
 * match spelled as typed first). Never typed, so no token matches across it.
 */
export const EXACT_MARK = '\u0001';

/**
 * The text `students.search` matches against: every name part, ПИН and record-book number,
 * loose-folded then as typed. A device computes it from the row it holds (also a row pulled
 * from the server, see students.sync.ts): it is never trusted from the wire, and a field merge
 * on the server cannot leave it describing another name.
 */
export function studentSearchText(s: {
  last_name: string;
  first_name: string;
  patronymic: string | null;
  pin: string | null;
  record_book_no: string;
}): string {
  const text = [s.last_name, s.first_name, s.patronymic ?? '', s.pin ?? '', s.record_book_no].join(' ');
  return `${looseFold(text)}${EXACT_MARK}${searchFold(text)}`;
}
