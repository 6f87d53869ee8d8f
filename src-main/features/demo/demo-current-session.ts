/**
 * The current session partly filled (issue 13): by 1 October the dean's offices of the medical
 * and IT faculties have generated their autumn grade sheets (one per group × discipline, from
 * the September registrations, students in Kyrgyz alphabetical order, as the grade sheet
 * service makes them), and on some of them the first module's points are already typed. Every
 * such sheet is open: nothing of the current session is final, so no transcript shows it.
 *
 * The faculties whose clerks the walkthrough and the end-to-end tests use (economics, law) are
 * left for the clerk to generate: that is the first thing a dean's office does in the app.
 */
import { DEFAULT_SCALE, gradeRow, scaleFor } from '../../../src-shared/domain/grading';
import { compareNames } from '../../../src-shared/domain/person';
import { CURRENT_ACADEMIC_YEAR, CURRENT_SESSION_FACULTIES } from './demo-calendar';
import type { DemoContext, Structure } from './demo-structure';
import { Rng } from './demo.random';

const GENERATED = '2026-09-15T08:00:00.000Z';
const TYPED = '2026-09-29T11:00:00.000Z';
/** Sheets on which the first module has been typed, and students with points on such a sheet. */
const TYPED_SHEETS = 0.4;
const TYPED_ROWS = 0.9;

export interface CurrentSessionResult {
  sheets: number;
  /** sheets with module points typed */
  typed: number;
  grades: number;
}

export function insertCurrentSession(
  ctx: DemoContext,
  structure: Structure,
  opts: {
    /** this autumn's registrations (demo-registrations.ts): student, discipline, group */
    offerings: readonly { student_id: string; item_id: string; group_id: string }[];
    scaleId: string;
    enteredBy: (facultyId: string) => string;
    firstSeq: number;
  },
): CurrentSessionResult {
  const rng = new Rng(ctx.seed, 'current-session');
  const groups = new Map(structure.groups.filter((g) => CURRENT_SESSION_FACULTIES.includes(g.faculty.seed.code)).map((g) => [g.id, g]));
  const names = new Map(ctx.store.studentNames().map((s) => [s.id, { lastName: s.last_name, firstName: s.first_name, patronymic: s.patronymic }]));
  const forms = new Map(ctx.store.curriculumItemsAll().map((r) => [r.id, r.control_form]));
  // this autumn's registrations by group and discipline
  const offerings = new Map<string, { groupId: string; itemId: string; students: string[] }>();
  for (const r of opts.offerings) {
    if (!groups.has(r.group_id)) continue;
    const key = `${r.group_id}|${r.item_id}`;
    let o = offerings.get(key);
    if (!o) offerings.set(key, (o = { groupId: r.group_id, itemId: r.item_id, students: [] }));
    o.students.push(r.student_id);
  }
  const result: CurrentSessionResult = { sheets: 0, typed: 0, grades: 0 };
  let seq = opts.firstSeq;
  for (const o of offerings.values()) {
    const group = groups.get(o.groupId)!;
    const sessionId = structure.sessions.get(`${CURRENT_ACADEMIC_YEAR}|${group.faculty.id}|autumn`);
    if (!sessionId) throw new Error(`demo data: no autumn session of ${CURRENT_ACADEMIC_YEAR} for ${group.faculty.seed.code}`);
    const scale = scaleFor(DEFAULT_SCALE, forms.get(o.itemId) ?? 'exam');
    const first = scale.parts.find((p) => p.kind === 'current');
    const typed = first !== undefined && rng.chance(TYPED_SHEETS);
    const id = ctx.ids.next();
    seq++;
    const number = `${CURRENT_ACADEMIC_YEAR.slice(2, 4)}-${String(seq).padStart(5, '0')}`;
    ctx.store.gradeSheet(id, CURRENT_ACADEMIC_YEAR, seq, number, sessionId, group.faculty.id, group.id, o.itemId, 'main', 1, null, null, opts.scaleId, 'open', null, null, typed ? 2 : 1, GENERATED, typed ? TYPED : GENERATED);
    const by = opts.enteredBy(group.faculty.id);
    const students = o.students.sort((a, b) => compareNames(names.get(a)!, names.get(b)!));
    students.forEach((studentId, i) => {
      if (typed && first && rng.chance(TYPED_ROWS)) {
        const parts = { [first.key]: rng.int(Math.round(first.max * 0.4), first.max) };
        const r = gradeRow(scale, { parts, mark: null });
        ctx.store.grade.add(ctx.ids.next(), id, studentId, i + 1, JSON.stringify(parts), null, r.total, r.band?.letter ?? null, TYPED, by);
      } else {
        ctx.store.grade.add(ctx.ids.next(), id, studentId, i + 1, '{}', null, null, null, GENERATED, null);
      }
      result.grades++;
    });
    result.sheets++;
    if (typed) result.typed++;
  }
  ctx.store.grade.flush();
  return result;
}
