/**
 * Students and their status history (DOMAIN.md §2, §4, §8), written with raw prepared
 * statements: 40,000 students and their ~100,000 history rows in a few seconds.
 *
 * The history covers every order from enrolment on: an 'enrolment' on 01.09 of the intake
 * year, a 'promotion' every following 01.09, and the events of 2025-2026 and 2026-2027
 * (academic leave and return, expulsion, graduation). The last row always equals the
 * student's current state: status, group, course (the group's), form and funding.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import type { NameParts, Sex } from '../../../src-shared/domain/person';
import { studentSearchText } from '../students/student-search-text';
import { addDays, CURRENT_YEAR, dayOfYear, fromDays, GENERATED_AT, stampOf, toDays } from './demo-calendar';
import { birthDateForAge, makeName, type Origin, type PinIssuer } from './demo-people';
import type { DemoContext, GroupRow, Structure } from './demo-structure';
import { apportion, Rng } from './demo.random';

export type HistoryKind = 'enrolment' | 'promotion' | 'academic_leave' | 'return_from_leave' | 'expulsion' | 'graduation';

/** what happened to a student; the current state follows from it */
type Fate =
  | 'normal'
  /** graduated in June 2026, kept in the final-course group of their specialty */
  | 'graduated'
  /** expelled in September 2026 */
  | 'expelled'
  /** went on academic leave in September 2026 */
  | 'on_leave'
  /** a few months' leave in 2025-2026, back in the same group, then promoted */
  | 'short_leave'
  /** a year's leave in 2025-2026, back on 01.09.2026 into the next cohort's group */
  | 'repeater';

interface Order {
  readonly no: string;
  readonly date: string;
}

interface HistoryRow {
  readonly kind: HistoryKind;
  readonly effective: string;
  readonly status: StudentStatus;
  readonly group: GroupRow;
  readonly course: number;
  readonly order: Order;
}

export interface StudentsResult {
  readonly students: number;
  readonly historyRows: number;
}

