import { roleNeedsFaculty } from '../../../src-shared/domain/scope-policy';
import type { Role } from '../../../src-shared/domain/roles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connection';
import { checkPin } from '../../../src-shared/domain/pin';
import { studentSearchText } from '../../../src-shared/domain/search-text';
import { verifyPassword } from '../../platform/password';
import { DEMO_USERS, generateDemo, type DemoSummary } from './demo.generator';
import { apportion, IdFactory, Rng } from './demo.random';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface StudentRow {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  sex: 'F' | 'M';
  birth_date: string;
  pin: string | null;
  citizenship: string;
  record_book_no: string;
  group_id: string;
  funding: string;
  status: string;
  admission_year: number;
  flag_quota_foreigner: number;
  flag_dormitory: number;
  search_text: string;
}

/** every table's content in a stable order, password hashes left out */
function dump(db: Database): Record<string, unknown[]> {
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = db.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all() as Record<string, unknown>[];
    out[name] = rows.map((r) => {
      const { password_hash: _hash, ...rest } = r;
      return name === 'app_user' ? rest : r;
    });
  }
  return out;
}

describe('demo random helpers', () => {
  it('gives the same sequence for the same seed and stream, another for another stream', () => {
    const a = new Rng(1, 'x');
    const b = new Rng(1, 'x');
    const c = new Rng(1, 'y');
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('builds unique, ordered, v7-shaped ids', () => {
    const ids = new IdFactory(7, Date.UTC(2026, 9, 1));
    const list = Array.from({ length: 10_000 }, () => ids.next());
    for (const id of list) expect(id).toMatch(UUID_V7);
    expect(new Set(list).size).toBe(list.length);
    expect([...list].sort()).toEqual(list);
  });

  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2]).reduce((a, b) => a + b, 0)).toBe(0);
    expect(apportion(40000, [0.5, 1, 0.7, 0.93]).reduce((a, b) => a + b, 0)).toBe(40000);
  });
});

