/**
 * The demo's grade history (issue 13): every past session of every student, from their
 * enrolment to June 2026, as closed grade sheets — main sheets per group × discipline × year,
 * retake sheets (attempts 2 and 3) for FX, absences and students not admitted, and a few
 * individual sheets for a lone retaker. A closed sheet names its students, so past terms carry
 * no registrations (those plan the current term; a million more rows would double the time).
 *
 * Who sat what follows from the status history the orders wrote: a student sits a term's
 * session when the history row in force on its exam day says "active"; the course then gives
 * the semester, and the cohort (year − course + 1) the curriculum, so last year's graduates and
 * repeaters get their own cohort's disciplines. Each row's total and letter come from the same
 * `gradeRow` rules the grade sheet service applies, with the scale of the sheet's control form.
 * Written with prepared statements like the rest of the demo (≈ 2,000,000 grades at 40,000
 * students), in the generator's one transaction.
 */
import { DEFAULT_SCALE, gradeRow, scaleFor, type GradeRowResult, type GradingScale } from '../../../src-shared/domain/grading';
import { kyCollator } from '../../../src-shared/domain/person';
import { CURRENT_YEAR } from './demo-calendar';
import type { DemoContext, GroupRow, Structure } from './demo-structure';
import { Rng } from './demo.random';

export interface GradeHistoryResult {
  sheets: number;
  retakeSheets: number;
  individualSheets: number;
  grades: number;
}

export interface GradeHistoryOptions {
  /** faculty id → the user who closes its sheets (its dean's office clerk, else the administrator) */
  closerOf: (facultyId: string) => string;
  scaleId: string;
  onProgress?: (done: number, total: number) => void;
}

