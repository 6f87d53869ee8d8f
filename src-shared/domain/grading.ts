/**
 * The grading scale as data and the pure rules of one grade, DOMAIN.md §3. Points → letter →
 * traditional grade → GPA is a configurable, versioned table that differs between
 * universities, so nothing here hard-codes a number: every rule reads the scale it is given.
 * Problems are codes with values, never text; the i18n catalogs word them.
 */

export const OUTCOMES = ['pass', 'retake', 'repeat'] as const;
/** pass; 'retake': may sit the exam again (FX, absent, not admitted); 'repeat': must take the discipline again (F). */
export type Outcome = (typeof OUTCOMES)[number];

export interface GradeBand {
  readonly min: number;
  readonly max: number;
  readonly letter: string;
  /** GPA points in hundredths (400 = 4.00), so averages are integer arithmetic */
  readonly gpa: number;
  readonly traditional: 2 | 3 | 4 | 5;
  readonly outcome: Outcome;
}
export type Band = GradeBand;

export interface ScalePart {
  /** the key in grade.parts_json, e.g. "m1" */
  readonly key: string;
  readonly max: number;
  /** current control (modules) or final control (exam), DOMAIN.md §3 */
  readonly kind: 'current' | 'final';
  readonly label: { readonly ky: string; readonly ru: string; readonly en: string };
}

export interface GradingScale {
  readonly bands: readonly GradeBand[];
  readonly parts: readonly ScalePart[];
  /** minimum sum of 'current' parts to be admitted to the final control */
  readonly admissionThreshold: number;
  readonly passMark: number;
  /** main attempt + retakes */
  readonly attemptLimit: number;
  readonly creditTestPassMark: number;
  /**
   * Parts of the control forms that are not split into modules and an exam (course work,
   * practice, state exam: one mark for the defence or the commission), by control form;
   * a form not listed uses `parts`.
   */
  readonly formParts?: Readonly<Partial<Record<string, readonly ScalePart[]>>>;
}

/**
 * The scale as one control form uses it: its own parts when the scale gives the form some, and
 * then no admission bar unless those parts have current control of their own.
 */
export function scaleFor(scale: GradingScale, controlForm: string): GradingScale {
  const own = scale.formParts?.[controlForm];
  if (!own) return scale;
  const currentMax = own.filter((p) => p.kind === 'current').reduce((sum, p) => sum + p.max, 0);
  return { ...scale, parts: own, admissionThreshold: Math.min(scale.admissionThreshold, currentMax) };
}

export { DEFAULT_SCALE } from './grading-default';

/** Problems naming a row-level fact (the mark itself) use this instead of a part key; no part may be called so. */
export const MARK_FIELD = 'mark';

const GPA_MAX = 400;
const OUTCOME_RANK: Record<Outcome, number> = { repeat: 0, retake: 1, pass: 2 };
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isPoints = (n: unknown): n is number => isInt(n) && n >= 0 && n <= 100;

export type ScaleProblem =
  | { code: 'bandInvalid'; band: number; field: 'min' | 'max' | 'letter' | 'traditional' | 'outcome' }
  | { code: 'bandEmpty' | 'bandOutOfRange'; band: number; min: number; max: number }
  | { code: 'pointsUncovered' | 'pointsOverlap'; from: number; to: number }
  | { code: 'letterDuplicate'; letter: string }
  | { code: 'gpaOutOfRange'; band: number; gpa: number }
  | { code: 'bandOrder'; band: number; field: 'gpa' | 'traditional' | 'outcome' }
  | { code: 'traditionalVsOutcome'; band: number; traditional: number; outcome: string }
  | { code: 'partInvalid'; part: number; field: 'key' | 'max' | 'kind' | 'label' }
  | { code: 'partKeyDuplicate' | 'partKeyReserved'; key: string }
  | { code: 'partsSum'; sum: number; expected: 100 }
  | { code: 'admissionThresholdAboveCurrent'; value: number; currentMax: number }
  | { code: 'passMarkMismatch'; value: number; expected: number }
  | { code: 'noFinalPart' | 'noPassBand' }
  | { code: 'formPartsInvalid'; form: string }
  | {
      code: 'admissionThresholdInvalid' | 'passMarkOutOfRange' | 'attemptLimitInvalid' | 'creditTestPassMarkOutOfRange';
      value: number;
    };

