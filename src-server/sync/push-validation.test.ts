/**
 * The server re-checks every pushed row (issue 11, cases 1 and 2): a row that breaks the shared
 * schema or a rule that protects documents is refused with table, row and column named, and
 * nothing of its local transaction is stored.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { importTableRows } from '../import/row-import';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { enrol, F1, F2, grade, insert, order, points, serverSuite, sheet, staff, storedData, student, T0, update } from '../test/sync-test-kit';
import { bandOf, DEFAULT_SCALE } from '../../src-shared/domain/grading';
import { sampleRow } from '../../src-shared/sync/row-schema';
import { syncTable } from '../../src-shared/sync/tables';

describe.each(TEST_BACKENDS)('push re-validates rows ($name)', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  serverSuite(backend, (s) => ({ db, app } = s), { university: true });

  const setGrade = (changes: Record<string, unknown>, name = 'grade.set', payload: unknown = {}) => ({
    m: { name, entity: 'grade', entityId: 'gr1', baseVersion: 1 },
    row: update('grade', grade('gr1', 'sh1', null), changes),
    payload,
  });

  it('refuses a grade total of 999 and a grade that does not add up, naming the column; stores nothing', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const over = setGrade({ total: 999 });
    const sum = setGrade({ ...points(75), total: 80 });
    const part = setGrade({ parts_json: JSON.stringify({ m1: 45, m2: 0, exam: 40 }), total: 85, letter: 'A' });
    const r = await d.push([d.tx([over.m], [over.row]), d.tx([sum.m], [sum.row]), d.tx([part.m], [part.row])]);
    expect(r.results.map((x) => [x.code, x.message])).toEqual([
      ['invalid_row', 'grade gr1: total must be from 0 to 100'],
      ['invalid_grade', expect.stringMatching(/^grade gr1: total: 80 is not the sum of its points \(75\)/)],
      ['invalid_grade', expect.stringMatching(/^grade gr1: m1: /)],
    ]);
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ total: null, version: 1 });
    const ok = setGrade(points(75));
    expect((await d.push([d.tx([ok.m], [ok.row])])).results[0]!.status).toBe('applied');
  });

  it('refuses a student without a group or with a group the server does not have; the student stays in its faculty', async () => {
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const other = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F2 });
    const hr = await enrol(app, 'hr', { kind: 'hr' });
    const s1 = student('s1', 'g1', 'budget');
    const m = { name: 'student.update', entity: 'student', entityId: 's1', baseVersion: 1 };
    const r = await clerk.push([clerk.tx([m], [update('student', s1, { group_id: null })]), clerk.tx([m], [update('student', s1, { group_id: 'no-such-group' })])]);
    expect(r.results.map((x) => [x.status, x.code])).toEqual([
      ['rejected', 'unknown_parent'],
      ['rejected', 'unknown_parent'],
    ]);
    expect(r.results[0]!.message).toContain('student s1: group_id');
    expect(await storedData(db.kysely, 'student', 's1')).toMatchObject({ group_id: 'g1', version: 1 });
    const tag = await db.kysely.selectFrom('sync_row').select('faculty_id').where('tbl', '=', 'student').where('id', '=', 's1').executeTakeFirstOrThrow();
    expect(tag.faculty_id).toBe(F1);
    for (const d of [other, hr]) expect((await d.pull('0')).changes.filter((c) => c.table === 'student')).toEqual([]);
  });

  it('refuses a bad value in any synced table by the shared schema (a ПИН of 13 digits, an unknown status)', async () => {
    const hr = await enrol(app, 'students_hr', { kind: 'all' });
    const s1 = student('s1', 'g1', 'budget');
    const m = { name: 'student.update', entity: 'student', entityId: 's1', baseVersion: 1 };
    const r = await hr.push([hr.tx([m], [update('student', s1, { pin: '1234567890123' })]), hr.tx([m], [update('student', s1, { status: 'vanished' })])]);
    expect(r.results.map((x) => x.message)).toEqual(['student s1: pin must be a ПИН of 14 digits', expect.stringMatching(/^student s1: status must be one of applicant, active/)]);
  });

  it('changes a closed sheet’s grade only through "change after closing" with a reason and a document, and never reopens it', async () => {
    await importTableRows(db.kysely, 'grade_sheet', [{ ...sheet('sh1', F1), state: 'closed', closed_at: T0 }]);
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const plain = setGrade(points(60));
    const noDoc = setGrade(points(60), 'grade.changeClosed');
    const r = await d.push([
      d.tx([plain.m], [plain.row]),
      { ...d.tx([noDoc.m], [noDoc.row]) },
    ]);
    expect(r.results.map((x) => x.code)).toEqual(['sheet_closed', 'sheet_closed']);
    const withDoc = d.tx([{ name: 'grade.changeClosed', entity: 'grade', entityId: 'gr1', baseVersion: 1 }], [update('grade', grade('gr1', 'sh1', null), points(61))]);
    withDoc.mutations[0]!.payload = { reason: 'апелляция', documentNo: 'Акт № 3' };
    expect((await d.push([withDoc])).results[0]!.status).toBe('applied');
    const reopen = await d.push([d.tx([{ name: 'gradeSheet.examiner', entity: 'grade_sheet', entityId: 'sh1' }], [update('grade_sheet', { ...sheet('sh1', F1), state: 'closed', closed_at: T0 }, { state: 'open' })])]);
    expect(reopen.results[0]).toMatchObject({ code: 'sheet_closed', message: expect.stringContaining('grade_sheet sh1: state') });
  });

  it('closes a sheet only with its examiner and exam date', async () => {
    await importTableRows(db.kysely, 'staff', [staff('st1')]);
    await importTableRows(db.kysely, 'grade_sheet', [sheet('sh1', F1)]);
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const close = (changes: Record<string, unknown>) =>
      d.tx([{ name: 'gradeSheet.close', entity: 'grade_sheet', entityId: 'sh1', baseVersion: 1 }], [update('grade_sheet', sheet('sh1', F1), { state: 'closed', closed_at: T0, ...changes })]);
    const r = await d.push([close({ examiner_staff_id: null, exam_date: '2027-01-10' }), close({ examiner_staff_id: 'st1', exam_date: null })]);
    expect(r.results.map((x) => [x.code, x.message])).toEqual([
      ['sheet_incomplete', 'grade_sheet sh1: examiner_staff_id: a sheet is closed only with its examiner and exam date'],
      ['sheet_incomplete', 'grade_sheet sh1: exam_date: a sheet is closed only with its examiner and exam date'],
    ]);
    expect((await storedData(db.kysely, 'grade_sheet', 'sh1'))?.state).toBe('open');
    expect((await d.push([close({ examiner_staff_id: 'st1', exam_date: '2027-01-10' })])).results[0]!.status).toBe('applied');
  });

  it('signs an order only with its basis, in Kyrgyz and (from this schema on) in Russian', async () => {
    const draft = order('o1', F1);
    await importTableRows(db.kysely, 'student_order', [draft]);
    const hr = await enrol(app, 'students_hr', { kind: 'all' });
    const sign = (changes: Record<string, unknown>) =>
      hr.tx([{ name: 'order.sign', entity: 'student_order', entityId: 'o1', baseVersion: 1 }], [update('student_order', draft, { state: 'signed', number: '5-п', order_date: '2026-08-28', seq: 5, year: 2026, ...changes })]);
    const r = await hr.push([sign({ reason: ' ' }), sign({ reason_ru: '' })]);
    expect(r.results.map((x) => [x.code, x.message])).toEqual([
      ['order_basis', 'student_order o1: reason: an order is signed only with its basis'],
      ['order_basis', 'student_order o1: reason_ru: an order is signed only with its basis'],
    ]);
    expect((await storedData(db.kysely, 'student_order', 'o1'))?.state).toBe('draft');
  });

  it('keeps a signed order as signed: no edit, no new student, no deletion — only cancellation by another order', async () => {
    const signed = order('o1', F1, { state: 'signed', number: '5-п', order_date: '2026-08-28', seq: 5, year: 2026 });
    await importTableRows(db.kysely, 'student_order', [signed]);
    const hr = await enrol(app, 'students_hr', { kind: 'all' });
    const save = { name: 'order.save', entity: 'student_order', entityId: 'o1' };
    const item = { id: 'it1', order_id: 'o1', student_id: 's1', position: 1, target_group_id: null, target_course: null, target_funding: null, leave_from: null, leave_to: null, honours: 0, new_last_name: null, new_first_name: null, new_patronymic: null, before_json: null, after_json: null };
    const r = await hr.push([
      hr.tx([save], [update('student_order', signed, { reason: 'исправлено' })]),
      hr.tx([save], [insert('student_order_item', item)]),
      hr.tx([{ name: 'order.delete', entity: 'student_order', entityId: 'o1' }], [{ table: 'student_order', id: 'o1', op: 'delete', values: null, old: signed }]),
    ]);
    expect(r.results.map((x) => x.code)).toEqual(['order_signed', 'order_signed', 'order_signed']);
    expect(r.results[0]!.message).toContain('student_order o1: reason');
    const cancel = order('o2', F1, { type: 'cancellation', cancels_order_id: 'o1', state: 'signed', number: '6-п', order_date: '2026-08-29', seq: 6, year: 2026 });
    const sign = await hr.push([
      hr.tx([{ name: 'order.sign', entity: 'student_order', entityId: 'o2' }], [insert('student_order', cancel), update('student_order', signed, { state: 'cancelled', cancelled_by_order_id: 'o2' })]),
    ]);
    expect(sign.results[0]!.status).toBe('applied');
    expect(await storedData(db.kysely, 'student_order', 'o1')).toMatchObject({ state: 'cancelled', reason: 'Студенттин арызы' });
  });

  it('checks a course-work grade against the one part its form has: points of 100, not modules', async () => {
    await importTableRows(db.kysely, 'curriculum_item', [sampleRow(syncTable('curriculum_item')!.row, 'ci-cw', { curriculum_id: 'cur', discipline_id: 'disc', control_form: 'course_work' })]);
    await importTableRows(db.kysely, 'grade_sheet', [{ ...sheet('sh-cw', F1), curriculum_item_id: 'ci-cw' }]);
    const g = { ...grade('gr-cw', 'sh-cw', null) };
    await importTableRows(db.kysely, 'grade', [g]);
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const m = { name: 'grade.set', entity: 'grade', entityId: 'gr-cw', baseVersion: 1 };
    const modules = update('grade', g, points(86));
    const one = update('grade', g, { parts_json: JSON.stringify({ points: 86 }), total: 86, letter: bandOf(DEFAULT_SCALE, 86).letter });
    const r = await d.push([d.tx([m], [modules]), d.tx([m], [one])]);
    expect(r.results.map((x) => [x.status, x.code ?? null])).toEqual([
      ['rejected', 'invalid_grade'],
      ['applied', null],
    ]);
    expect(r.results[0]!.message).toMatch(/^grade gr-cw: m1: unknownPart/);
    expect(await storedData(db.kysely, 'grade', 'gr-cw')).toMatchObject({ total: 86 });
  });
});
