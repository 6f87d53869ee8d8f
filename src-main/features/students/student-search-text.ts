import { searchFold } from '../../../src-shared/domain/person';

/** The text `students.search` matches against: every name part, ПИН and record-book number. */
export function studentSearchText(s: {
  last_name: string;
  first_name: string;
  patronymic: string | null;
  pin: string | null;
  record_book_no: string;
}): string {
  return searchFold([s.last_name, s.first_name, s.patronymic ?? '', s.pin ?? '', s.record_book_no].join(' '));
}
