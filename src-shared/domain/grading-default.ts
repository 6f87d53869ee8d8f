/**
 * The grading scale UniDesk ships with, DOMAIN.md §3: the Central Asian credit-system table
 * (95–100 A 4.00 … 0–24 F). It is only a starting point: every university stores its own
 * versioned scale (table grading_scale) and the code reads whichever the sheet was made with.
 */
import type { GradeBand, GradingScale, ScalePart } from './grading';

const band = (
  min: number,
  max: number,
  letter: string,
  gpa: number,
  traditional: GradeBand['traditional'],
  outcome: GradeBand['outcome'],
): GradeBand => ({ min, max, letter, gpa, traditional, outcome });

const BANDS: GradeBand[] = [
  band(95, 100, 'A', 400, 5, 'pass'),
  band(90, 94, 'A-', 367, 5, 'pass'),
  band(85, 89, 'B+', 333, 4, 'pass'),
  band(80, 84, 'B', 300, 4, 'pass'),
  band(75, 79, 'B-', 267, 4, 'pass'),
  band(70, 74, 'C+', 233, 3, 'pass'),
  band(65, 69, 'C', 200, 3, 'pass'),
  band(60, 64, 'C-', 167, 3, 'pass'),
  band(55, 59, 'D+', 133, 3, 'pass'),
  band(50, 54, 'D', 100, 3, 'pass'),
  // "FX … retake allowed" and "F … discipline must be repeated" (DOMAIN.md §3)
  band(25, 49, 'FX', 0, 2, 'retake'),
  band(0, 24, 'F', 0, 2, 'repeat'),
];

// "a common split is 30 + 30 + 40" (DOMAIN.md §3); the keys are the ones grade.parts_json uses.
const PARTS: ScalePart[] = [
  { key: 'm1', max: 30, kind: 'current', label: { ky: '1-модуль', ru: 'Модуль 1', en: 'Module 1' } },
  { key: 'm2', max: 30, kind: 'current', label: { ky: '2-модуль', ru: 'Модуль 2', en: 'Module 2' } },
  { key: 'exam', max: 40, kind: 'final', label: { ky: 'Экзамен', ru: 'Экзамен', en: 'Exam' } },
];

/** Freezes the shared default so no caller can change the scale every other caller sees. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export const DEFAULT_SCALE: GradingScale = deepFreeze({
  bands: BANDS,
  parts: PARTS,
  // Half of the current-control maximum (30 of 30 + 30). It is the same 50 % bar the pass
  // mark sets for the whole course, applied to the semester's work: a student who earned
  // less than half of the module points has not done enough work to sit the exam.
  // Regulations differ (some use 50 % per module, some a lower bar), so it is data.
  admissionThreshold: 30,
  // the lowest 'pass' band (D, 50–54); validateScale insists the two agree
  passMark: 50,
  // the main attempt and two retakes
  attemptLimit: 3,
  // a credit-test (зачет) scored in points is passed from the same 50 the exam scale uses
  creditTestPassMark: 50,
  // course work is defended, practice reported, a state exam sat before a commission: one mark
  // of 0–100 each, printed as the total (documents/grade-sheet/sheet-forms.ts)
  formParts: {
    course_work: [{ key: 'points', max: 100, kind: 'final', label: { ky: 'Коргоо', ru: 'Защита', en: 'Defence' } }],
    practice: [{ key: 'points', max: 100, kind: 'final', label: { ky: 'Практика', ru: 'Практика', en: 'Practice' } }],
    state_exam: [{ key: 'points', max: 100, kind: 'final', label: { ky: 'Мамлекеттик экзамен', ru: 'Госэкзамен', en: 'State exam' } }],
  },
});
