/**
 * The card's edit form as plain data: what the clerk typed, what of it changed, and where the
 * server's field problems belong. Only the fields the contract lets one correct directly are
 * here; status, group, course, form, funding and name change through orders (DOMAIN.md §4).
 */
import type { FieldProblem, RequestOf, StudentCard, StudentFlags } from '../../../src-shared/contract';
import { formatDate, parseDisplayDate } from '../../../src-shared/domain/dates';
import { STUDENT_FLAGS, type BaseEducation } from '../../../src-shared/domain/enums';
import { normalizePin } from '../../../src-shared/domain/pin';
import type { MessageKey } from '../../../src-shared/i18n';

export const EDIT_FIELDS = ['recordBookNo', 'pin', 'birthDate', 'latinName', 'citizenship', 'baseEducation', 'flags'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export interface EditDraft {
  recordBookNo: string;
  pin: string;
  /** as typed, DD.MM.YYYY */
  birthDate: string;
  latinName: string;
  citizenship: string;
  baseEducation: BaseEducation;
  flags: StudentFlags;
}

export type StudentChanges = NonNullable<RequestOf<'students.update'>['changes']>;

export function draftFromCard(card: StudentCard): EditDraft {
  return {
    recordBookNo: card.recordBookNo,
    pin: card.pin ?? '',
    birthDate: formatDate(card.birthDate),
    latinName: card.latinName ?? '',
    citizenship: card.citizenship,
    baseEducation: card.baseEducation,
    flags: { ...card.flags },
  };
}

export interface DraftCheck {
  changes: StudentChanges;
  /** problems found before asking the server (catalog keys) */
  problems: Partial<Record<EditField, MessageKey>>;
}

/** What differs from the card, plus what cannot be sent at all (an unreal date, an empty number). */
export function checkDraft(card: StudentCard, draft: EditDraft): DraftCheck {
  const changes: StudentChanges = {};
  const problems: Partial<Record<EditField, MessageKey>> = {};

  const book = draft.recordBookNo.trim();
  if (!book) problems.recordBookNo = 'card.required';
  else if (book !== card.recordBookNo) changes.recordBookNo = book;

  // the format (14 digits) is the server's rule and message; an empty field means "no ПИН"
  const pin = normalizePin(draft.pin.trim());
  const newPin = pin === '' ? null : pin;
  if (newPin !== (card.pin ?? null)) changes.pin = newPin;

  const birth = parseDisplayDate(draft.birthDate);
  if (birth === null) problems.birthDate = 'card.invalidDate';
  else if (birth !== card.birthDate) changes.birthDate = birth;

  // the spelling is the server's rule and message; an empty field means "transliterate"
  const latin = draft.latinName.trim().replace(/\s+/g, ' ');
  if ((latin || null) !== (card.latinName ?? null)) changes.latinName = latin || null;

  if (draft.citizenship && draft.citizenship !== card.citizenship) changes.citizenship = draft.citizenship;
  if (draft.baseEducation !== card.baseEducation) changes.baseEducation = draft.baseEducation;

  const flags: Partial<StudentFlags> = {};
  for (const f of STUDENT_FLAGS) if (draft.flags[f] !== card.flags[f]) flags[f] = draft.flags[f];
  if (Object.keys(flags).length > 0) changes.flags = flags;

  return { changes, problems };
}

export interface PlacedProblems {
  byField: Partial<Record<EditField, string>>;
  /** problems that belong to no field of the form (version, the request as a whole) */
  general: string[];
}

/** Puts the server's `fields` next to the inputs they concern: `changes.pin` → pin, `changes.flags.orphan` → flags. */
export function placeFieldProblems(fields: readonly FieldProblem[]): PlacedProblems {
  const byField: Partial<Record<EditField, string>> = {};
  const general: string[] = [];
  for (const f of fields) {
    const [head, name] = f.path.split('.');
    const field = head === 'changes' ? EDIT_FIELDS.find((e) => e === name) : undefined;
    if (field) byField[field] = byField[field] ? `${byField[field]}; ${f.message}` : f.message;
    else general.push(f.message);
  }
  return { byField, general };
}
