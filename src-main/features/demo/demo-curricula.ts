/**
 * Disciplines and curricula (DOMAIN.md §2): one curriculum per specialty × intake year × form
 * that a group (or last year's graduates) studies by; 2 × duration semesters of 6–8
 * disciplines, 30 credits a semester, 1 credit = 30 hours, and final attestation last.
 */
import type { ControlForm, StudyForm } from '../../../src-shared/domain/enums';
import { GENERATED_AT } from './demo-calendar';
import { CLOSING_DISCIPLINES, COMMON_DISCIPLINES, FACULTY_DISCIPLINES, type DisciplineSeed } from './demo-disciplines.data';
import type { DemoContext, SpecialtyRow, Structure } from './demo-structure';
import { apportion, Rng } from './demo.random';

const SEMESTER_CREDITS = 30;
const HOURS_PER_CREDIT = 30;
const MIN_CREDITS = 2;
const MAX_CREDITS = 8;

interface PlannedItem {
  readonly key: string;
  credits: number;
  readonly controlForm: ControlForm;
}

export interface CurriculaResult {
  readonly disciplines: number;
  readonly curricula: number;
  readonly items: number;
}

export function insertCurricula(ctx: DemoContext, structure: Structure): CurriculaResult {
  const rng = new Rng(ctx.seed, 'curricula');
  const disciplineIds = insertDisciplines(ctx, structure);

  // every (specialty, intake, form) a group studies by, plus the cohort that graduated in 2026
  const combos = new Map<string, { specialty: SpecialtyRow; intakeYear: number; form: StudyForm }>();
  const add = (specialty: SpecialtyRow, intakeYear: number, form: StudyForm) =>
    combos.set(`${specialty.seed.key}|${intakeYear}|${form}`, { specialty, intakeYear, form });
  for (const g of structure.groups) {
    add(g.specialty, g.intakeYear, g.form);
    if (g.course === g.specialty.seed.durationYears) add(g.specialty, g.intakeYear - 1, g.form);
  }
  let items = 0;
  const sorted = [...combos.values()].sort(
    (a, b) =>
      a.specialty.faculty.index - b.specialty.faculty.index ||
      a.specialty.seed.key.localeCompare(b.specialty.seed.key) ||
      a.intakeYear - b.intakeYear ||
      a.form.localeCompare(b.form),
  );
  for (const c of sorted) {
    const curriculumId = ctx.ids.next();
    ctx.store.curriculum(curriculumId, c.specialty.id, c.intakeYear, c.form, GENERATED_AT);
    const plan = planCurriculum(rng, c.specialty);
    plan.forEach((semesterItems, i) => {
      for (const item of semesterItems) {
        const disciplineId = disciplineIds.get(item.key);
        if (!disciplineId) throw new Error(`demo data: unknown discipline ${item.key}`);
        ctx.store.curriculumItem(
          ctx.ids.next(),
          curriculumId,
          disciplineId,
          i + 1,
          item.credits,
          item.credits * HOURS_PER_CREDIT,
          item.controlForm,
          GENERATED_AT,
        );
        items++;
      }
    });
  }
  return { disciplines: disciplineIds.size, curricula: sorted.length, items };
}

function insertDisciplines(ctx: DemoContext, structure: Structure): Map<string, string> {
  const facultyByCode = new Map(structure.faculties.map((f) => [f.seed.code, f]));
  const ids = new Map<string, string>();
  for (const d of [...COMMON_DISCIPLINES, ...CLOSING_DISCIPLINES, ...FACULTY_DISCIPLINES]) {
    let chairId: string | null = null;
    if (d.chair) {
      chairId = facultyByCode.get(d.chair[0])?.chairIds[d.chair[1]] ?? null;
      if (!chairId) throw new Error(`demo data: discipline ${d.key} names an unknown chair`);
    }
    const id = ctx.ids.next();
    ctx.store.discipline(id, chairId, d.ky, d.ru, d.en, GENERATED_AT);
    ids.set(d.key, id);
  }
  return ids;
}

/**
 * The specialty's own disciplines in teaching order: foundations first, advanced subjects
 * last (`stage`), and within a stage the chairs take turns, so a semester draws on several
 * chairs. A master's programme starts from the advanced end.
 */
function corePool(specialty: SpecialtyRow): string[] {
  const code = specialty.faculty.seed.code;
  const fits = (d: DisciplineSeed) =>
    d.chair?.[0] === code && (!d.only || d.only.includes(specialty.seed.key));
  const rankInChair = new Map<number, number>();
  const ordered = FACULTY_DISCIPLINES.filter(fits)
    .map((d) => {
      const chair = d.chair![1];
      const rank = rankInChair.get(chair) ?? 0;
      rankInChair.set(chair, rank + 1);
      return { key: d.key, stage: d.stage ?? 2, rank, chair };
    })
    .sort((a, b) => a.stage - b.stage || a.rank - b.rank || a.chair - b.chair)
    .map((d) => d.key);
  return specialty.seed.level === 'master' ? ordered.reverse() : ordered;
}

