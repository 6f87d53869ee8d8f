/**
 * Writes the university, its faculties, chairs and specialties, the 120 groups, the staff
 * positions and the academic calendar (DOMAIN.md §2, §3). Plain prepared statements: the
 * generator runs inside one synchronous transaction.
 */
import type { DemoStore } from './demo.repository';
import type { InstructionLanguage, StudyForm } from '../../../src-shared/domain/enums';
import { CURRENT_SESSION_FACULTIES, CURRENT_YEAR, GENERATED_AT } from './demo-calendar';
import {
  FACULTIES,
  FORM_SUFFIX,
  GROUP_PLAN,
  POSITIONS,
  SPECIALTIES,
  UNIVERSITY,
  type FacultySeed,
  type SpecialtySeed,
} from './demo-structure.data';
import { Rng, type IdFactory } from './demo.random';

export interface DemoContext {
  readonly seed: number;
  readonly store: DemoStore;
  readonly ids: IdFactory;
}

export interface FacultyRow {
  readonly id: string;
  readonly index: number;
  readonly seed: FacultySeed;
  readonly chairIds: readonly string[];
}

export interface SpecialtyRow {
  readonly id: string;
  readonly faculty: FacultyRow;
  readonly seed: SpecialtySeed;
}

export interface GroupRow {
  readonly id: string;
  readonly name: string;
  readonly faculty: FacultyRow;
  readonly specialty: SpecialtyRow;
  readonly form: StudyForm;
  readonly intakeYear: number;
  readonly course: number;
  readonly language: InstructionLanguage;
}

export interface Structure {
  readonly universityId: string;
  readonly faculties: readonly FacultyRow[];
  readonly specialties: readonly SpecialtyRow[];
  readonly groups: readonly GroupRow[];
  /** position key → id */
  readonly positionIds: ReadonlyMap<string, string>;
  /** the first academic year a current student or a 2026 graduate studied in */
  readonly firstYear: number;
  /** `${academicYearId}|${facultyId}|${term}` → exam session id */
  readonly sessions: ReadonlyMap<string, string>;
}

export function insertStructure(ctx: DemoContext): Structure {
  const { store, ids } = ctx;
  const rng = new Rng(ctx.seed, 'structure');
  const universityId = ids.next();
  store.university(universityId, UNIVERSITY.ky, UNIVERSITY.ru, UNIVERSITY.en, UNIVERSITY.okpo, GENERATED_AT);
  const faculties = FACULTIES.map((f, index): FacultyRow => {
    const id = ids.next();
    store.faculty(id, universityId, f.code, f.ky, f.ru, f.en, GENERATED_AT);
    const chairIds = f.chairs.map((c) => {
      const chairId = ids.next();
      store.chair(chairId, id, c.ky, c.ru, c.en, GENERATED_AT);
      return chairId;
    });
    return { id, index, seed: f, chairIds };
  });
  const facultyByCode = new Map(faculties.map((f) => [f.seed.code, f]));
  const specialties = SPECIALTIES.map((s): SpecialtyRow => {
    const faculty = facultyByCode.get(s.faculty);
    if (!faculty) throw new Error(`demo data: specialty ${s.key} names an unknown faculty ${s.faculty}`);
    const id = ids.next();
    store.specialty(id, faculty.id, s.code, s.ky, s.ru, s.en, s.level, s.durationYears, GENERATED_AT);
    return { id, faculty, seed: s };
  });
  const specialtyByKey = new Map(specialties.map((s) => [s.seed.key, s]));
  const parallel = new Map<string, number>();
  const groups: GroupRow[] = [];
  for (const line of GROUP_PLAN) {
    const specialty = specialtyByKey.get(line.specialty);
    if (!specialty) throw new Error(`demo data: group plan names an unknown specialty ${line.specialty}`);
    const courses = line.courses ?? specialty.seed.durationYears;
    for (let course = 1; course <= courses; course++) {
      // the current academic year 2026-2027: a course-c group was admitted in 2026 - c + 1
      const intakeYear = CURRENT_YEAR - course + 1;
      const base = (line.prefix ?? specialty.seed.prefix) + FORM_SUFFIX[line.form];
      const key = `${base}|${intakeYear}`;
      const n = (parallel.get(key) ?? 0) + 1;
      parallel.set(key, n);
      const language: InstructionLanguage =
        typeof line.language === 'string' ? line.language : rng.chance(line.language.kyShare) ? 'ky' : 'ru';
      const group: GroupRow = {
        id: ids.next(),
        name: `${base}-${n}-${String(intakeYear % 100).padStart(2, '0')}`,
        faculty: specialty.faculty,
        specialty,
        form: line.form,
        intakeYear,
        course,
        language,
      };
      store.group(
        group.id,
        group.faculty.id,
        specialty.id,
        group.name,
        group.form,
        intakeYear,
        course,
        language,
        GENERATED_AT,
      );
      groups.push(group);
    }
  }
  const positionIds = new Map<string, string>();
  for (const p of POSITIONS) {
    const id = ids.next();
    store.position(id, p.category, p.ky, p.ru, p.en);
    positionIds.set(p.key, id);
  }

  // last year's graduates of the longest programme started this many years back
  const firstYear = CURRENT_YEAR - Math.max(...specialties.map((s) => s.seed.durationYears));
  const sessions = insertCalendar(ctx, faculties, firstYear);
  return { universityId, faculties, specialties, groups, positionIds, firstYear, sessions };
}

/**
 * Academic years from `firstYear` to 2026-2027 (01.09–31.08) and, per faculty, the winter and
 * summer exam sessions with their grade-entry windows (DOMAIN.md §3, lifecycle step 2): the
 * past ones hold the demo's grade history (demo-grades.ts).
 */
function insertCalendar(ctx: DemoContext, faculties: readonly FacultyRow[], firstYear: number): Map<string, string> {
  const sessions = new Map<string, string>();
  for (let y = firstYear; y <= CURRENT_YEAR; y++) {
    const yearId = `${y}-${y + 1}`;
    ctx.store.academicYear(yearId, `${y}-09-01`, `${y + 1}-08-31`);
    for (const f of faculties) {
      const autumn = ctx.ids.next();
      const spring = ctx.ids.next();
      // faculties already filling this autumn's sheets opened entry in September, for the module points
      const entryOpens = y === CURRENT_YEAR && CURRENT_SESSION_FACULTIES.includes(f.seed.code) ? `${y}-09-15` : `${y}-11-01`;
      ctx.store.session(autumn, yearId, f.id, 'autumn', `${y}-12-20`, `${y + 1}-01-20`, entryOpens, `${y + 1}-01-31`, GENERATED_AT);
      ctx.store.session(spring, yearId, f.id, 'spring', `${y + 1}-05-20`, `${y + 1}-06-30`, `${y + 1}-05-15`, `${y + 1}-07-10`, GENERATED_AT);
      sessions.set(`${yearId}|${f.id}|autumn`, autumn);
      sessions.set(`${yearId}|${f.id}|spring`, spring);
    }
  }
  return sessions;
}
