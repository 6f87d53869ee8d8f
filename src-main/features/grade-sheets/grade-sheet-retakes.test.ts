import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createGradeSheetsService } from './grade-sheets.service';
import { createRetakes } from './grade-sheet-retakes';

const T = '2026-09-01T00:00:00Z';
let db: Database;
let clock = '2026-12-20';
let sheets: ReturnType<typeof createGradeSheetsService>;

beforeEach(async () => {
  db = await createFixtureDb();
  db.sqlite.exec(`
    INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d1', 'Микроэкономика', 'Микроэкономика', 'Microeconomics', '${T}'), ('d2', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz', '${T}');
    INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('c', '${IDS.specEcon}', 2026, 'full_time', '${T}');
    INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at)
      VALUES ('ci1', 'c', 'd1', 1, 5, 150, 'exam', '${T}'), ('ci2', 'c', 'd2', 1, 3, 90, 'exam', '${T}'), ('ci3', 'c', 'd1', 2, 5, 150, 'exam', '${T}');
    INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31');
    INSERT INTO academic_session (id, academic_year_id, faculty_id, term, starts_on, ends_on, entry_opens_on, entry_closes_on, updated_at)
      VALUES ('00000000-0000-7000-8000-00000000e001', '2026-2027', '${IDS.facEcon}', 'autumn', '2026-12-20', '2027-01-20', '2026-12-15', '2027-01-31', '${T}');
  `);
  clock = '2026-12-20';
  sheets = createGradeSheetsService(db, () => clock);
});
afterEach(() => db.close());

const SESSION = '00000000-0000-7000-8000-00000000e001';
const count = (sql: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}
function prepared() {
  sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' });
  const { sheets: made } = sheets.generate(USERS.clerkEcon, SESSION);
  return made.find((s) => s.discipline.ru === 'Микроэкономика')!;
}


function fillAndClose(id: string, cells: Parameters<typeof sheets.setGrades>[1]['cells']) {
  sheets.setGrades(USERS.clerkEcon, { id, cells }, 'ru');
  const d = sheets.detail(USERS.clerkEcon, id, 'ru');
  return sheets.close(USERS.clerkEcon, { id, version: d.version }, 'ru');
}

describe('retakes', () => {
  it('lists FX and absent students of closed sheets, makes a linked retake sheet, and enforces the attempt limit', () => {
    const retakes = createRetakes(db, sheets);
    const s = prepared();
    fillAndClose(s.id, [
      { studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 10 } },
      { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20 }, mark: 'absent' },
    ]);
    const c = retakes.candidates(USERS.clerkEcon, SESSION).rows;
    expect(c.map((x) => [x.lastName, x.reason, x.attempt, x.allowed])).toEqual(expect.arrayContaining([
      ['Асанова', 'fx', 1, true],
      ['Жеңишбеков', 'absent', 1, true],
    ]));
    const r2 = retakes.create(USERS.clerkEcon, { parentSheetId: s.id, studentIds: [IDS.studentAigerim, IDS.studentNurlan], kind: 'retake' }, 'ru');
    expect(r2).toMatchObject({ kind: 'retake', attempt: 2, number: '26-00003' });
    expect(db.sqlite.prepare('SELECT parent_sheet_id FROM grade_sheet WHERE id = ?').get(r2.id)).toEqual({ parent_sheet_id: s.id });
    fillAndClose(r2.id, [
      { studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 30 } },
      { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20, exam: 5 } },
    ]);
    const after2 = retakes.candidates(USERS.clerkEcon, SESSION).rows;
    expect(after2.map((x) => [x.lastName, x.attempt])).toEqual([['Жеңишбеков', 2]]);
    const r3 = retakes.create(USERS.clerkEcon, { parentSheetId: r2.id, studentIds: [IDS.studentNurlan], kind: 'retake' }, 'ru');
    fillAndClose(r3.id, [{ studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20, exam: 6 } }]);
    const after3 = retakes.candidates(USERS.clerkEcon, SESSION).rows;
    expect(after3).toEqual([expect.objectContaining({ lastName: 'Жеңишбеков', attempt: 3, allowed: false })]);
    const e = refusal(() => retakes.create(USERS.clerkEcon, { parentSheetId: r3.id, studentIds: [IDS.studentNurlan], kind: 'retake' }, 'ru'));
    expect(e.fields[0]).toMatchObject({ key: 'retake.notAllowed' });
  });

  it('offers retakes only from closed sheets: not admitted and FX alike', () => {
    const retakes = createRetakes(db, sheets);
    const s = prepared();
    sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 5, m2: 5 }, mark: 'not_admitted' }] }, 'ru');
    expect(retakes.candidates(USERS.clerkEcon, SESSION).rows).toEqual([]);
    fillAndClose(s.id, [{ studentId: IDS.studentNurlan, parts: { m1: 30, m2: 0, exam: 0 } }]);
    const rows = retakes.candidates(USERS.clerkEcon, SESSION).rows;
    expect(rows.map((x) => [x.lastName, x.reason])).toEqual([['Асанова', 'not_admitted'], ['Жеңишбеков', 'fx']]);
  });
});