/** The fixed part of each semester: common subjects, practices, final attestation. */
function fixedItems(rng: Rng, specialty: SpecialtyRow, semesters: number): Map<number, PlannedItem[]> {
  const fixed = new Map<number, PlannedItem[]>();
  const put = (semester: number, key: string, credits: number, controlForm: ControlForm) => {
    const list = fixed.get(semester) ?? [];
    list.push({ key, credits, controlForm });
    fixed.set(semester, list);
  };
  const langForm = (): ControlForm => rng.weighted<ControlForm>([['exam', 2], ['graded_credit', 2], ['credit', 1]]);
  if (specialty.seed.level === 'master') {
    put(1, 'research_method', 4, 'exam');
    put(1, 'english', 4, 'graded_credit');
    put(2, 'pedagogy_hs', 3, 'credit');
    put(3, 'practice_research', 9, 'practice');
    put(semesters, 'state_exam', 6, 'state_exam');
    put(semesters, 'master_thesis', 12, 'state_exam');
    return fixed;
  }
  put(1, 'kyrgyz', 4, langForm());
  put(2, 'kyrgyz', 3, 'exam');
  put(1, 'russian', 3, langForm());
  put(2, 'russian', 3, langForm());
  put(1, 'english', 3, langForm());
  put(2, 'english', 3, langForm());
  put(3, 'english', 3, 'exam');
  put(1, 'history', 4, 'exam');
  put(2, 'manas', 3, rng.chance(0.5) ? 'exam' : 'credit');
  put(2, 'geography', 2, 'credit');
  put(3, 'philosophy', 4, 'exam');
  if (specialty.faculty.seed.code !== 'IT') put(rng.int(1, 2), 'informatics', 3, rng.chance(0.5) ? 'graded_credit' : 'credit');
  put(4, 'practice_study', 3, 'practice');
  put(6, 'practice_work', 6, 'practice');
  if (semesters >= 10) put(8, 'practice_work', 6, 'practice');
  put(semesters, 'practice_final', 6, 'practice');
  put(semesters, 'state_exam', 6, 'state_exam');
  put(semesters, 'thesis', 9, 'state_exam');
  return fixed;
}

function planCurriculum(rng: Rng, specialty: SpecialtyRow): PlannedItem[][] {
  const semesters = specialty.seed.durationYears * 2;
  const fixed = fixedItems(rng, specialty, semesters);
  const pool = corePool(specialty);

  // how many of the specialty's own disciplines each semester holds, to fill 30 credits
  const shape = Array.from({ length: semesters }, (_, i) => {
    const items = [...(fixed.get(i + 1) ?? [])];
    const remaining = SEMESTER_CREDITS - items.reduce((a, x) => a + x.credits, 0);
    let count = Math.max(0, rng.int(6, 8) - items.length);
    count = Math.min(Math.max(count, Math.ceil(remaining / MAX_CREDITS)), Math.floor(remaining / MIN_CREDITS), pool.length);
    return { items, remaining, count };
  });

  // each discipline runs over consecutive semesters (parts I, II …), in teaching order
  const total = shape.reduce((a, x) => a + x.count, 0);
  const repeats = apportion(total, pool.map(() => 1));
  const queue = pool.flatMap((key, i) => Array.from({ length: repeats[i]! }, () => key));
  const uses = new Map(pool.map((k) => [k, 0]));

  return shape.map(({ items, remaining, count }, i) => {
    const semester = i + 1;
    const chosen: string[] = [];
    for (let q = 0; q < queue.length && chosen.length < count; ) {
      if (chosen.includes(queue[q]!)) q++;
      else chosen.push(queue.splice(q, 1)[0]!);
    }
    // the tail of the queue may repeat one discipline; top up with the least used others
    for (const key of [...pool].sort((a, b) => uses.get(a)! - uses.get(b)!)) {
      if (chosen.length >= count) break;
      if (!chosen.includes(key)) chosen.push(key);
    }
    const credits = splitCredits(rng, remaining, chosen.length);
    let courseWork = semester >= 3 && rng.chance(0.4);
    chosen.forEach((key, k) => {
      uses.set(key, uses.get(key)! + 1);
      let controlForm: ControlForm;
      if (courseWork) {
        controlForm = 'course_work';
        courseWork = false;
      } else {
        controlForm = rng.weighted<ControlForm>([['exam', 65], ['credit', 15], ['graded_credit', 20]]);
      }
      items.push({ key, credits: credits[k]!, controlForm });
    });
    return items;
  });
}

/** `total` credits over `n` disciplines, each within [MIN_CREDITS, MAX_CREDITS], a little uneven. */
function splitCredits(rng: Rng, total: number, n: number): number[] {
  if (n === 0) return [];
  const parts = Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  for (let k = 0; k < n; k++) {
    const from = rng.int(0, n - 1);
    const to = rng.int(0, n - 1);
    if (from !== to && parts[from]! - 1 >= MIN_CREDITS && parts[to]! + 1 <= MAX_CREDITS) {
      parts[from]!--;
      parts[to]!++;
    }
  }
  return parts;
}
