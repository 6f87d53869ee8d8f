/**
 * Students, the orders that made their history, and that history (DOMAIN.md §2, §4, §8),
 * written with raw prepared statements: 40,000 students, their ~100,000 order items and
 * history rows in a few seconds.
 *
 * Every history row comes from a signed order (demo-orders.ts), as if students' HR had
 * signed them in the app: an enrolment on 01.09 of the intake year, a promotion every
 * following 01.09, and the events of 2025-2026 and 2026-2027 (academic leave and return,
 * expulsion, graduation, transfers to the budget or to another group). The last row always
 * equals the student's current state: status, group, course, form (the group's) and funding.
 * About 1% of the students are applicants of 2026 with no history yet; two draft orders
 * (an enrolment of some of them, an expulsion by a dean's office clerk) wait to be signed.
 */
import type { Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import type { ExpulsionReason } from '../../../src-shared/domain/orders';
import { kyCollator, type NameParts, type Sex } from '../../../src-shared/domain/person';
import { studentSearchText } from '../../../src-shared/domain/search-text';
import { addDays, CURRENT_YEAR, fromDays, stampOf, toDays } from './demo-calendar';
import {
  insertDraftOrder,
  insertSignedOrders,
  lateAdmissionBasis,
  nonPaymentBasis,
  OrderBook,
  signedAtOf,
  type DraftStudent,
  type ItemPlan,
  type OrderStudent,
  type PlannedOrder,
  type StudentEvent,
} from './demo-orders';
import { birthDateForAge, makeName, type Origin, type PinIssuer } from './demo-people';
import type { DemoContext, FacultyRow, GroupRow, Structure } from './demo-structure';
import { apportion, Rng } from './demo.random';

/** what happened to a student; the current state follows from it */
type Fate =
  | 'normal'
  /** applied for 2026 and not enrolled yet: no history */
  | 'applicant'
  /** graduated in June 2026, kept in the final-course group of their specialty */
  | 'graduated'
  /** expelled in September 2026 */
  | 'expelled'
  /** went on academic leave in September 2026 */
  | 'on_leave'
  /** a few months' leave in 2025-2026, back in the same group, then promoted */
  | 'short_leave'
  /** a year's leave in 2025-2026, back on 01.09.2026 into the next cohort's group */
  | 'repeater'
  /** a contract student moved to a vacant budget place on 01.02.2026 */
  | 'to_budget'
  /** moved from a parallel group of the specialty (another language or form) */
  | 'group_change';

/** the share of all students who are 2026 applicants not enrolled yet */
const APPLICANT_SHARE = 0.01;
/** a draft's effective date: the first Monday after the snapshot */
const DRAFT_EFFECTIVE = `${CURRENT_YEAR}-10-05`;
const DRAFT_ENROLMENT_SIZE = 6;

interface PlannedStudent extends OrderStudent {
  readonly id: string;
  readonly index: number;
  readonly name: NameParts;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly pin: string | null;
  readonly citizenship: string;
  readonly recordBook: string;
  readonly baseEducation: 'school' | 'college';
  readonly admissionYear: number;
  /** current state: the last event's, or the application's */
  readonly group: GroupRow;
  readonly status: StudentStatus;
  readonly course: number;
  readonly funding: Funding;
  readonly flags: readonly [disability: number, orphan: number, targeted: number, dormitory: number, quota: number];
  readonly createdAt: string;
  readonly events: StudentEvent[];
}

export interface StudentsResult {
  readonly students: number;
  readonly applicants: number;
  readonly historyRows: number;
  readonly orders: number;
  readonly ordersByType: Readonly<Record<string, number>>;
  readonly draftOrders: number;
}

export interface StudentsOptions {
  readonly total: number;
  readonly pins: PinIssuer;
  /** students' HR: creates and signs the orders */
  readonly signerId: string;
  /** a dean's office clerk who drafts an expulsion for their faculty (none: no such draft) */
  readonly clerk: { readonly id: string; readonly faculty: FacultyRow } | null;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Relative group sizes: full-time groups are the biggest, senior courses thin out. */
function groupWeight(g: GroupRow): number {
  const form: Record<StudyForm, number> = { full_time: 1, evening: 0.6, correspondence: 0.8, distance: 0.5 };
  const base = g.language === 'en' ? 0.7 : form[g.form];
  return base * (1 - 0.03 * (g.course - 1)) * (g.specialty.seed.level === 'master' ? 0.5 : 1);
}

function randomDate(rng: Rng, from: string, to: string): string {
  return fromDays(rng.int(toDays(from), toDays(to)));
}

/** the same day a year later, less one: a year's leave */
function yearLater(iso: string): string {
  return addDays(`${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`, -1);
}

/** Builds a student's events; each is added to its order once the student exists. */
class HistoryPlanner {
  constructor(
    private readonly rng: Rng,
    private readonly book: OrderBook,
  ) {}

  event(order: PlannedOrder, status: StudentStatus, group: GroupRow, course: number, funding: Funding, item: ItemPlan = {}): StudentEvent {
    return { effective: order.effective, status, group, course, funding, order, item };
  }

  /** Enrolment, then a promotion every 01.09 after it up to `lastYear`, all in `g`. */
  pathThrough(g: GroupRow, admissionYear: number, lastYear: number, funding: Funding): StudentEvent[] {
    const enrolment = this.book.facultyOrder('enrolment', admissionYear, g.faculty);
    const rows = [this.event(enrolment, 'active', g, 1, funding, { targetGroup: g, targetCourse: 1, targetFunding: funding })];
    for (let y = admissionYear + 1; y <= lastYear; y++) {
      rows.push(this.event(this.book.facultyOrder('promotion', y, g.faculty), 'active', g, y - admissionYear + 1, funding));
    }
    return rows;
  }

  leave(g: GroupRow, course: number, funding: Funding, from: string, to: string): StudentEvent {
    const order = this.book.smallOrder('academic_leave', g.faculty, from, 4);
    return this.event(order, 'on_leave', g, course, funding, { leaveFrom: from, leaveTo: to });
  }

  build(
    g: GroupRow,
    fate: Fate,
    admissionYear: number,
    funding: Funding,
    older: GroupRow | null,
    parallel: GroupRow | null,
  ): StudentEvent[] {
    const { rng, book } = this;
    const prev = CURRENT_YEAR - 1;
    switch (fate) {
      case 'applicant':
        return [];
      case 'normal':
        return this.pathThrough(g, admissionYear, CURRENT_YEAR, funding);
      case 'graduated': {
        const rows = this.pathThrough(g, admissionYear, prev, funding);
        const order = book.facultyOrder('graduation', CURRENT_YEAR, g.faculty);
        rows.push(this.event(order, 'graduated', g, g.course, funding, { honours: rng.chance(0.1) }));
        return rows;
      }
      case 'expelled': {
        const rows = this.pathThrough(g, admissionYear, CURRENT_YEAR, funding);
        const effective = randomDate(rng, `${CURRENT_YEAR}-09-03`, `${CURRENT_YEAR}-09-29`);
        const reason = rng.weighted<ExpulsionReason>([
          ['academic_failure', 35],
          ['own_wish', 25],
          ['non_payment', funding === 'contract' ? 25 : 0],
          ['attendance', 10],
          ['transfer_out', 5],
        ]);
        const order = book.smallOrder('expulsion', g.faculty, effective, 2, reason);
        rows.push(this.event(order, 'expelled', g, g.course, funding));
        return rows;
      }
      case 'on_leave': {
        const rows = this.pathThrough(g, admissionYear, CURRENT_YEAR, funding);
        const from = randomDate(rng, `${CURRENT_YEAR}-09-03`, `${CURRENT_YEAR}-09-29`);
        rows.push(this.leave(g, g.course, funding, from, yearLater(from)));
        return rows;
      }
      case 'short_leave': {
        // in 2025-2026 the group was one course lower; the 01.09.2026 promotion follows the return
        const rows = this.pathThrough(g, admissionYear, prev, funding);
        const from = randomDate(rng, `${prev}-10-01`, `${CURRENT_YEAR}-02-28`);
        const back = fromDays(Math.min(toDays(from) + rng.int(60, 150), toDays(`${CURRENT_YEAR}-06-20`)));
        rows.push(this.leave(g, g.course - 1, funding, from, back));
        rows.push(this.event(book.smallOrder('return_from_leave', g.faculty, back, 3), 'active', g, g.course - 1, funding));
        rows.push(this.event(book.facultyOrder('promotion', CURRENT_YEAR, g.faculty), 'active', g, g.course, funding));
        return rows;
      }
      case 'repeater': {
        // started with the cohort ahead (`older`), left during 2025-2026 at the course `g` is in now
        const start = older!;
        const rows = this.pathThrough(start, admissionYear, prev, funding);
        const from = randomDate(rng, `${prev}-10-01`, `${CURRENT_YEAR}-03-31`);
        rows.push(this.leave(start, g.course, funding, from, `${CURRENT_YEAR}-08-31`));
        const order = book.facultyOrder('return_from_leave', CURRENT_YEAR, g.faculty);
        rows.push(this.event(order, 'active', g, g.course, funding, { targetGroup: g, targetCourse: g.course }));
        return rows;
      }
      case 'to_budget': {
        const rows = this.pathThrough(g, admissionYear, prev, 'contract');
        const order = book.facultyOrder('transfer', CURRENT_YEAR, g.faculty);
        rows.push(this.event(order, 'active', g, g.course - 1, 'budget', { targetFunding: 'budget' }));
        rows.push(this.event(book.facultyOrder('promotion', CURRENT_YEAR, g.faculty), 'active', g, g.course, 'budget'));
        return rows;
      }
      case 'group_change': {
        const from = parallel!;
        if (g.course === 1) {
          const rows = this.pathThrough(from, admissionYear, CURRENT_YEAR, funding);
          const effective = randomDate(rng, `${CURRENT_YEAR}-09-07`, `${CURRENT_YEAR}-09-25`);
          const order = book.smallOrder('transfer', g.faculty, effective, 5);
          rows.push(this.event(order, 'active', g, 1, funding, { targetGroup: g, targetCourse: 1 }));
          return rows;
        }
        const rows = this.pathThrough(from, admissionYear, prev, funding);
        const effective = randomDate(rng, `${prev}-10-01`, `${CURRENT_YEAR}-05-31`);
        const order = book.smallOrder('transfer', g.faculty, effective, 5);
        rows.push(this.event(order, 'active', g, g.course - 1, funding, { targetGroup: g, targetCourse: g.course - 1 }));
        rows.push(this.event(book.facultyOrder('promotion', CURRENT_YEAR, g.faculty), 'active', g, g.course, funding));
        return rows;
      }
    }
  }
}

/** Ranks students in the Kyrgyz alphabetical order (names come from short lists: rank the distinct parts). */
function rankNames(students: PlannedStudent[]): void {
  const rankOf = (values: Iterable<string>) => {
    const sorted = [...new Set(values)].sort((a, b) => kyCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    return new Map(sorted.map((v, i) => [v, i]));
  };
  const last = rankOf(students.map((s) => s.name.lastName));
  const first = rankOf(students.map((s) => s.name.firstName));
  const patr = rankOf(students.map((s) => s.name.patronymic ?? ''));
  const keyed = students.map((s) => ({
    s,
    a: last.get(s.name.lastName)!,
    b: first.get(s.name.firstName)!,
    c: patr.get(s.name.patronymic ?? '')!,
  }));
  keyed.sort((x, y) => x.a - y.a || x.b - y.b || x.c - y.c || x.s.index - y.s.index);
  keyed.forEach((k, i) => (k.s.nameRank = i));
}

export function insertStudents(ctx: DemoContext, structure: Structure, opts: StudentsOptions): StudentsResult {
  const rng = new Rng(ctx.seed, 'students');
  const book = new OrderBook(new Rng(ctx.seed, 'orders'));
  const planner = new HistoryPlanner(rng, book);

  // the group a repeater started in: same specialty and form, one course ahead
  const byCourse = new Map<string, GroupRow[]>();
  // parallel groups: same specialty and course, another language or form (not the English-medium ones)
  const bySpecialtyCourse = new Map<string, GroupRow[]>();
  for (const g of structure.groups) {
    const key = `${g.specialty.id}|${g.form}|${g.course}`;
    byCourse.set(key, [...(byCourse.get(key) ?? []), g]);
    if (g.language !== 'en') {
      const k2 = `${g.specialty.id}|${g.course}`;
      bySpecialtyCourse.set(k2, [...(bySpecialtyCourse.get(k2) ?? []), g]);
    }
  }
  const olderGroup = (g: GroupRow): GroupRow | null => {
    const list = byCourse.get(`${g.specialty.id}|${g.form}|${g.course + 1}`);
    if (!list) return null;
    return list.find((o) => o.language === g.language) ?? list[0]!;
  };
  const parallelGroups = (g: GroupRow): GroupRow[] =>
    g.language === 'en' ? [] : (bySpecialtyCourse.get(`${g.specialty.id}|${g.course}`) ?? []).filter((o) => o !== g);

  const recordBookCounters = new Map<number, number>();
  const recordBookNo = (admissionYear: number): string => {
    const n = (recordBookCounters.get(admissionYear) ?? rng.int(100, 900)) + 1;
    recordBookCounters.set(admissionYear, n);
    return `${String(admissionYear % 100).padStart(2, '0')}-${String(n).padStart(5, '0')}`;
  };

  const weights = structure.groups.map(groupWeight);
  const counts = apportion(opts.total, weights);
  // about APPLICANT_SHARE of everybody, all in first-course groups
  const firstCourseShare =
    structure.groups.reduce((a, g, i) => a + (g.course === 1 ? weights[i]! : 0), 0) / weights.reduce((a, b) => a + b, 0);
  const applicantChance = Math.min(1, APPLICANT_SHARE / firstCourseShare);

  const students: PlannedStudent[] = [];
  structure.groups.forEach((g, gi) => {
    const duration = g.specialty.seed.durationYears;
    const older = olderGroup(g);
    const parallel = parallelGroups(g);
    for (let k = 0; k < counts[gi]!; k++) {
      // ---- fate and admission year
      let fate: Fate = 'normal';
      if (g.course === 1 && rng.chance(applicantChance)) fate = 'applicant';
      else if (g.course === duration && rng.chance(0.08)) fate = 'graduated';
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

      // ---- transfers: a budget place won after a contract year, or a move from a parallel group
      let from: GroupRow | null = null;
      if (fate === 'normal') {
        if (g.course >= 2 && funding === 'budget' && !foreign && rng.chance(0.06)) fate = 'to_budget';
        else if (parallel.length > 0 && rng.chance(0.012)) {
          fate = 'group_change';
          from = rng.pick(parallel);
        }
      }

      // ---- history
      const events = planner.build(g, fate, admissionYear, funding, older, from);
      const last = events[events.length - 1];
      const createdAt = last
        ? stampOf(events[0]!.order.orderDate)
        : stampOf(randomDate(rng, `${CURRENT_YEAR}-09-10`, `${CURRENT_YEAR}-09-28`));
      const student: PlannedStudent = {
        id: ctx.ids.next(),
        index: students.length,
        name,
        sex,
        birthDate,
        pin,
        citizenship,
        recordBook: recordBookNo(admissionYear),
        baseEducation: college ? 'college' : 'school',
        admissionYear,
        group: last?.group ?? g,
        status: last?.status ?? 'applicant',
        course: last?.course ?? 1,
        funding,
        flags: [flagDisability, flagOrphan, flagTargeted, flagDormitory, quota ? 1 : 0],
        createdAt,
        events,
        nameRank: 0,
      };
      for (const event of events) event.order.items.push({ student, event });
      students.push(student);
    }
  });
  rankNames(students);

  // ---- students, then the orders and their items, then the history that refers to both
  let done = 0;
  for (const s of students) {
    const [disability, orphan, targeted, dormitory, quota] = s.flags;
    const updatedAt = s.events.length ? signedAtOf(s.events[s.events.length - 1]!.order.orderDate) : s.createdAt;
    ctx.store.student(
      s.id,
      s.name.lastName,
      s.name.firstName,
      s.name.patronymic,
      s.sex,
      s.birthDate,
      s.pin,
      s.citizenship,
      s.recordBook,
      s.group.id,
      s.course,
      s.funding,
      s.baseEducation,
      s.admissionYear,
      s.status,
      disability,
      orphan,
      targeted,
      dormitory,
      quota,
      studentSearchText({
        last_name: s.name.lastName,
        first_name: s.name.firstName,
        patronymic: s.name.patronymic,
        pin: s.pin,
        record_book_no: s.recordBook,
      }),
      s.createdAt,
      updatedAt,
    );
    done++;
    if (opts.onProgress && done % 1000 === 0) opts.onProgress(done, opts.total);
  }

  const orders = insertSignedOrders(ctx, book, opts.signerId);
  let historyRows = 0;
  for (const s of students) {
    for (const e of s.events) {
      const o = e.order;
      ctx.store.history(
        ctx.ids.next(),
        s.id,
        e.effective,
        o.type,
        e.status,
        e.group.id,
        e.course,
        e.group.form,
        e.funding,
        s.name.lastName,
        s.name.firstName,
        s.name.patronymic,
        o.number!,
        o.orderDate,
        signedAtOf(o.orderDate),
        o.id!,
        e.itemId!,
      );
      historyRows++;
    }
  }

  const draftOrders = insertDrafts(ctx, students, opts);
  opts.onProgress?.(done, opts.total);

  const ordersByType: Record<string, number> = {};
  for (const o of orders) ordersByType[o.type] = (ordersByType[o.type] ?? 0) + 1;
  return {
    students: done,
    applicants: students.filter((s) => s.status === 'applicant').length,
    historyRows,
    orders: orders.length,
    ordersByType,
    draftOrders,
  };
}

/**
 * Work in progress the app can sign: students' HR's enrolment of a few late applicants (the
 * faculty with most of them), and a clerk's expulsion of one or two contract students of
 * their faculty who have not paid.
 */
function insertDrafts(ctx: DemoContext, students: readonly PlannedStudent[], opts: StudentsOptions): number {
  const rng = new Rng(ctx.seed, 'drafts');
  const toDraft = (s: PlannedStudent): DraftStudent => ({ id: s.id, group: s.group, funding: s.funding, nameRank: s.nameRank });
  let drafts = 0;

  const applicants = students.filter((s) => s.status === 'applicant');
  const perFaculty = new Map<FacultyRow, PlannedStudent[]>();
  for (const s of applicants) perFaculty.set(s.group.faculty, [...(perFaculty.get(s.group.faculty) ?? []), s]);
  const [faculty, chosen] = [...perFaculty].sort((a, b) => b[1].length - a[1].length || a[0].index - b[0].index)[0] ?? [];
  if (faculty && chosen) {
    insertDraftOrder(ctx, {
      type: 'enrolment',
      faculty,
      effective: DRAFT_EFFECTIVE,
      reason: lateAdmissionBasis(`${CURRENT_YEAR}-09-29`),
      expulsionReason: null,
      createdBy: opts.signerId,
      createdAt: `${CURRENT_YEAR}-09-30T10:00:00.000Z`,
      students: [...chosen].sort((a, b) => a.nameRank - b.nameRank).slice(0, DRAFT_ENROLMENT_SIZE).map(toDraft),
      item: (s) => ({ targetGroup: s.group, targetFunding: s.funding }),
    });
    drafts++;
  }

  if (opts.clerk) {
    const own = opts.clerk.faculty;
    const candidates = students.filter((s) => s.status === 'active' && s.group.faculty === own && s.funding === 'contract' && s.course >= 2);
    const picked: PlannedStudent[] = [];
    for (let n = rng.int(1, 2); picked.length < n && picked.length < candidates.length; ) {
      const s = rng.pick(candidates);
      if (!picked.includes(s)) picked.push(s);
    }
    if (picked.length) {
      insertDraftOrder(ctx, {
        type: 'expulsion',
        faculty: own,
        effective: DRAFT_EFFECTIVE,
        reason: nonPaymentBasis(`${CURRENT_YEAR}-09-28`),
        expulsionReason: 'non_payment',
        createdBy: opts.clerk.id,
        createdAt: `${CURRENT_YEAR}-09-30T14:00:00.000Z`,
        students: picked.map(toDraft),
        item: () => ({}),
      });
      drafts++;
    }
  }
  return drafts;
}
