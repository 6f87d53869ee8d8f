import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { createExaminers } from './grade-sheet-examiner';
import { createGradeSheetsService } from './grade-sheets.service';
import { refusal, sheetsFixture } from './grade-sheets.test-kit';
import { createRegistrations } from './registrations.service';

let db: Database;
let sheets: ReturnType<typeof createGradeSheetsService>;
let f: Awaited<ReturnType<typeof sheetsFixture>>;
beforeEach(async () => {
  f = await sheetsFixture();
  ({ db, sheets } = f);
});
afterEach(() => db.close());

const YEAR = { academicYearId: '2026-2027', term: 'autumn' } as const;

describe('individual registration', () => {
  it('adds a debt discipline of the student\'s curriculum and puts the student at the end of its open sheet', () => {
    const regs = createRegistrations(db);
    const micro = f.prepared();
    // Aigerim leaves Microeconomics (credited from elsewhere), then comes back to it
    const before = regs.view(USERS.clerkEcon, { studentId: IDS.studentAigerim, ...YEAR });
    expect(before.rows.map((r) => [r.discipline.ru, r.source, r.sheetNumber])).toEqual([
      ['Кыргызский язык', 'group', expect.any(String)],
      ['Микроэкономика', 'group', micro.number],
    ]);
    // the spring Microeconomics (semester 2) is on her curriculum and not yet registered
    expect(before.options.map((o) => [o.discipline.ru, o.semester])).toEqual([['Микроэкономика', 2]]);

    const reg = before.rows.find((r) => r.discipline.ru === 'Микроэкономика')!;
    const rowsBefore = sheets.detail(USERS.clerkEcon, micro.id, 'ru').rows.length;
    const after = regs.remove(USERS.clerkEcon, { registrationId: reg.registrationId });
    expect(after.rows.map((r) => r.discipline.ru)).toEqual(['Кыргызский язык']);
    expect(sheets.detail(USERS.clerkEcon, micro.id, 'ru').rows.map((r) => r.studentId)).not.toContain(IDS.studentAigerim);
    expect(f.count(`audit_log WHERE action = 'registration.remove'`)).toBe(1);
    expect(f.count(`outbox WHERE name IN ('registration.remove', 'grade.remove')`)).toBe(2);

    const back = regs.add(USERS.clerkEcon, { studentId: IDS.studentAigerim, curriculumItemId: reg.curriculumItemId, ...YEAR });
    expect(back.rows.find((r) => r.curriculumItemId === reg.curriculumItemId)).toMatchObject({ source: 'individual', sheetNumber: micro.number });
    const detail = sheets.detail(USERS.clerkEcon, micro.id, 'ru');
    expect(detail.rows).toHaveLength(rowsBefore);
    expect(detail.rows.at(-1)).toMatchObject({ studentId: IDS.studentAigerim, position: rowsBefore + 1 });
  });

  it('refuses what would lose a grade, touch a closed sheet, or leave the curriculum — and changes nothing', () => {
    const regs = createRegistrations(db);
    const micro = f.prepared();
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20 } }] }, 'ru');
    const reg = regs.view(USERS.clerkEcon, { studentId: IDS.studentAigerim, ...YEAR }).rows.find((r) => r.sheetNumber === micro.number)!;
    expect(reg.graded).toBe(true);
    const snapshot = () => [f.count('registration'), f.count('grade'), f.count('audit_log'), f.count('outbox')];
    const start = snapshot();

    expect(refusal(() => regs.remove(USERS.clerkEcon, { registrationId: reg.registrationId })).key).toBe('error.registration.graded');
    expect(refusal(() => regs.add(USERS.clerkEcon, { studentId: IDS.studentAigerim, curriculumItemId: reg.curriculumItemId, ...YEAR })).key).toBe('error.registration.already');
    const foreign = refusal(() => regs.add(USERS.clerkEcon, { studentId: IDS.studentAigerim, curriculumItemId: '00000000-0000-7000-8000-0000000000ff', ...YEAR }));
    expect(foreign.fields).toEqual([{ path: 'curriculumItemId', key: 'error.registration.notInCurriculum' }]);
    expect(refusal(() => regs.remove(USERS.clerkLaw, { registrationId: reg.registrationId })).code).toBe('forbidden');
    expect(refusal(() => regs.view(USERS.hr, { studentId: IDS.studentAigerim, ...YEAR })).code).toBe('forbidden');
    expect(snapshot()).toEqual(start);
  });
});

