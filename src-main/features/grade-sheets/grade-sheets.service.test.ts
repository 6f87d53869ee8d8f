import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { refusal, SESSION, sheetsFixture } from './grade-sheets.test-kit';
import { createGradeSheetsService } from './grade-sheets.service';

let db: Database;
let sheets: ReturnType<typeof createGradeSheetsService>;
let clockRef: { today: string };
type Fixture = Awaited<ReturnType<typeof sheetsFixture>>;
let prepared: Fixture['prepared'];
let count: Fixture['count'];
let examined: Fixture['examined'];
beforeEach(async () => {
  const f = await sheetsFixture();
  ({ db, sheets, prepared, count, examined } = f);
  clockRef = f.clock;
});
afterEach(() => db.close());

describe('from curriculum to grade sheets', () => {
  it('registers a group to its semester’s disciplines once', () => {
    expect(sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' })).toEqual({ added: 4, alreadyRegistered: 0 });
    expect(sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' })).toEqual({ added: 0, alreadyRegistered: 4 });
    expect(refusal(() => sheets.registerGroup(USERS.clerkLaw, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' })).code).toBe('forbidden');
  });

  it('registers several groups at once, naming each group it could not register and registering the rest', () => {
    const { rows } = sheets.registerGroups(USERS.clerkEcon, { groupIds: [IDS.groupEcon1, IDS.groupEcon2, IDS.groupLaw1, IDS.groupEcon1], academicYearId: '2026-2027', term: 'autumn' }, 'ru');
    expect(rows.map((r) => r.groupId)).toEqual([IDS.groupEcon1, IDS.groupEcon2, IDS.groupLaw1]);
    expect(rows[0]).toEqual({ groupId: IDS.groupEcon1, added: 4, alreadyRegistered: 0, problem: null });
    // no curriculum for that intake: said in words, nothing registered for it
    expect(rows[1]!.problem).toMatch(/учебн/i);
    expect(rows[1]!.added).toBe(0);
    // another faculty's group is refused like a single registration would be
    expect(rows[2]!.problem).toBeTruthy();
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM registration WHERE group_id <> ?`).get(IDS.groupEcon1)).toEqual({ n: 0 });
  });

  it('generates one numbered sheet per group and discipline, students in Kyrgyz order, with the default scale', () => {
    sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' });
    const r = sheets.generate(USERS.clerkEcon, SESSION);
    expect(r.created).toBe(2);
    expect(r.sheets.map((s) => s.number)).toEqual(['26-00001', '26-00002']);
    expect(sheets.generate(USERS.clerkEcon, SESSION).created).toBe(0);
    const d = sheets.detail(USERS.clerkEcon, r.sheets[0]!.id, 'ru');
    expect(d.rows.map((x) => x.lastName)).toEqual(['Асанова', 'Жеңишбеков']);
    expect(d.parts.map((p) => `${p.key}/${p.max}`)).toEqual(['m1/30', 'm2/30', 'exam/40']);
    expect(d.entryOpen).toBe(true);
  });
});

describe('entering grades', () => {
  it('saves valid points with total and letter, and marks the sheet filled when complete', () => {
    const s = prepared();
    const d = sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [
      { studentId: IDS.studentAigerim, parts: { m1: 28, m2: 27, exam: 40 } },
      { studentId: IDS.studentNurlan, mark: 'absent', parts: { m1: 20, m2: 15 } },
    ] }, 'ru');
    expect(d.rows.map((r) => [r.lastName, r.total, r.letter, r.traditional, r.status])).toEqual([
      ['Асанова', 95, 'A', 5, 'graded'],
      ['Жеңишбеков', null, null, null, 'absent'],
    ]);
    expect(d.state).toBe('filled');
    expect(count(`audit_log WHERE action = 'grade.set'`)).toBe(2);
    expect(count(`outbox WHERE name = 'grade.set'`)).toBe(2);
  });

  it('refuses bad cells naming row, student and column, and saves none of the batch', () => {
    const s = prepared();
    const e = refusal(() => sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [
      { studentId: IDS.studentAigerim, parts: { m1: 25, m2: 25, exam: 30 } },
      { studentId: IDS.studentNurlan, parts: { m1: 31 } },
      { studentId: IDS.studentOmur, parts: { m1: 10 } },
    ] }, 'ru'));
    expect(e.key).toBe('error.sheet.cells');
    expect(e.fields.map((f) => [f.path, f.values?.row, f.values?.name, f.values?.column])).toEqual([
      ['cells.1.m1', 2, 'Жеңишбеков Нурлан Маратович', 'Модуль 1'],
      ['cells.2.studentId', 3, IDS.studentOmur, '—'],
    ]);
    expect(count(`grade WHERE total IS NOT NULL`)).toBe(0);
    expect(count(`audit_log WHERE action = 'grade.set'`)).toBe(0);
  });

  it('refuses exam points for a student below the admission threshold', () => {
    const s = prepared();
    const e = refusal(() => sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 10, m2: 10, exam: 35 } }] }, 'ru'));
    expect(e.fields[0]).toMatchObject({ path: 'cells.0.exam' });
  });

  it('accepts entry only inside the window, unless an admin opened an exception', () => {
    const s = prepared();
    clockRef.today = '2027-02-10';
    const e = refusal(() => sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20 } }] }, 'ru'));
    expect(e.key).toBe('error.sheet.windowClosed');
    expect(e.values).toEqual({ opens: '15.12.2026', closes: '31.01.2027' });
    expect(refusal(() => sheets.openException(USERS.clerkEcon, { id: s.id, opensOn: '2027-02-09', closesOn: '2027-02-11', reason: 'больничный экзаменатора' }, 'ru')).code).toBe('forbidden');
    sheets.openException(USERS.admin, { id: s.id, opensOn: '2027-02-09', closesOn: '2027-02-11', reason: 'больничный экзаменатора' }, 'ru');
    expect(sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20 } }] }, 'ru').rows[0]!.parts.m1).toBe(20);
    expect(count(`audit_log WHERE action = 'gradeSheet.exception'`)).toBe(1);
  });
});

describe('closing and changes after closing', () => {
  it('closes only a complete sheet; then a change needs a reason and a document, audited old → new', () => {
    const s = prepared();
    sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 28, m2: 27, exam: 30 } }] }, 'ru');
    let d = sheets.detail(USERS.clerkEcon, s.id, 'ru');
    expect(refusal(() => sheets.close(USERS.clerkEcon, { id: s.id, version: d.version }, 'ru')).key).toBe('error.sheet.incomplete');
    d = sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentNurlan, mark: 'absent' }] }, 'ru');
    // complete, but the paper would not say who examined and when
    expect(refusal(() => sheets.close(USERS.clerkEcon, { id: s.id, version: d.version }, 'ru')).key).toBe('error.sheet.needsExaminer');
    expect(count(`audit_log WHERE action = 'gradeSheet.close'`)).toBe(0);
    d = examined(s.id);
    expect(d).toMatchObject({ examiner: { name: 'Козлов С. Б.' }, examDate: '2027-01-10' });
    d = sheets.close(USERS.clerkEcon, { id: s.id, version: d.version }, 'ru');
    expect(d.state).toBe('closed');
    expect(refusal(() => sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { exam: 35 } }] }, 'ru')).key).toBe('error.sheet.closedNeedsReason');
    clockRef.today = '2027-03-01';
    d = sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { exam: 35 } }], reason: 'ошибка при переносе', documentNo: 'акт №4' }, 'ru');
    expect(d.rows[0]).toMatchObject({ total: 90, letter: 'A-' });
    const audit = db.sqlite.prepare(`SELECT old_json, new_json FROM audit_log WHERE action = 'grade.changeClosed'`).get() as { old_json: string; new_json: string };
    expect(JSON.parse(audit.old_json).total).toBe(85);
    expect(JSON.parse(audit.new_json)).toMatchObject({ total: 90, reason: 'ошибка при переносе', documentNo: 'акт №4' });
  });

  it('counts a student not admitted by the points alone as a result, with the threshold in the message', () => {
    const s = prepared();
    let d = sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [
      { studentId: IDS.studentAigerim, parts: { m1: 10, m2: 10 } },
      { studentId: IDS.studentNurlan, parts: { m1: 30, m2: 30, exam: 40 } },
    ] }, 'ru');
    expect(d.state).toBe('filled');
    d = examined(s.id);
    d = sheets.close(USERS.clerkEcon, { id: s.id, version: d.version }, 'ru');
    expect(d.rows[0]!.status).toBe('not_admitted');
    const e = refusal(() => sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { exam: 20 } }], reason: 'x', documentNo: '1' }, 'ru'));
    expect(e.fields[0]!.values?.problem).toMatchObject({ values: { threshold: 30 } });
  });

  it('keeps another faculty’s clerk out', () => {
    const s = prepared();
    expect(refusal(() => sheets.detail(USERS.clerkLaw, s.id, 'ru')).code).toBe('forbidden');
    expect(sheets.list(USERS.clerkLaw, {}).rows).toEqual([]);
  });
});