describe('generateDemo (3000 students, default seed)', () => {
  let db: Database;
  let summary: DemoSummary;
  let students: StudentRow[];
  const stages = new Set<string>();

  beforeAll(async () => {
    db = openDatabase(':memory:');
    summary = await generateDemo(db, { onProgress: (stage) => stages.add(stage) });
    students = db.sqlite.prepare('SELECT * FROM student').all() as StudentRow[];
  });
  afterAll(async () => {
    await db.close();
  });

  const count = (sql: string): number => (db.sqlite.prepare(sql).get() as { n: number }).n;

  it('writes the expected numbers of things', () => {
    expect(summary).toMatchObject({ faculties: 5, specialties: 20, groups: 120, students: 3000, staff: 300, users: 9 });
    expect(count('SELECT count(*) n FROM university')).toBe(1);
    expect(count('SELECT count(*) n FROM faculty')).toBe(5);
    expect(count('SELECT count(*) n FROM specialty')).toBe(20);
    expect(count('SELECT count(*) n FROM student_group')).toBe(120);
    expect(count('SELECT count(*) n FROM student')).toBe(3000);
    expect(count('SELECT count(*) n FROM staff')).toBe(300);
    expect(count('SELECT count(*) n FROM app_user')).toBe(9);
    expect(count('SELECT count(*) n FROM student_status_history')).toBe(summary.historyRows);
    expect(count('SELECT count(*) n FROM chair')).toBeGreaterThanOrEqual(15);
    // 2020-2021 (when last year's six-year graduates started) to 2026-2027
    expect(count('SELECT count(*) n FROM academic_year')).toBe(7);
    expect(count('SELECT count(*) n FROM academic_session')).toBe(70);
    expect([...stages]).toEqual(expect.arrayContaining(['structure', 'staff', 'curricula', 'users', 'students']));
  });

  it('writes no audit or outbox rows', () => {
    expect(count('SELECT count(*) n FROM audit_log')).toBe(0);
    expect(count('SELECT count(*) n FROM outbox')).toBe(0);
  });

  it('records the seed and the current academic year', () => {
    const settings = Object.fromEntries(
      (db.sqlite.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    expect(settings['demo.seed']).toBe('20260901');
    expect(settings['university.current_academic_year']).toBe('2026-2027');
  });

  it('uses v7-shaped ids everywhere', () => {
    const ids = db.sqlite
      .prepare(
        `SELECT id FROM student UNION ALL SELECT id FROM student_status_history UNION ALL SELECT id FROM staff
         UNION ALL SELECT id FROM student_group UNION ALL SELECT id FROM curriculum_item UNION ALL SELECT id FROM app_user
         UNION ALL SELECT id FROM student_order UNION ALL SELECT id FROM student_order_item`,
      )
      .pluck()
      .all() as string[];
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('builds groups by the intake rule with unique names and courses within the duration', () => {
    const groups = db.sqlite
      .prepare(
        `SELECT g.name, g.form, g.intake_year, g.course, g.language, s.duration_years, s.code, f.code AS faculty
         FROM student_group g JOIN specialty s ON s.id = g.specialty_id JOIN faculty f ON f.id = g.faculty_id`,
      )
      .all() as { name: string; form: string; intake_year: number; course: number; language: string; duration_years: number; faculty: string }[];
    expect(new Set(groups.map((g) => g.name)).size).toBe(120);
    for (const g of groups) {
      expect(g.intake_year).toBe(2026 - g.course + 1);
      expect(g.course).toBeLessThanOrEqual(g.duration_years);
    }
    expect(groups.filter((g) => g.form === 'full_time').length).toBeGreaterThan(90);
    expect(groups.some((g) => g.form === 'evening')).toBe(true);
    expect(groups.some((g) => g.form === 'correspondence')).toBe(true);
    expect(groups.filter((g) => g.language === 'en').every((g) => g.faculty === 'MED')).toBe(true);
    expect(groups.some((g) => g.language === 'en')).toBe(true);
    expect(groups.find((g) => g.name === 'ЭК-1-26')).toBeTruthy();
  });

  it('computes every search_text with studentSearchText', () => {
    for (const s of students) expect(s.search_text).toBe(studentSearchText(s));
  });

  it('gives every KG student a 14-digit ПИН that mostly matches sex and birth date', () => {
    const citizens = students.filter((s) => s.citizenship === 'KG');
    let clean = 0;
    let warned = 0;
    for (const s of citizens) {
      expect(s.pin).toMatch(/^\d{14}$/);
      const issues = checkPin(s.pin!, { sex: s.sex, birthDate: s.birth_date });
      expect(issues.filter((i) => i.level === 'error')).toEqual([]);
      if (issues.length === 0) clean++;
      else warned++;
    }
    expect(clean / citizens.length).toBeGreaterThan(0.97);
    expect(warned).toBeGreaterThan(0);
    const pins = students.map((s) => s.pin).filter((p): p is string => p !== null);
    expect(new Set(pins).size).toBe(pins.length);
  });

  it('stores Kyrgyz patronymics as one field, and Russian-style ones too', () => {
    const patronymics = students.map((s) => s.patronymic ?? '');
    expect(patronymics.filter((p) => p.endsWith(' уулу')).length).toBeGreaterThan(100);
    expect(patronymics.filter((p) => p.endsWith(' кызы')).length).toBeGreaterThan(100);
    expect(patronymics.filter((p) => /(ович|евич|овна|евна)$/.test(p)).length).toBeGreaterThan(300);
    expect(students.some((s) => s.last_name === 'Иванов' || s.last_name === 'Иванова' || s.first_name === 'Сергей')).toBe(true);
  });

  it('has plenty of names with ң, ө and ү', () => {
    const full = students.map((s) => `${s.last_name} ${s.first_name} ${s.patronymic ?? ''}`);
    for (const letter of ['ң', 'ө', 'ү']) expect(full.filter((n) => n.includes(letter)).length).toBeGreaterThan(100);
  });

  it('has foreign students from UZ, KZ, IN and PK, mostly in medicine, mostly paying', () => {
    const foreign = db.sqlite
      .prepare(
        `SELECT s.citizenship, s.funding, s.pin, s.patronymic, s.flag_quota_foreigner, f.code AS faculty
         FROM student s JOIN student_group g ON g.id = s.group_id JOIN faculty f ON f.id = g.faculty_id
         WHERE s.citizenship <> 'KG'`,
      )
      .all() as { citizenship: string; funding: string; pin: string | null; patronymic: string | null; flag_quota_foreigner: number; faculty: string }[];
    for (const c of ['UZ', 'KZ', 'IN', 'PK']) expect(foreign.some((f) => f.citizenship === c)).toBe(true);
    expect(foreign.length / students.length).toBeGreaterThan(0.03);
    expect(foreign.length / students.length).toBeLessThan(0.08);
    expect(foreign.filter((f) => f.faculty === 'MED').length / foreign.length).toBeGreaterThan(0.6);
    expect(foreign.filter((f) => f.funding === 'contract').length / foreign.length).toBeGreaterThan(0.8);
    expect(foreign.filter((f) => f.pin === null).length / foreign.length).toBeGreaterThan(0.8);
    expect(foreign.some((f) => f.flag_quota_foreigner === 1)).toBe(true);
    expect(foreign.some((f) => f.citizenship === 'IN' && f.patronymic === null)).toBe(true);
  });

  it('mixes funding, statuses and flags plausibly', () => {
    const share = (pred: (s: StudentRow) => boolean) => students.filter(pred).length / students.length;
    expect(share((s) => s.funding === 'budget')).toBeGreaterThan(0.25);
    expect(share((s) => s.funding === 'budget')).toBeLessThan(0.45);
    expect(share((s) => s.status === 'active')).toBeGreaterThan(0.85);
    for (const status of ['applicant', 'on_leave', 'expelled', 'graduated']) expect(share((s) => s.status === status)).toBeGreaterThan(0);
    expect(share((s) => s.flag_dormitory === 1)).toBeGreaterThan(0.08);
    expect(share((s) => s.flag_dormitory === 1)).toBeLessThan(0.22);
    expect(new Set(students.map((s) => s.record_book_no)).size).toBe(students.length);
  });

  it("ends every student's history in the student's current state", () => {
    const mismatches = db.sqlite
      .prepare(
        `SELECT s.id FROM student s
         JOIN student_group g ON g.id = s.group_id
         JOIN student_status_history h ON h.id = (
           SELECT id FROM student_status_history WHERE student_id = s.id ORDER BY effective_date DESC, rowid DESC LIMIT 1)
         WHERE h.status <> s.status OR h.group_id <> s.group_id OR h.funding <> s.funding
            OR h.course <> s.course OR h.course <> g.course OR h.form <> g.form
            OR h.last_name <> s.last_name OR h.first_name <> s.first_name OR h.patronymic IS NOT s.patronymic`,
      )
      .all();
    expect(mismatches).toEqual([]);
    // only applicants have no history yet
    expect(summary.applicants).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) n FROM student s WHERE NOT EXISTS (SELECT 1 FROM student_status_history h WHERE h.student_id = s.id)`),
    ).toBe(summary.applicants);
    expect(count(`SELECT count(*) n FROM student WHERE status = 'applicant'`)).toBe(summary.applicants);
  });

  it('starts each history with an enrolment and gives every row an order', () => {
    const firsts = db.sqlite
      .prepare(
        `SELECT h.kind, h.course, h.effective_date, s.admission_year FROM student s
         JOIN student_status_history h ON h.id = (
           SELECT id FROM student_status_history WHERE student_id = s.id ORDER BY effective_date, rowid LIMIT 1)`,
      )
      .all() as { kind: string; course: number; effective_date: string; admission_year: number }[];
    for (const f of firsts) {
      expect(f.kind).toBe('enrolment');
      expect(f.course).toBe(1);
      expect(f.effective_date).toBe(`${f.admission_year}-09-01`);
    }
    expect(
      count('SELECT count(*) n FROM student_status_history WHERE order_no IS NULL OR order_date IS NULL OR order_id IS NULL OR order_date > effective_date'),
    ).toBe(0);
    expect(count("SELECT count(*) n FROM student_status_history WHERE effective_date > '2026-10-01'")).toBe(0);
    const kinds = db.sqlite.prepare('SELECT DISTINCT kind FROM student_status_history ORDER BY kind').pluck().all();
    expect(kinds).toEqual(['academic_leave', 'enrolment', 'expulsion', 'graduation', 'promotion', 'return_from_leave', 'transfer']);
  });

  it('gives staff degrees and titles that fit their positions', () => {
    const rows = db.sqlite
      .prepare(
        `SELECT p.category, s.degree, s.title, sp.rate, sp.employment_type FROM staff_position sp
         JOIN staff s ON s.id = sp.staff_id JOIN position p ON p.id = sp.position_id`,
      )
      .all() as { category: string; degree: string | null; title: string | null; rate: number; employment_type: string }[];
    expect(rows.filter((r) => r.category === 'rector')).toHaveLength(1);
    for (const r of rows) {
      if (r.category === 'assistant') expect([r.degree, r.title]).toEqual([null, null]);
      if (r.title === 'professor') expect(r.degree).not.toBeNull();
      expect(r.rate).toBeGreaterThanOrEqual(25);
      expect(r.rate).toBeLessThanOrEqual(150);
    }
    const professors = rows.filter((r) => r.category === 'professor');
    expect(professors.filter((r) => r.degree === 'doctor').length / professors.length).toBeGreaterThan(0.7);
    for (const t of ['main', 'external_part_time', 'internal_part_time', 'hourly']) {
      expect(rows.some((r) => r.employment_type === t)).toBe(true);
    }
    expect(count('SELECT count(*) n FROM staff WHERE leave_date IS NOT NULL')).toBeGreaterThan(0);
  });

  it('builds curricula of 30-credit semesters ending in a state exam', () => {
    const semesters = db.sqlite
      .prepare(
        `SELECT c.id, i.semester, sum(i.credits) credits, sum(i.hours) hours, count(*) n,
                sum(i.control_form = 'state_exam') state_exams, s.duration_years
         FROM curriculum c JOIN curriculum_item i ON i.curriculum_id = c.id JOIN specialty s ON s.id = c.specialty_id
         GROUP BY c.id, i.semester`,
      )
      .all() as { semester: number; credits: number; hours: number; n: number; state_exams: number; duration_years: number }[];
    expect(semesters.length).toBeGreaterThan(500);
    for (const s of semesters) {
      expect(s.credits).toBe(30);
      expect(s.hours).toBe(900);
      expect(s.n).toBeGreaterThanOrEqual(5);
      expect(s.n).toBeLessThanOrEqual(9);
      if (s.semester === s.duration_years * 2) expect(s.state_exams).toBeGreaterThan(0);
    }
    // every group has a curriculum
    expect(
      count(
        `SELECT count(*) n FROM student_group g WHERE NOT EXISTS (SELECT 1 FROM curriculum c
          WHERE c.specialty_id = g.specialty_id AND c.intake_year = g.intake_year AND c.form = g.form)`,
      ),
    ).toBe(0);
  });

  it('creates one user per role plus a second clerk, clerks bound to faculties', () => {
    const users = db.sqlite
      .prepare('SELECT u.username, u.role, f.code AS faculty FROM app_user u LEFT JOIN faculty f ON f.id = u.faculty_id ORDER BY u.username')
      .all() as { username: string; role: string; faculty: string | null }[];
    expect(new Set(users.map((u) => u.role)).size).toBe(8);
    for (const u of users.filter((x) => roleNeedsFaculty(x.role as Role))) expect(u.faculty, u.username).not.toBeNull();
    expect(users.find((u) => u.username === 'clerk')?.faculty).toBe('ECON');
    expect(users.find((u) => u.username === 'clerk2')?.faculty).toBe('LAW');
  });

  it('lets every demo user sign in with unidesk-<username>', async () => {
    const hashOf = db.sqlite.prepare('SELECT password_hash FROM app_user WHERE username = ?').pluck();
    for (const u of DEMO_USERS) {
      expect(u.password).toBe(`unidesk-${u.username}`);
      expect(await verifyPassword(u.password, hashOf.get(u.username) as string)).toBe(true);
    }
  });

  it('refuses to run on a database that already has a university', async () => {
    await expect(generateDemo(db)).rejects.toThrow(/already has a university/);
    expect(count('SELECT count(*) n FROM student')).toBe(3000);
  });
});

describe('generateDemo determinism', () => {
  async function run(seed: number, students = 200): Promise<Record<string, unknown[]>> {
    const db = openDatabase(':memory:');
    try {
      await generateDemo(db, { seed, students });
      return dump(db);
    } finally {
      await db.close();
    }
  }

  it('writes identical content for the same seed and options, different for another seed', async () => {
    const [a, b, c] = await Promise.all([run(42), run(42), run(43)]);
    expect(a.student).toHaveLength(200);
    expect(b).toEqual(a);
    expect(c.student).not.toEqual(a.student);
    expect(c.staff).not.toEqual(a.staff);
  });

  it('keeps everything but students, their orders and history the same whatever the student count', async () => {
    const [small, other] = await Promise.all([run(42, 50), run(42, 120)]);
    for (const table of ['faculty', 'specialty', 'student_group', 'staff', 'staff_position', 'curriculum_item', 'app_user']) {
      expect(other[table]).toEqual(small[table]);
    }
  });

  it('rejects an invalid student count', async () => {
    const db = openDatabase(':memory:');
    await expect(generateDemo(db, { students: -1 })).rejects.toThrow(/student count/);
    await db.close();
  });
});

describe('generateDemo at design scale', () => {
  it('generates 40,000 students', async () => {
    const db = openDatabase(':memory:');
    try {
      const summary = await generateDemo(db, { students: 40_000 });
      expect(summary.students).toBe(40_000);
      expect((db.sqlite.prepare('SELECT count(*) FROM student').pluck().get() as number)).toBe(40_000);
      expect(summary.historyRows).toBeGreaterThan(80_000);
      expect(summary.applicants).toBeGreaterThan(200);
      // the grade history at design scale (issue 13: about a million grades and more)
      expect(summary.grades).toBeGreaterThan(800_000);
      expect((db.sqlite.prepare("SELECT count(*) FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id WHERE gs.state = 'closed'").pluck().get() as number)).toBe(summary.grades);
      // the big faculty-wide orders and the many small personal ones
      expect(summary.orders).toBeGreaterThan(1000);
      const signedItems = db.sqlite
        .prepare(`SELECT count(*) FROM student_order_item i JOIN student_order o ON o.id = i.order_id WHERE o.state = 'signed'`)
        .pluck()
        .get();
      expect(signedItems).toBe(summary.historyRows);
    } finally {
      await db.close();
    }
  }, 120_000);
});
