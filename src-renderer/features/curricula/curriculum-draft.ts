/**
 * The inline item form's pure logic: what the user typed → a request, or a problem per field
 * (the same wording main would use), and a curriculum's items grouped by semester with totals.
 * Main checks everything again; checking here only saves a round trip and shows the problem
 * where the user is typing.
 */
import type { CurriculumItemView, FieldProblem } from '../../../src-shared/contract';
import { MAX_CREDITS, MAX_HOURS, type CurriculumItemInput } from '../../../src-shared/contract/curricula.contract';
import type { ControlForm } from '../../../src-shared/domain/enums';
import type { MessageKey } from '../../../src-shared/i18n';

/** 1 credit = 30 hours (DOMAIN.md §2). */
export const HOURS_PER_CREDIT = 30;
/** "30 credits a semester is typical" (DOMAIN.md §2): other totals get a quiet hint. */
export const TYPICAL_SEMESTER_CREDITS = 30;

export type DraftField = 'disciplineId' | 'semester' | 'credits' | 'hours' | 'controlForm';

export interface ItemDraft {
  disciplineId: string;
  semester: string;
  credits: string;
  hours: string;
  controlForm: ControlForm | '';
}

/** A message key and its values; the form adds `field` (the label) when it formats it. */
export interface Problem {
  key: MessageKey;
  values?: Record<string, number>;
}

export type DraftProblems = Partial<Record<DraftField, Problem>>;

export function emptyDraft(semester: number): ItemDraft {
  return { disciplineId: '', semester: String(semester), credits: '', hours: '', controlForm: 'exam' };
}

export function draftOf(item: CurriculumItemView): ItemDraft {
  return {
    disciplineId: item.disciplineId,
    semester: String(item.semester),
    credits: String(item.credits),
    hours: String(item.hours),
    controlForm: item.controlForm,
  };
}

/** Whole numbers only: "4" and " 4 " are 4; "4.5", "4 кр", "" are not numbers. */
function whole(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

function range(text: string, min: number, max: number): { value: number } | { problem: Problem } {
  if (text.trim() === '') return { problem: { key: 'field.required' } };
  const n = whole(text);
  if (n === null) return { problem: { key: 'field.notNumber' } };
  if (n < min) return { problem: { key: 'field.tooSmall', values: { min } } };
  if (n > max) return { problem: { key: 'field.tooBig', values: { max } } };
  return { value: n };
}

/**
 * Checks a draft against the curriculum's number of semesters. Either the request to send or
 * the problems, one per field.
 */
export function checkDraft(
  draft: ItemDraft,
  semesters: number,
): { ok: true; input: Omit<CurriculumItemInput, 'curriculumId' | 'itemId' | 'version'> } | { ok: false; problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.disciplineId) problems.disciplineId = { key: 'field.required' };
  const semester = range(draft.semester, 1, semesters);
  if ('problem' in semester) {
    problems.semester = semester.problem.key === 'field.tooBig' ? { key: 'curricula.error.semesterBeyond', values: { semesters } } : semester.problem;
  }
  const credits = range(draft.credits, 1, MAX_CREDITS);
  if ('problem' in credits) problems.credits = credits.problem;
  const hours = range(draft.hours, 1, MAX_HOURS);
  if ('problem' in hours) problems.hours = hours.problem;
  if (!draft.controlForm) problems.controlForm = { key: 'field.required' };
  // (re-testing each part rather than counting problems lets TypeScript see the values below)
  if (!draft.disciplineId || 'problem' in semester || 'problem' in credits || 'problem' in hours || !draft.controlForm) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    input: { disciplineId: draft.disciplineId, semester: semester.value, credits: credits.value, hours: hours.value, controlForm: draft.controlForm },
  };
}

/**
 * Hours follow credits (× 30) while the user has not typed hours of their own: empty, or
 * still what the previous credits gave.
 */
export function hoursAfterCredits(draft: ItemDraft, nextCredits: string): string {
  const before = whole(draft.credits);
  const follows = draft.hours.trim() === '' || (before !== null && whole(draft.hours) === before * HOURS_PER_CREDIT);
  if (!follows) return draft.hours;
  const after = whole(nextCredits);
  return after === null || after === 0 ? '' : String(after * HOURS_PER_CREDIT);
}

const DRAFT_FIELDS: readonly string[] = ['disciplineId', 'semester', 'credits', 'hours', 'controlForm'];

/** Main's field problems (already in the user's language) by form field; the rest for a banner. */
export function splitServerProblems(fields: readonly FieldProblem[]): { byField: Partial<Record<DraftField, string>>; other: string[] } {
  const byField: Partial<Record<DraftField, string>> = {};
  const other: string[] = [];
  for (const f of fields) {
    if (DRAFT_FIELDS.includes(f.path) && !byField[f.path as DraftField]) byField[f.path as DraftField] = f.message;
    else other.push(f.message);
  }
  return { byField, other };
}

export interface SemesterBlock {
  semester: number;
  items: CurriculumItemView[];
  credits: number;
  hours: number;
}

/**
 * Every semester of the specialty, empty ones included (so one can add to them), plus any
 * beyond it that old data may hold; items keep main's order within a semester.
 */
export function bySemester(items: readonly CurriculumItemView[], semesters: number): SemesterBlock[] {
  const last = Math.max(semesters, ...items.map((i) => i.semester));
  return Array.from({ length: last }, (_, k) => {
    const own = items.filter((i) => i.semester === k + 1);
    return {
      semester: k + 1,
      items: own,
      credits: own.reduce((a, i) => a + i.credits, 0),
      hours: own.reduce((a, i) => a + i.hours, 0),
    };
  });
}

/** Intake years worth offering: those with a curriculum, and the last few and next one. */
export function intakeYearOptions(existing: readonly number[], thisYear: number): number[] {
  const years = new Set(existing);
  for (let y = thisYear + 1; y >= thisYear - 6; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}