export interface StudentsOptions {
  readonly total: number;
  readonly pins: PinIssuer;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Relative group sizes: full-time groups are the biggest, senior courses thin out. */
function groupWeight(g: GroupRow): number {
  const form: Record<StudyForm, number> = { full_time: 1, evening: 0.6, correspondence: 0.8, distance: 0.5 };
  const base = g.language === 'en' ? 0.7 : form[g.form];
  return base * (1 - 0.03 * (g.course - 1)) * (g.specialty.seed.level === 'master' ? 0.5 : 1);
}

/** Order numbers follow the day of the year ("12-к" early in January, "540-к" in late September). */
function orderNumber(date: string, offset: number): string {
  return `${Math.floor(dayOfYear(date) * 1.8) + offset}-к`;
}

/** The faculty-wide orders: enrolment (late August), promotion (end of August), graduation (late June). */
function facultyOrder(kind: 'enrolment' | 'promotion' | 'graduation', year: number, g: GroupRow): Order {
  const fi = g.faculty.index;
  const date =
    kind === 'enrolment'
      ? `${year}-08-${String(22 + fi).padStart(2, '0')}`
      : kind === 'promotion'
        ? `${year}-08-${String(26 + fi).padStart(2, '0')}`
        : `${year}-06-${String(24 + fi).padStart(2, '0')}`;
  return { no: orderNumber(date, fi), date };
}

function personalOrder(rng: Rng, effective: string, maxDaysBefore: number): Order {
  const date = addDays(effective, -rng.int(0, maxDaysBefore));
  return { no: orderNumber(date, rng.int(0, 9)), date };
}

function randomDate(rng: Rng, from: string, to: string): string {
  return fromDays(rng.int(toDays(from), toDays(to)));
}

export function insertStudents(ctx: DemoContext, structure: Structure, opts: StudentsOptions): StudentsResult {
  const rng = new Rng(ctx.seed, 'students');
  const insStudent = ctx.sqlite.prepare(
    `INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no,
       group_id, funding, base_education, admission_year, status, flag_disability, flag_orphan, flag_targeted,
       flag_dormitory, flag_quota_foreigner, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insHistory = ctx.sqlite.prepare(
    `INSERT INTO student_status_history (id, student_id, effective_date, kind, status, group_id, course, form, funding,
       last_name, first_name, patronymic, order_no, order_date, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // the group a repeater started in: same specialty and form, one course ahead
  const byCourse = new Map<string, GroupRow[]>();
  for (const g of structure.groups) {
    const key = `${g.specialty.id}|${g.form}|${g.course}`;
    byCourse.set(key, [...(byCourse.get(key) ?? []), g]);
  }
  const olderGroup = (g: GroupRow): GroupRow | null => {
    const list = byCourse.get(`${g.specialty.id}|${g.form}|${g.course + 1}`);
    if (!list) return null;
    return list.find((o) => o.language === g.language) ?? list[0]!;
  };

  const recordBookCounters = new Map<number, number>();
  const recordBookNo = (admissionYear: number): string => {
    const n = (recordBookCounters.get(admissionYear) ?? rng.int(100, 900)) + 1;
    recordBookCounters.set(admissionYear, n);
    return `${String(admissionYear % 100).padStart(2, '0')}-${String(n).padStart(5, '0')}`;
  };

  const counts = apportion(opts.total, structure.groups.map(groupWeight));
  let done = 0;
  let historyRows = 0;
  structure.groups.forEach((g, gi) => {
    const duration = g.specialty.seed.durationYears;
    const older = olderGroup(g);
    for (let k = 0; k < counts[gi]!; k++) {
      // ---- fate and admission year
      let fate: Fate = 'normal';
      if (g.course === duration && rng.chance(0.08)) fate = 'graduated';
      else {
        const r = rng.next();
        if (r < 0.025) fate = 'expelled';
        else if (r < 0.055) fate = 'on_leave';
        else if (r < 0.085 && g.course >= 2) fate = 'short_leave';
        else if (r < 0.1 && older) fate = 'repeater';
      }
      const admissionYear = fate === 'graduated' || fate === 'repeater' ? g.intakeYear - 1 : g.intakeYear;

      // ---- who: origin, citizenship, name (DOMAIN.md §8)
      let origin: Origin;
      let citizenship: string;
      const foreign = rng.chance(g.language === 'en' ? 0.9 : g.faculty.seed.code === 'MED' ? 0.05 : 0.012);
      if (foreign) {
        origin =
          g.language === 'en'
            ? rng.weighted<Origin>([['in', 50], ['pk', 35], ['uz', 8], ['kz', 7]])
            : rng.weighted<Origin>([['uz', 55], ['kz', 45]]);
        citizenship = origin.toUpperCase();
      } else {
        origin = rng.weighted<Origin>(
          g.language === 'ru' ? [['kg', 80], ['ru', 15], ['uz', 5]] : [['kg', 95], ['ru', 2], ['uz', 3]],
        );
        citizenship = 'KG';
      }
      const femaleShare = origin === 'in' || origin === 'pk' ? 0.4 : g.faculty.seed.femaleShare;
      const sex: Sex = rng.chance(femaleShare) ? 'F' : 'M';
      const name = makeName(rng, origin, sex);

      // ---- age: school leavers at 17–18; evening, correspondence and college graduates older
      const master = g.specialty.seed.level === 'master';
      const college = !master && rng.chance(g.form === 'full_time' ? 0.1 : g.form === 'evening' ? 0.3 : 0.45);
      let ageAtAdmission: number;
      if (master) ageAtAdmission = 21 + Math.floor(rng.next() ** 2 * 9);
      else if (g.form === 'full_time') ageAtAdmission = rng.weighted([[17, 55], [18, 35], [19, 7], [20, 3]]);
      else if (g.form === 'evening') ageAtAdmission = rng.int(18, 27);
      else ageAtAdmission = 19 + Math.floor(rng.next() ** 2 * 20);
      if (college) ageAtAdmission += 2;
      const birthDate = birthDateForAge(rng, ageAtAdmission, `${admissionYear}-09-01`);

      // ---- ПИН: every citizen has one, ~1 in 100 with a typo in the date; few foreigners do
      let pin: string | null = null;
      if (citizenship === 'KG') pin = opts.pins.issue(rng, sex, birthDate, rng.chance(0.01));
      else if ((origin === 'uz' || origin === 'kz') && rng.chance(0.1)) pin = opts.pins.issue(rng, sex, birthDate);

      // ---- funding and flags
      const quota = foreign && (origin === 'uz' || origin === 'kz') && rng.chance(0.2);
      let funding: Funding;
      if (foreign) funding = quota ? 'budget' : 'contract';
      else {
        const budgetShare =
          g.form === 'evening' ? 0.1 : g.form === 'correspondence' ? 0.08 : master ? 0.25 : g.faculty.seed.code === 'MED' ? 0.3 : 0.44;
        funding = rng.chance(budgetShare) ? 'budget' : 'contract';
      }
      const flagDisability = rng.chance(0.015) ? 1 : 0;
      const flagOrphan = rng.chance(0.012) ? 1 : 0;
      const flagTargeted = funding === 'budget' && !foreign && rng.chance(0.06) ? 1 : 0;
      const dormitoryShare = g.form !== 'full_time' ? (g.form === 'evening' ? 0.02 : 0) : foreign ? 0.55 : 0.15;
      const flagDormitory = rng.chance(dormitoryShare) ? 1 : 0;

      // ---- history
      const history = buildHistory(rng, g, fate, admissionYear, older);
      const last = history[history.length - 1]!;

      const studentId = ctx.ids.next();
      const recordBook = recordBookNo(admissionYear);
      const row = { last_name: name.lastName, first_name: name.firstName, patronymic: name.patronymic, pin, record_book_no: recordBook };
      insStudent.run(
        studentId,
        name.lastName,
        name.firstName,
        name.patronymic,
        sex,
        birthDate,
        pin,
        citizenship,
        recordBook,
        last.group.id,
        funding,
        college ? 'college' : 'school',
        admissionYear,
        last.status,
        flagDisability,
        flagOrphan,
        flagTargeted,
        flagDormitory,
        quota ? 1 : 0,
        studentSearchText(row),
        stampOf(history[0]!.order.date),
        GENERATED_AT,
      );
      writeHistory(ctx, insHistory, studentId, history, funding, name);
      historyRows += history.length;
      done++;
      if (opts.onProgress && done % 1000 === 0) opts.onProgress(done, opts.total);
    }
  });
  opts.onProgress?.(done, opts.total);
  return { students: done, historyRows };
}

/** Enrolment, a promotion every 01.09 after it up to `lastYear`, all in `group`. */
function pathThrough(g: GroupRow, admissionYear: number, lastYear: number): HistoryRow[] {
  const rows: HistoryRow[] = [
    {
      kind: 'enrolment',
      effective: `${admissionYear}-09-01`,
      status: 'active',
      group: g,
      course: 1,
      order: facultyOrder('enrolment', admissionYear, g),
    },
  ];
  for (let y = admissionYear + 1; y <= lastYear; y++) {
    rows.push({
      kind: 'promotion',
      effective: `${y}-09-01`,
      status: 'active',
      group: g,
      course: y - admissionYear + 1,
      order: facultyOrder('promotion', y, g),
    });
  }
  return rows;
}

function buildHistory(rng: Rng, g: GroupRow, fate: Fate, admissionYear: number, older: GroupRow | null): HistoryRow[] {
  const prev = CURRENT_YEAR - 1;
  switch (fate) {
    case 'normal':
      return pathThrough(g, admissionYear, CURRENT_YEAR);
    case 'graduated': {
      const rows = pathThrough(g, admissionYear, prev);
      const effective = `${CURRENT_YEAR}-06-30`;
      rows.push({ kind: 'graduation', effective, status: 'graduated', group: g, course: g.course, order: facultyOrder('graduation', CURRENT_YEAR, g) });
      return rows;
    }
    case 'expelled':
    case 'on_leave': {
      const rows = pathThrough(g, admissionYear, CURRENT_YEAR);
      const effective = randomDate(rng, `${CURRENT_YEAR}-09-03`, `${CURRENT_YEAR}-09-29`);
      rows.push({
        kind: fate === 'expelled' ? 'expulsion' : 'academic_leave',
        effective,
        status: fate === 'expelled' ? 'expelled' : 'on_leave',
        group: g,
        course: g.course,
        order: personalOrder(rng, effective, fate === 'expelled' ? 2 : 4),
      });
      return rows;
    }
    case 'short_leave': {
      // in 2025-2026 the group was one course lower; the 01.09.2026 promotion follows the return
      const rows = pathThrough(g, admissionYear, prev);
      const leave = randomDate(rng, `${prev}-10-01`, `${CURRENT_YEAR}-02-28`);
      const back = fromDays(Math.min(toDays(leave) + rng.int(60, 150), toDays(`${CURRENT_YEAR}-06-20`)));
      rows.push({ kind: 'academic_leave', effective: leave, status: 'on_leave', group: g, course: g.course - 1, order: personalOrder(rng, leave, 4) });
      rows.push({ kind: 'return_from_leave', effective: back, status: 'active', group: g, course: g.course - 1, order: personalOrder(rng, back, 3) });
      rows.push({ kind: 'promotion', effective: `${CURRENT_YEAR}-09-01`, status: 'active', group: g, course: g.course, order: facultyOrder('promotion', CURRENT_YEAR, g) });
      return rows;
    }
    case 'repeater': {
      // started with the cohort ahead (`older`), left during 2025-2026 at the course `g` is in now
      const start = older!;
      const rows = pathThrough(start, admissionYear, prev);
      const leave = randomDate(rng, `${prev}-10-01`, `${CURRENT_YEAR}-03-31`);
      rows.push({ kind: 'academic_leave', effective: leave, status: 'on_leave', group: start, course: g.course, order: personalOrder(rng, leave, 4) });
      const back = `${CURRENT_YEAR}-09-01`;
      rows.push({ kind: 'return_from_leave', effective: back, status: 'active', group: g, course: g.course, order: personalOrder(rng, back, 6) });
      return rows;
    }
  }
}

function writeHistory(
  ctx: DemoContext,
  ins: BetterSqlite3.Statement,
  studentId: string,
  rows: readonly HistoryRow[],
  funding: Funding,
  name: NameParts,
): void {
  for (const h of rows) {
    ins.run(
      ctx.ids.next(),
      studentId,
      h.effective,
      h.kind,
      h.status,
      h.group.id,
      h.course,
      h.group.form,
      funding,
      name.lastName,
      name.firstName,
      name.patronymic,
      h.order.no,
      h.order.date,
      stampOf(h.order.date),
    );
  }
}
