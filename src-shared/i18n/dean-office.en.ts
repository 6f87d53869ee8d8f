/** The dean's office's later additions, English. Keys are those of dean-office.ru.ts. */
import type { deanOfficeRu } from './dean-office.ru';

export const deanOfficeEn: Record<keyof typeof deanOfficeRu, string> = {
  'grades.print.showFolder': 'Show in folder',
  'grades.export.direction': 'Direction:',
  'grades.export.directionHint': 'One page per student: give it to the student; the examiner writes the result on it',
  'visas.title': 'Visas on orders',
  'visas.none': 'the faculty dean only',
  'visas.hint': 'Under every order, after the faculty dean’s visa: the visas of these positions in this order, with whoever holds them now (from the staff records). Tick a position to add it at the end.',
  'visas.vacant': 'vacant',
  'visas.up': 'Up',
  'visas.down': 'Down',
  'visas.remove': 'Remove',
  'visas.save': 'Save the visas',
  'visas.saving': 'Saving…',
  'visas.saved': 'Visas saved: every order printed from now on carries them.',
  'visas.unsaved': 'The changed list of visas on orders is not saved.',
  'doc.direction.title': 'DIRECTION',
  'doc.direction.number': 'No.\u00a0{number}',
  'doc.direction.purpose': '{kind, select, retake {to a retake} other {to an individual exam}} ({control})',
  'doc.direction.student': 'Student',
  'doc.direction.result': 'Result',
  'doc.direction.points': 'Points (of {max})',
  'doc.direction.validUntil': 'Valid until',
  'doc.direction.returnNote': 'The examiner fills in the direction and it returns to the dean’s office on the day of the exam; the result goes into sheet No. {number}.',
  'doc.direction.fileTitle': 'Direction No. {number} — {name}',
};