type Term = 'autumn' | 'spring';
interface Seat {
  studentId: string;
  rank: number;
}
interface SheetPlan {
  group: GroupRow;
  itemId: string;
  controlForm: string;
  seats: Seat[];
}
interface Row {
  parts: Record<string, number>;
  mark: 'absent' | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function insertGradeHistory(ctx: DemoContext, structure: Structure, opts: GradeHistoryOptions): GradeHistoryResult {
  const rng = new Rng(ctx.seed, 'grades');
  const groups = new Map(structure.groups.map((g) => [g.id, g]));
  const items = new Map<string, { id: string; controlForm: string }[]>();
  for (const r of ctx.store.curriculumItemsAll()) {
    const key = `${r.specialty_id}|${r.intake_year}|${r.form}|${r.semester}`;
    items.set(key, [...(items.get(key) ?? []), { id: r.id, controlForm: r.control_form }]);
  }
  const rank = new Map(
    ctx.store
      .studentNames()
      .sort((a, b) => kyCollator.compare(a.last_name, b.last_name) || kyCollator.compare(a.first_name, b.first_name) || kyCollator.compare(a.patronymic ?? '', b.patronymic ?? '') || (a.id < b.id ? -1 : 1))
      .map((s, i) => [s.id, i]),
  );
  const histories = new Map<string, { date: string; status: string; group: string; course: number }[]>();
  for (const h of ctx.store.liveHistory()) {
    const list = histories.get(h.student_id) ?? [];
    list.push({ date: h.effective_date, status: h.status, group: h.group_id, course: h.course });
    histories.set(h.student_id, list);
  }
  // each student's steady level: the same student does well or badly across disciplines
  const ability = new Map<string, number>();
  for (const id of histories.keys()) ability.set(id, clamp(Math.round(normal(rng, 71, 12)), 30, 98));

  const result: GradeHistoryResult = { sheets: 0, retakeSheets: 0, individualSheets: 0, grades: 0 };
  const first = structure.firstYear;
  const terms: { year: number; term: Term }[] = [];
  for (let y = first; y < CURRENT_YEAR; y++) terms.push({ year: y, term: 'autumn' }, { year: y, term: 'spring' });
  const seqs = new Map<string, number>();
  const byForm = new Map<string, { scale: GradingScale; rules: ReturnType<typeof rulesOf> }>();
  const formScale = (form: string) => {
    let found = byForm.get(form);
    if (!found) {
      const scale = scaleFor(DEFAULT_SCALE, form);
      byForm.set(form, (found = { scale, rules: rulesOf(scale) }));
    }
    return found;
  };

  terms.forEach(({ year, term }, ti) => {
    opts.onProgress?.(ti, terms.length);
    const yearId = `${year}-${year + 1}`;
    // the day the term's exams are sat: the student's state then decides what they sit
    const examDay = term === 'autumn' ? `${year + 1}-01-10` : `${year + 1}-06-10`;
    const plans = new Map<string, SheetPlan>();
    for (const [studentId, rows] of histories) {
      const state = stateOn(rows, examDay);
      if (!state || state.status !== 'active') continue;
      const group = groups.get(state.group);
      if (!group) continue;
      const semester = (state.course - 1) * 2 + (term === 'autumn' ? 1 : 2);
      const cohort = year - state.course + 1;
      const offered = items.get(`${group.specialty.id}|${cohort}|${group.form}|${semester}`) ?? [];
      for (const item of offered) {
        const key = `${group.id}|${item.id}`;
        let plan = plans.get(key);
        if (!plan) plans.set(key, (plan = { group, itemId: item.id, controlForm: item.controlForm, seats: [] }));
        plan.seats.push({ studentId, rank: rank.get(studentId) ?? 0 });
      }
    }

    const nextNumber = () => {
      const seq = (seqs.get(yearId) ?? 0) + 1;
      seqs.set(yearId, seq);
      return { seq, number: `${yearId.slice(2, 4)}-${String(seq).padStart(5, '0')}` };
    };
    const month = term === 'autumn' ? `${year + 1}-01` : `${year + 1}-06`;
    const retakeMonth = term === 'autumn' ? `${year + 1}-02` : `${year + 1}-07`;
    for (const plan of plans.values()) {
      const sessionId = structure.sessions.get(`${yearId}|${plan.group.faculty.id}|${term}`);
      if (!sessionId) throw new Error(`demo data: no ${term} session of ${yearId} for ${plan.group.faculty.seed.code}`);
      const { scale, rules } = formScale(plan.controlForm);
      const closer = opts.closerOf(plan.group.faculty.id);
      plan.seats.sort((a, b) => a.rank - b.rank);

      /** Writes a closed sheet of these seats; answers each student's outcome (a pass, a retake or a repeat). */
      const writeSheet = (kind: 'main' | 'retake' | 'individual', attempt: number, parentId: string | null, examDate: string, seats: readonly Seat[], rowOf: (s: Seat) => Row) => {
        const id = ctx.ids.next();
        const { seq, number } = nextNumber();
        const closedAt = `${examDate}T12:00:00.000Z`;
        ctx.store.gradeSheet(id, yearId, seq, number, sessionId, plan.group.faculty.id, plan.group.id, plan.itemId, kind, attempt, parentId, examDate, opts.scaleId, 'closed', closedAt, closer, 3, `${examDate}T08:00:00.000Z`, closedAt);
        const outcomes = new Map<string, string>();
        seats.forEach((s, i) => {
          const row = rowOf(s);
          const json = JSON.stringify(row.parts);
          const r = rules(json, row);
          outcomes.set(s.studentId, r.outcome ?? 'retake');
          ctx.store.grade.add(ctx.ids.next(), id, s.studentId, i + 1, json, row.mark, r.total, r.band?.letter ?? null, closedAt, closer);
          result.grades++;
        });
        result.sheets++;
        if (kind === 'retake') result.retakeSheets++;
        if (kind === 'individual') result.individualSheets++;
        return { id, outcomes };
      };

      // main attempt: the student's level, the discipline's luck
      const mainDate = `${month}-${pad(rng.int(term === 'autumn' ? 9 : 5, term === 'autumn' ? 19 : 28))}`;
      let { id: parentId, outcomes: outcome } = writeSheet('main', 1, null, mainDate, plan.seats, (s) => firstAttempt(rng, scale, ability.get(s.studentId)!));
      // retakes while the scale allows them (FX, absent, not admitted; F is repeated, not retaken)
      for (let attempt = 2; attempt <= DEFAULT_SCALE.attemptLimit; attempt++) {
        const retakers = plan.seats.filter((s) => outcome.get(s.studentId) === 'retake');
        if (retakers.length === 0) break;
        const kind = retakers.length === 1 && rng.chance(0.5) ? 'individual' : 'retake';
        const date = `${retakeMonth}-${pad(attempt === 2 ? rng.int(3, 12) : rng.int(16, 26))}`;
        ({ id: parentId, outcomes: outcome } = writeSheet(kind, attempt, parentId, date, retakers, (s) => retakeAttempt(rng, scale, ability.get(s.studentId)!)));
      }
    }
  });
  ctx.store.grade.flush();
  opts.onProgress?.(terms.length, terms.length);
  return result;
}

/**
 * gradeRow for a scale, remembered by the row's points: a million rows repeat a few thousand
 * combinations, and the rules are a pure function of them.
 */
function rulesOf(scale: GradingScale): (json: string, row: Row) => GradeRowResult {
  const cache = new Map<string, GradeRowResult>();
  return (json, row) => {
    const key = row.mark ? `${row.mark}${json}` : json;
    let r = cache.get(key);
    if (!r) cache.set(key, (r = gradeRow(scale, row)));
    return r;
  };
}

function stateOn<T extends { date: string }>(rows: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const r of rows) {
    if (r.date > day) break;
    found = r;
  }
  return found;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function normal(rng: Rng, mean: number, sd: number): number {
  const u = Math.max(rng.next(), 1e-9);
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Points that add up to about `target`, each part in its range (a total is never typed, only parts). */
function split(rng: Rng, scale: GradingScale, target: number): Record<string, number> {
  const parts: Record<string, number> = {};
  let left = target;
  scale.parts.forEach((p, i) => {
    const last = i === scale.parts.length - 1;
    const share = last ? left : Math.round((target * p.max) / 100 + normal(rng, 0, 2));
    const v = clamp(share, 0, p.max);
    parts[p.key] = v;
    left -= v;
  });
  return parts;
}

/** The main attempt: about 1.5% absent; a weak semester leaves some below the admission bar. */
function firstAttempt(rng: Rng, scale: GradingScale, level: number): Row {
  const target = clamp(Math.round(normal(rng, level, 11)), 5, 100);
  const parts = split(rng, scale, target);
  const current = scale.parts.filter((p) => p.kind === 'current');
  const currentSum = current.reduce((a, p) => a + (parts[p.key] ?? 0), 0);
  if (current.length > 0 && currentSum < scale.admissionThreshold) {
    // not admitted: the final control is not sat, so it has no points
    for (const p of scale.parts) if (p.kind === 'final') delete parts[p.key];
    return { parts, mark: null };
  }
  if (rng.chance(0.015)) {
    for (const p of scale.parts) if (p.kind === 'final') delete parts[p.key];
    return { parts, mark: 'absent' };
  }
  return { parts, mark: null };
}

/** A retake is sat after working off the modules: most pass, some fail again or stay away. */
function retakeAttempt(rng: Rng, scale: GradingScale, level: number): Row {
  const r = rng.next();
  const target = r < 0.8 ? rng.int(50, Math.max(50, Math.min(79, level))) : r < 0.93 ? rng.int(38, 49) : -1;
  if (target < 0) {
    const parts = split(rng, scale, 55);
    for (const p of scale.parts) if (p.kind === 'final') delete parts[p.key];
    // module points that admit the student (they came back for the exam and did not sit it)
    const current = scale.parts.filter((p) => p.kind === 'current');
    if (current.length === 0) return { parts: {}, mark: 'absent' };
    return { parts: Object.fromEntries(current.map((p) => [p.key, Math.max(parts[p.key] ?? 0, Math.ceil(scale.admissionThreshold / current.length))])), mark: 'absent' };
  }
  const parts = split(rng, scale, target);
  const current = scale.parts.filter((p) => p.kind === 'current');
  // the retake keeps the student admitted: module points at least at the bar
  let deficit = scale.admissionThreshold - current.reduce((a, p) => a + (parts[p.key] ?? 0), 0);
  for (const p of current) {
    if (deficit <= 0) break;
    const add = Math.min(deficit, p.max - parts[p.key]!);
    parts[p.key]! += add;
    deficit -= add;
  }
  // keep the sum at the target where the final part has room
  const fin = scale.parts.find((p) => p.kind === 'final')!;
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  parts[fin.key] = clamp(parts[fin.key]! - (sum - target), 0, fin.max);
  return { parts, mark: null };
}
