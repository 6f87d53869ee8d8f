/** Unsaved work, English. Keys are those of unsaved.ru.ts. */
import type { unsavedRu } from './unsaved.ru';

export const unsavedEn: Record<keyof typeof unsavedRu, string> = {
  'leave.title': 'Leave this screen?',
  'leave.stay': 'Stay',
  'leave.go': 'Leave',
  'leave.window': 'There is unsaved work. Close the window? Drafts stay on this computer.',
  'leave.grid':
    'Sheet {number}: {count, plural, one {# row is} other {# rows are}} not saved because of errors ({first}). What you typed stays on this computer and comes back when you open the sheet again.',
  'leave.order': 'The order’s changes are not saved. They stay on this computer: open the order again to go on.',
  'leave.newOrder':
    'The new order is not saved ({count, plural, one {# student} other {# students}}). It stays on this computer: “Continue” in the orders list brings it back.',
  'leave.student': 'The corrections to {name}’s card are not saved and will be lost.',
  'drafts.newOrder': 'This computer has an unsaved new order “{type}” ({count, plural, one {# student} other {# students}}), {time}.',
  'drafts.continue': 'Continue',
  'drafts.discard': 'Delete the draft',
  'drafts.restored': 'Unsaved changes from {time} are back. Save them or undo them.',
  'drafts.restoredStale': 'Unsaved changes from {time} are back, but the order has changed since: check them before saving.',
  'grades.held.row': 'row {row}, {column}: {problem}',
  'grades.held.rowOnly': 'row {row}',
  'drafts.undo': 'Undo the changes',
};
