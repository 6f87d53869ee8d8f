/** The tests' small exam session: the fixture university plus a curriculum, a year and an open session. */
import type { Database } from '../../db/connection';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createExaminers } from './grade-sheet-examiner';
import { createGradeSheetsService } from './grade-sheets.service';

const T = '2026-09-01T00:00:00Z';
export const SESSION = '00000000-0000-7000-8000-00000000e001';
export const EXAMINER = '00000000-0000-7000-8000-0000000005b1';

export async function sheetsFixture() {
  const db: Database = await createFixtureDb();
  db.sqlite.exec(`
    INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d1', 'Микроэкономика', 'Микроэкономика', 'Microeconomics', '${T}'), ('d2', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz', '${T}');
    INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('c', '${IDS.specEcon}', 2026, 'full_time', '${T}');
    INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at)
      VALUES ('ci1', 'c', 'd1', 1, 5, 150, 'exam', '${T}'), ('ci2', 'c', 'd2', 1, 3, 90, 'exam', '${T}'), ('ci3', 'c', 'd1', 2, 5, 150, 'exam', '${T}');
    INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31');
    INSERT INTO academic_session (id, academic_year_id, faculty_id, term, starts_on, ends_on, entry_opens_on, entry_closes_on, updated_at)
      VALUES ('${SESSION}', '2026-2027', '${IDS.facEcon}', 'autumn', '2026-12-20', '2027-01-20', '2026-12-15', '2027-01-31', '${T}');
  `);
  const clock = { today: '2026-12-20' };
  const sheets = createGradeSheetsService(db, () => clock.today);
  /** Registers ЭК-1-26 for the autumn and returns its Microeconomics sheet. */
  const prepared = () => {
    sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' });
    return sheets.generate(USERS.clerkEcon, SESSION).sheets.find((s) => s.discipline.ru === 'Микроэкономика')!;
  };
  const count = (sql: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
  /** Names the examiner and the exam date, as the dean's office does before a sheet can close. */
  const examined = (id: string) => {
    db.sqlite.exec(`
      INSERT OR IGNORE INTO position (id, category, name_ky, name_ru, name_en) VALUES ('p-kit-prof', 'professor', 'профессор', 'профессор', 'professor');
      INSERT OR IGNORE INTO staff (id, last_name, first_name, patronymic, sex, birth_date, citizenship, hire_date, updated_at)
        VALUES ('${EXAMINER}', 'Козлов', 'Сергей', 'Борисович', 'M', '1970-01-01', 'KG', '2000-09-01', '${T}');
      INSERT OR IGNORE INTO staff_position (id, staff_id, position_id, faculty_id, rate, employment_type, start_date, updated_at)
        VALUES ('sp-kit', '${EXAMINER}', 'p-kit-prof', '${IDS.facEcon}', 100, 'main', '2000-09-01', '${T}');
    `);
    const version = sheets.detail(USERS.clerkEcon, id, 'ru').version;
    return createExaminers(db, sheets).set(USERS.clerkEcon, { id, examinerStaffId: EXAMINER, examDate: '2027-01-10', version }, 'ru');
  };
  return { db, sheets, clock, prepared, count, examined };
}

export { refusal } from '../../testing/refusal';