describe('examiner and exam date', () => {
  it('lists the faculty\'s teachers, sets one with the date (audited), and refuses a stranger or a stale version', () => {
    const T = '2020-01-01T00:00:00Z';
    db.sqlite.exec(`
      INSERT INTO position (id, category, name_ky, name_ru, name_en) VALUES ('p-doc', 'docent', 'доцент', 'доцент', 'associate professor'), ('p-adm', 'administrative', 'адис', 'специалист', 'specialist');
      INSERT INTO staff (id, last_name, first_name, patronymic, sex, birth_date, citizenship, hire_date, updated_at) VALUES
        ('00000000-0000-7000-8000-0000000005a1', 'Өмүрбеков', 'Талант', 'Асан уулу', 'M', '1975-02-03', 'KG', '2005-09-01', '${T}'),
        ('00000000-0000-7000-8000-0000000005a2', 'Абдыкадырова', 'Жылдыз', NULL, 'F', '1980-05-06', 'KG', '2010-09-01', '${T}'),
        ('00000000-0000-7000-8000-0000000005a3', 'Сыдыков', 'Марат', NULL, 'M', '1981-05-06', 'KG', '2010-09-01', '${T}');
      INSERT INTO staff_position (id, staff_id, position_id, faculty_id, rate, employment_type, start_date, updated_at) VALUES
        ('sp1', '00000000-0000-7000-8000-0000000005a1', 'p-doc', '${IDS.facEcon}', 100, 'main', '2005-09-01', '${T}'),
        ('sp2', '00000000-0000-7000-8000-0000000005a2', 'p-doc', '${IDS.facLaw}', 100, 'main', '2010-09-01', '${T}'),
        ('sp3', '00000000-0000-7000-8000-0000000005a3', 'p-adm', '${IDS.facEcon}', 100, 'main', '2010-09-01', '${T}');
    `);
    const examiners = createExaminers(db, sheets);
    const micro = f.prepared();
    expect(examiners.options(USERS.clerkEcon, micro.id).rows).toEqual([{ staffId: '00000000-0000-7000-8000-0000000005a1', name: 'Өмүрбеков Т. А.' }]);
    const d = examiners.set(USERS.clerkEcon, { id: micro.id, examinerStaffId: '00000000-0000-7000-8000-0000000005a1', examDate: '2027-01-10', version: micro.version }, 'ru');
    expect(d).toMatchObject({ examiner: { name: 'Өмүрбеков Т. А.' }, examDate: '2027-01-10', version: micro.version + 1 });
    expect(f.count(`audit_log WHERE action = 'gradeSheet.examiner'`)).toBe(1);
    const law = refusal(() => examiners.set(USERS.clerkEcon, { id: micro.id, examinerStaffId: '00000000-0000-7000-8000-0000000005a2', examDate: null, version: d.version }, 'ru'));
    expect(law.fields[0]).toMatchObject({ path: 'examinerStaffId', key: 'error.sheet.examinerUnknown' });
    expect(refusal(() => examiners.set(USERS.clerkEcon, { id: micro.id, examinerStaffId: null, examDate: null, version: micro.version }, 'ru')).key).toBe('error.conflict.staleVersion');
    expect(refusal(() => examiners.options(USERS.clerkLaw, micro.id)).code).toBe('forbidden');
    expect(sheets.detail(USERS.clerkEcon, micro.id, 'ru').examDate).toBe('2027-01-10');
  });
});