/**
 * Everything that must hold before a scale may be saved: a scale arrives as JSON typed by an
 * administrator, so field types are checked too. Indexes refer to the arrays as given.
 */
export function validateScale(scale: GradingScale): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const cover = new Array<number>(101).fill(0);
  const usable: { band: GradeBand; index: number }[] = [];
  const letters = new Set<string>();
  scale.bands.forEach((b, i) => {
    if (typeof b.letter !== 'string' || b.letter.trim() === '') problems.push({ code: 'bandInvalid', band: i, field: 'letter' });
    else if (letters.has(b.letter)) problems.push({ code: 'letterDuplicate', letter: b.letter });
    else letters.add(b.letter);
    if (!isInt(b.gpa) || b.gpa < 0 || b.gpa > GPA_MAX) problems.push({ code: 'gpaOutOfRange', band: i, gpa: b.gpa });
    const traditionalOk = [2, 3, 4, 5].includes(b.traditional);
    if (!traditionalOk) problems.push({ code: 'bandInvalid', band: i, field: 'traditional' });
    if (!OUTCOMES.includes(b.outcome)) problems.push({ code: 'bandInvalid', band: i, field: 'outcome' });
    // traditional 2 is "unsatisfactory" by definition: it cannot be a pass, and 3–5 cannot fail
    else if (traditionalOk && (b.outcome === 'pass') !== b.traditional > 2) {
      problems.push({ code: 'traditionalVsOutcome', band: i, traditional: b.traditional, outcome: b.outcome });
    }
    if (!isInt(b.min)) return void problems.push({ code: 'bandInvalid', band: i, field: 'min' });
    if (!isInt(b.max)) return void problems.push({ code: 'bandInvalid', band: i, field: 'max' });
    if (b.min > b.max) return void problems.push({ code: 'bandEmpty', band: i, min: b.min, max: b.max });
    if (b.min < 0 || b.max > 100) problems.push({ code: 'bandOutOfRange', band: i, min: b.min, max: b.max });
    for (let p = Math.max(0, b.min); p <= Math.min(100, b.max); p++) cover[p]!++;
    usable.push({ band: b, index: i });
  });
  // every integer total 0..100 must fall in exactly one band (bandOf relies on it)
  for (const [from, to] of runs(cover, (n) => n === 0)) problems.push({ code: 'pointsUncovered', from, to });
  for (const [from, to] of runs(cover, (n) => n > 1)) problems.push({ code: 'pointsOverlap', from, to });
  // more points never give a lower GPA, traditional grade or outcome
  usable.sort((a, b) => a.band.min - b.band.min);
  for (let k = 1; k < usable.length; k++) {
    const lower = usable[k - 1]!.band;
    const { band: b, index } = usable[k]!;
    if (b.gpa < lower.gpa) problems.push({ code: 'bandOrder', band: index, field: 'gpa' });
    if (b.traditional < lower.traditional) problems.push({ code: 'bandOrder', band: index, field: 'traditional' });
    if (OUTCOME_RANK[b.outcome] < OUTCOME_RANK[lower.outcome]) problems.push({ code: 'bandOrder', band: index, field: 'outcome' });
  }

  const keys = new Set<string>();
  let sum = 0;
  let currentMax = 0;
  scale.parts.forEach((p, i) => {
    if (typeof p.key !== 'string' || p.key.trim() === '') problems.push({ code: 'partInvalid', part: i, field: 'key' });
    else if (p.key === MARK_FIELD) problems.push({ code: 'partKeyReserved', key: p.key });
    else if (keys.has(p.key)) problems.push({ code: 'partKeyDuplicate', key: p.key });
    else keys.add(p.key);
    if (!isInt(p.max) || p.max <= 0) problems.push({ code: 'partInvalid', part: i, field: 'max' });
    if (p.kind !== 'current' && p.kind !== 'final') problems.push({ code: 'partInvalid', part: i, field: 'kind' });
    if (!p.label || ![p.label.ky, p.label.ru, p.label.en].every((t) => typeof t === 'string' && t.trim() !== '')) {
      problems.push({ code: 'partInvalid', part: i, field: 'label' });
    }
    sum += isInt(p.max) ? p.max : 0;
    if (p.kind === 'current' && isInt(p.max)) currentMax += p.max;
  });
  // "points 0–100 made of current control … and the final control" (DOMAIN.md §3)
  if (!scale.parts.some((p) => p.kind === 'final')) problems.push({ code: 'noFinalPart' });
  if (sum !== 100) problems.push({ code: 'partsSum', sum, expected: 100 });
  const t = scale.admissionThreshold;
  if (!isInt(t) || t < 0) problems.push({ code: 'admissionThresholdInvalid', value: t });
  else if (t > currentMax) problems.push({ code: 'admissionThresholdAboveCurrent', value: t, currentMax });

  const passBands = scale.bands.filter((b) => b.outcome === 'pass' && isInt(b.min));
  if (!isPoints(scale.passMark)) problems.push({ code: 'passMarkOutOfRange', value: scale.passMark });
  if (passBands.length === 0) problems.push({ code: 'noPassBand' });
  else {
    const expected = Math.min(...passBands.map((b) => b.min));
    if (isPoints(scale.passMark) && scale.passMark !== expected) {
      problems.push({ code: 'passMarkMismatch', value: scale.passMark, expected });
    }
  }
  for (const [form, parts] of Object.entries(scale.formParts ?? {})) {
    // a form's own parts follow the rules of the scale's parts; one problem names the form
    const own = validateScale({ ...scale, parts: parts ?? [], formParts: undefined, admissionThreshold: 0 });
    if (!Array.isArray(parts) || own.some((x) => x.code.startsWith('part') || x.code === 'noFinalPart')) problems.push({ code: 'formPartsInvalid', form });
  }
  if (!isInt(scale.attemptLimit) || scale.attemptLimit < 1) problems.push({ code: 'attemptLimitInvalid', value: scale.attemptLimit });
  if (!isPoints(scale.creditTestPassMark)) problems.push({ code: 'creditTestPassMarkOutOfRange', value: scale.creditTestPassMark });
  return problems;
}

