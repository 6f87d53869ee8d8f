/**
 * A tiny university for unit tests: two faculties, a few groups and students with Kyrgyz
 * names, and one user per role that the tests need. Much faster than the demo generator and
 * written out here so each test can see exactly what data it runs against.
 */
import { openDatabase, type Database } from '../db/connection';
import { hashPassword } from '../platform/password';
import { studentSearchText } from '../../src-shared/domain/search-text';
import type { SessionUser } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';

export const T = '2026-09-01T08:00:00.000Z';
const uid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  university: uid(1),
  facEcon: uid(10),
  facLaw: uid(11),
  specEcon: uid(20),
  specLaw: uid(21),
  groupEcon1: uid(30),
  groupEcon2: uid(31),
  groupLaw1: uid(32),
  studentAigerim: uid(100),
  studentUmut: uid(101),
  studentNurlan: uid(102),
  studentOmur: uid(103),
  studentIvanov: uid(104),
} as const;

export interface FixtureStudent {
  id: string;
  last: string;
  first: string;
  patronymic: string | null;
  sex: 'F' | 'M';
  birth: string;
  pin: string | null;
  book: string;
  group: string;
  funding: 'budget' | 'contract';
  citizenship?: string;
}

export const FIXTURE_STUDENTS: FixtureStudent[] = [
  { id: IDS.studentAigerim, last: 'Асанова', first: 'Айгерим', patronymic: 'Бакыт кызы', sex: 'F', birth: '2006-03-14', pin: '11403200600123', book: '26-0001', group: IDS.groupEcon1, funding: 'budget' },
  { id: IDS.studentUmut, last: 'Үсөнов', first: 'Үмүт', patronymic: 'Асан уулу', sex: 'M', birth: '2005-11-02', pin: '20211200500456', book: '25-0002', group: IDS.groupEcon2, funding: 'contract' },
  { id: IDS.studentNurlan, last: 'Жеңишбеков', first: 'Нурлан', patronymic: 'Маратович', sex: 'M', birth: '2006-07-30', pin: '23007200600789', book: '26-0003', group: IDS.groupEcon1, funding: 'contract' },
  { id: IDS.studentOmur, last: 'Өмүралиева', first: 'Мөлмөл', patronymic: 'Таалайбековна', sex: 'F', birth: '2006-01-09', pin: '10901200600321', book: '26-0004', group: IDS.groupLaw1, funding: 'budget' },
  { id: IDS.studentIvanov, last: 'Иванов', first: 'Сергей', patronymic: 'Петрович', sex: 'M', birth: '2005-05-05', pin: null, book: '26-0005', group: IDS.groupLaw1, funding: 'contract', citizenship: 'KZ' },
];

export const FIXTURE_PASSWORD = 'correct horse';

export async function createFixtureDb(file = ':memory:'): Promise<Database> {
  const db = openDatabase(file);
  const s = db.sqlite;
  s.prepare(`INSERT INTO university (id, name_ky, name_ru, name_en, okpo, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    IDS.university, 'Сынак университети', 'Тестовый университет', 'Test University', '00000001', T);
  const fac = s.prepare(`INSERT INTO faculty (id, university_id, code, name_ky, name_ru, name_en, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  fac.run(IDS.facEcon, IDS.university, 'ECON', 'Экономика факультети', 'Экономический факультет', 'Faculty of Economics', T);
  fac.run(IDS.facLaw, IDS.university, 'LAW', 'Юридика факультети', 'Юридический факультет', 'Faculty of Law', T);
  const spec = s.prepare(`INSERT INTO specialty (id, faculty_id, code, name_ky, name_ru, name_en, level, duration_years, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'bachelor', 4, ?)`);
  spec.run(IDS.specEcon, IDS.facEcon, '580100', 'Экономика', 'Экономика', 'Economics', T);
  spec.run(IDS.specLaw, IDS.facLaw, '530500', 'Юриспруденция', 'Юриспруденция', 'Law', T);
  const grp = s.prepare(`INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES (?, ?, ?, ?, 'full_time', ?, ?, 'ky', ?)`);
  grp.run(IDS.groupEcon1, IDS.facEcon, IDS.specEcon, 'ЭК-1-26', 2026, 1, T);
  grp.run(IDS.groupEcon2, IDS.facEcon, IDS.specEcon, 'ЭК-2-25', 2025, 2, T);
  grp.run(IDS.groupLaw1, IDS.facLaw, IDS.specLaw, 'ЮР-1-26', 2026, 1, T);
  const st = s.prepare(`INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no, group_id, course, funding, base_education, admission_year, status, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'school', 2026, 'active', ?, ?, ?)`);
  const hist = s.prepare(`INSERT INTO student_status_history (id, student_id, effective_date, kind, status, group_id, course, form, funding, last_name, first_name, patronymic, order_no, order_date, created_at)
    VALUES (?, ?, '2026-09-01', 'enrolment', 'active', ?, ?, 'full_time', ?, ?, ?, ?, '12-к', '2026-08-25', ?)`);
  FIXTURE_STUDENTS.forEach((x, i) => {
    const course = x.group === IDS.groupEcon2 ? 2 : 1;
    st.run(x.id, x.last, x.first, x.patronymic, x.sex, x.birth, x.pin, x.citizenship ?? 'KG', x.book, x.group, course, x.funding,
      studentSearchText({ last_name: x.last, first_name: x.first, patronymic: x.patronymic, pin: x.pin, record_book_no: x.book }), T, T);
    hist.run(uid(500 + i), x.id, x.group, course, x.funding, x.last, x.first, x.patronymic, T);
  });
  const hash = await hashPassword(FIXTURE_PASSWORD);
  const user = s.prepare(`INSERT INTO app_user (id, username, password_hash, role, faculty_id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const u of Object.values(USERS)) user.run(u.id, u.username, hash, u.role, u.facultyId, u.displayName, T, T);
  return db;
}

const user = (n: number, username: string, role: Role, facultyId: string | null): SessionUser => ({
  id: uid(n),
  username,
  displayName: username,
  role,
  facultyId,
});

export const USERS = {
  clerkEcon: user(900, 'clerk', 'clerk', IDS.facEcon),
  clerkLaw: user(901, 'clerk2', 'clerk', IDS.facLaw),
  studhr: user(902, 'studhr', 'students_hr', null),
  accountant: user(903, 'accountant', 'accountant', null),
  hr: user(904, 'hr', 'hr', null),
  admin: user(905, 'admin', 'admin', null),
} as const;