/** Consecutive index ranges [from, to] whose values satisfy `test`. */
function runs(values: readonly number[], test: (n: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  values.forEach((v, i) => {
    if (!test(v)) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** The band of an integer total 0..100. Assumes a scale that passed validateScale. */
export function bandOf(scale: GradingScale, total: number): GradeBand {
  if (!isPoints(total)) throw new RangeError(`total must be an integer 0..100, got ${total}`);
  const band = scale.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new Error(`the grading scale has no band for ${total}; validate it first`);
  return band;
}

/** A credit-test (зачет) scored in points is passed from creditTestPassMark (DOMAIN.md §3). */
export function creditTestPassed(scale: GradingScale, total: number): boolean {
  if (!isPoints(total)) throw new RangeError(`total must be an integer 0..100, got ${total}`);
  return total >= scale.creditTestPassMark;
}

export type GradeMark = 'absent' | 'not_admitted';
export type GradeStatus = 'incomplete' | 'graded' | 'absent' | 'not_admitted';
export type RowProblemCode =
  | 'notInteger' | 'negative' | 'aboveMax' | 'unknownPart'
  | 'examWithoutAdmission' | 'markWithPoints' | 'markContradictsAdmission';
/** `part` is a part key, or MARK_FIELD when the mark contradicts the points; max/threshold for wording. */
export type RowProblem = { part: string; code: RowProblemCode; max?: number; threshold?: number };
export interface GradeRowInput {
  /** points per part key; null/undefined = not entered yet (a blank is not a zero) */
  parts: Readonly<Record<string, number | null | undefined>>;
  mark: GradeMark | null;
}
export interface GradeRowResult {
  total: number | null;
  band: GradeBand | null;
  /** sum of the current parts when all of them are entered and valid */
  currentSum: number | null;
  /** null while the entered points cannot decide it yet */
  admitted: boolean | null;
  status: GradeStatus;
  /** the band's outcome when graded; 'retake' for absent and not admitted; null when incomplete */
  outcome: Outcome | null;
  problems: RowProblem[];
}

/**
 * The rules of one row of a grade sheet (DOMAIN.md §3 "checked (ranges, admission rule)"):
 * 1. Each entered part is an integer 0..max; a blank is "not entered", never a zero.
 *    Points under a key the scale does not have are 'unknownPart' (blank ones are ignored).
 * 2. Admission: current-control sum ≥ admissionThreshold. Points only add up, so entered
 *    current points that already reach the threshold admit the student before the other
 *    module is entered; below it, admission is decided (false) only once every current part
 *    is entered, otherwise it is null.
 * 3. Not admitted by the points and no mark: the status is 'not_admitted' by itself (the
 *    clerk need not type the mark), and any exam points are 'examWithoutAdmission'.
 * 4. Mark 'absent' (did not come to the final control): current parts may be present; final
 *    points are 'markWithPoints'. A student the points did not admit was not absent from an
 *    exam they could not sit: 'markContradictsAdmission' so the footer counts stay right.
 * 5. Mark 'not_admitted': allowed when current points are below the threshold or not all
 *    entered (the teacher's paper may say "не допущен" without module points); entered
 *    current points reaching the threshold are 'markContradictsAdmission'; final points are
 *    'markWithPoints'.
 * 6. Any problem makes the row 'incomplete' (not ready to close) with no total or band.
 *    'absent' and 'not_admitted' have no total or letter (a mark, not a zero) and count as
 *    outcome 'retake' for the retake lists. Otherwise the total is the sum once every part
 *    is entered, and letter, traditional grade and GPA come from its band.
 * Assumes a scale that passed validateScale.
 */
export function gradeRow(scale: GradingScale, input: GradeRowInput): GradeRowResult {
  const problems: RowProblem[] = [];
  const keys = new Set(scale.parts.map((p) => p.key));
  for (const [key, value] of Object.entries(input.parts)) {
    if (!keys.has(key) && value !== null && value !== undefined) problems.push({ part: key, code: 'unknownPart' });
  }
  let total = 0;
  let currentKnown = 0;
  let currentComplete = true;
  let finalComplete = true;
  const finalTyped: string[] = [];
  for (const part of scale.parts) {
    const v = input.parts[part.key];
    const entered = v !== null && v !== undefined;
    if (entered && part.kind === 'final') finalTyped.push(part.key);
    const problem = entered ? pointsProblem(v, part.max) : null;
    if (problem) problems.push({ part: part.key, ...problem });
    const ok = entered && !problem;
    if (ok) total += v;
    if (part.kind === 'current') {
      if (ok) currentKnown += v;
      else currentComplete = false;
    } else if (!ok) finalComplete = false;
  }
  const threshold = scale.admissionThreshold;
  const byPoints = currentKnown >= threshold ? true : currentComplete ? false : null;
  let admitted = byPoints;
  if (input.mark === null) {
    if (byPoints === false) for (const part of finalTyped) problems.push({ part, code: 'examWithoutAdmission' });
  } else {
    for (const part of finalTyped) problems.push({ part, code: 'markWithPoints' });
    const contradicts = input.mark === 'not_admitted' ? byPoints === true : byPoints === false;
    if (contradicts) problems.push({ part: MARK_FIELD, code: 'markContradictsAdmission', threshold });
    else if (input.mark === 'not_admitted') admitted = false;
  }
  const currentSum = currentComplete ? currentKnown : null;
  const base = { currentSum, admitted, problems };
  const none = { total: null, band: null };
  if (problems.length > 0) return { ...base, ...none, status: 'incomplete', outcome: null };
  if (input.mark === 'absent') return { ...base, ...none, status: 'absent', outcome: 'retake' };
  if (admitted === false) return { ...base, ...none, status: 'not_admitted', outcome: 'retake' };
  if (!currentComplete || !finalComplete) return { ...base, ...none, status: 'incomplete', outcome: null };
  const band = bandOf(scale, total);
  return { ...base, total, band, status: 'graded', outcome: band.outcome };
}

function pointsProblem(v: number, max: number): Pick<RowProblem, 'code' | 'max'> | null {
  if (!Number.isInteger(v)) return { code: 'notInteger' };
  if (v < 0) return { code: 'negative' };
  if (v > max) return { code: 'aboveMax', max };
  return null;
}

export type PointsTextProblem = 'notANumber' | 'notInteger' | 'negative';
export type ParsedPoints = { ok: true; value: number | null } | { ok: false; code: PointsTextProblem };

/**
 * What a clerk types or pastes from Excel: surrounding spaces (also no-break ones) go, a
 * decimal comma or point with only zeros after it is an integer ("25,0" is how Excel shows
 * 25 in a Russian locale), a blank cell is null. Points are integers (DOMAIN.md §3), so
 * "25.5" is refused rather than rounded. The part's maximum is gradeRow's business.
 */
export function parsePoints(text: string): ParsedPoints {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return { ok: true, value: null };
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(t);
  if (!m) return { ok: false, code: 'notANumber' };
  if (/[1-9]/.test(m[3] ?? '')) return { ok: false, code: 'notInteger' };
  const value = Number(m[2]);
  if (m[1] === '-' && value !== 0) return { ok: false, code: 'negative' };
  return { ok: true, value };
}

/**
 * GPA = Σ(credits × GPA points) / Σ credits (DOMAIN.md §3), in hundredths rounded half up
 * (325 = 3.25); null when there are no credits. The caller picks the entries: graded
 * disciplines of a semester or of all semesters, each with its final attempt.
 */
export function gpa(entries: readonly { credits: number; gpa: number }[]): number | null {
  let credits = 0;
  let weighted = 0;
  for (const e of entries) {
    if (!Number.isFinite(e.credits) || e.credits < 0) throw new RangeError(`credits must be ≥ 0, got ${e.credits}`);
    if (!isInt(e.gpa) || e.gpa < 0 || e.gpa > GPA_MAX) throw new RangeError(`gpa must be hundredths 0..400, got ${e.gpa}`);
    credits += e.credits;
    weighted += e.credits * e.gpa;
  }
  return credits === 0 ? null : Math.round(weighted / credits);
}

export interface AttemptResult {
  attempt: number;
  total: number | null;
  status: GradeStatus;
}

/**
 * "A retaken discipline counts with its final attempt; the transcript keeps the history"
 * (DOMAIN.md §3): the highest attempt number wins, even when it is worse than an earlier
 * one. An attempt still 'incomplete' (a retake sheet not yet filled) has not happened, so
 * the previous one still counts. Two results with one attempt number are a data error.
 */
export function finalAttempt<T extends AttemptResult>(attempts: readonly T[]): T | null {
  const seen = new Set<number>();
  let last: T | null = null;
  for (const a of attempts) {
    if (!isInt(a.attempt) || a.attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${a.attempt}`);
    if (seen.has(a.attempt)) throw new RangeError(`attempt ${a.attempt} appears twice`);
    seen.add(a.attempt);
    if (a.status !== 'incomplete' && (!last || a.attempt > last.attempt)) last = a;
  }
  return last;
}

export type RetakeDecision =
  | { allowed: true; nextAttempt: number }
  | { allowed: false; reason: 'passed' | 'mustRepeat' | 'attemptLimit' };

/**
 * Whether another attempt (a retake sheet) may be opened, DOMAIN.md §3: FX, absent and not
 * admitted (outcome 'retake') may be retaken while attemptsUsed (main attempt included) is
 * below attemptLimit; F ('repeat') means the discipline is taken again, not retaken; a pass
 * is final (the domain knows no retake to improve a grade).
 */
export function canRetake(scale: GradingScale, attemptsUsed: number, lastOutcome: Outcome): RetakeDecision {
  if (!isInt(attemptsUsed) || attemptsUsed < 1) throw new RangeError(`attemptsUsed must be an integer ≥ 1, got ${attemptsUsed}`);
  if (lastOutcome === 'pass') return { allowed: false, reason: 'passed' };
  if (lastOutcome === 'repeat') return { allowed: false, reason: 'mustRepeat' };
  if (attemptsUsed >= scale.attemptLimit) return { allowed: false, reason: 'attemptLimit' };
  return { allowed: true, nextAttempt: attemptsUsed + 1 };
}
