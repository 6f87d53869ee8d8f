import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { studentSearchText } from '../../../src-shared/domain/search-text';
import { createStudentsService, type StudentsService } from './students.service';

let db: Database;
let students: StudentsService;
beforeEach(async () => {
  db = await createFixtureDb();
  students = createStudentsService(db);
});
afterEach(() => db.close());

const search = (user: (typeof USERS)[keyof typeof USERS], req: Partial<Parameters<StudentsService['search']>[1]> = {}) =>
  students.search(user, { offset: 0, limit: 100, ...req });
const names = (r: { rows: { lastName: string }[] }) => r.rows.map((x) => x.lastName);
const count = (table: 'audit_log' | 'outbox') =>
  (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('who sees which students', () => {
  it('a dean’s office clerk sees only their own faculty, in Kyrgyz alphabetical order', async () => {
    expect(names(await search(USERS.clerkEcon))).toEqual(['Асанова', 'Жеңишбеков', 'Үсөнов']);
    expect(names(await search(USERS.clerkLaw))).toEqual(['Иванов', 'Өмүралиева']);
  });

  it('a clerk asking for another faculty’s student is refused, even by a forged id or filter', async () => {
    const e = await refusal(students.get(USERS.clerkEcon, IDS.studentOmur));
    expect(e.code).toBe('forbidden');
    expect(e.key).toBe('error.forbidden.scope');
    expect(names(await search(USERS.clerkEcon, { facultyId: IDS.facLaw }))).toEqual([]);
    expect(names(await search(USERS.clerkEcon, { groupId: IDS.groupLaw1 }))).toEqual([]);
  });

  it('accounting sees contract students only; HR sees no students', async () => {
    expect(names(await search(USERS.accountant))).toEqual(['Жеңишбеков', 'Иванов', 'Үсөнов']);
    expect((await refusal(search(USERS.hr))).code).toBe('forbidden');
    expect((await refusal(students.get(USERS.accountant, IDS.studentAigerim))).code).toBe('forbidden');
  });

  it('students’ HR sees the whole university', async () => {
    expect((await search(USERS.studhr)).total).toBe(5);
  });
});

describe('search', () => {
  it('finds by part of a name with Kyrgyz letters, case-insensitively', async () => {
    expect(names(await search(USERS.studhr, { query: 'ҮСӨН' }))).toEqual(['Үсөнов']);
    expect(names(await search(USERS.studhr, { query: 'жеңиш' }))).toEqual(['Жеңишбеков']);
    expect(names(await search(USERS.studhr, { query: 'мөлмөл' }))).toEqual(['Өмүралиева']);
  });

  it('finds what a Russian or Latin keyboard types for ң, ө, ү and look-alike letters, spelled-as-typed first', async () => {
    expect(names(await search(USERS.studhr, { query: 'усонов' }))).toEqual(['Үсөнов']);
    expect(names(await search(USERS.studhr, { query: 'мөлмол омуралиева' }))).toEqual(['Өмүралиева']);
    expect(names(await search(USERS.studhr, { query: 'Acанова' }))).toEqual(['Асанова']); // Latin A and c
    // a name typed with a Latin letter by whoever entered it is found by the Cyrillic spelling
    const latin = 'Ивaнов'; // Latin a
    db.sqlite.prepare('UPDATE student SET last_name = ?, search_text = ? WHERE id = ?').run(latin, studentSearchText({ last_name: latin, first_name: 'Сергей', patronymic: 'Петрович', pin: null, record_book_no: '26-0005' }), IDS.studentIvanov);
    expect(names(await search(USERS.studhr, { query: 'иванов' }))).toEqual([latin]);
    const women = 'Женишбекова';
    db.sqlite.prepare('UPDATE student SET last_name = ?, search_text = ? WHERE id = ?').run(women, studentSearchText({ last_name: women, first_name: 'Сергей', patronymic: null, pin: null, record_book_no: '26-0005' }), IDS.studentIvanov);
    expect(names(await search(USERS.studhr, { query: 'жениш' }))).toEqual(['Женишбекова', 'Жеңишбеков']);
    expect(names(await search(USERS.studhr, { query: 'жеңиш' }))).toEqual(['Жеңишбеков', 'Женишбекова']);
    expect(names(await search(USERS.studhr, { query: 'ЖЕҢИШ нурлан' }))).toEqual(['Жеңишбеков']);
  });

  it('finds by a two-word Kyrgyz patronymic, by ПИН and by record-book number', async () => {
    expect(names(await search(USERS.studhr, { query: 'асан уулу' }))).toEqual(['Үсөнов']);
    expect(names(await search(USERS.studhr, { query: '11403200600123' }))).toEqual(['Асанова']);
    expect(names(await search(USERS.studhr, { query: '26-0004' }))).toEqual(['Өмүралиева']);
  });

  it('filters and pages', async () => {
    expect(names(await search(USERS.studhr, { funding: 'budget' }))).toEqual(['Асанова', 'Өмүралиева']);
    expect(names(await search(USERS.studhr, { course: 2 }))).toEqual(['Үсөнов']);
    const page = await search(USERS.studhr, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(names(page)).toEqual(['Жеңишбеков', 'Иванов']);
  });
});

describe('the student card', () => {
  it('carries the status history and ПИН warnings', async () => {
    const card = await students.get(USERS.clerkEcon, IDS.studentAigerim);
    expect(card.patronymic).toBe('Бакыт кызы');
    expect(card.history).toHaveLength(1);
    expect(card.history[0]).toMatchObject({ kind: 'enrolment', orderNo: '12-к', status: 'active' });
    expect(card.pinWarnings).toEqual([]);
  });
});

describe('correcting a student: validated, scoped, audited, queued for sync, all or nothing', () => {
  it('writes the change, an audit entry with old and new values, and an outbox mutation in one go', async () => {
    const r = await students.update(USERS.clerkEcon, {
      id: IDS.studentAigerim,
      version: 1,
      changes: { recordBookNo: '26-9999', flags: { dormitory: true } },
    });
    expect(r.student.recordBookNo).toBe('26-9999');
    expect(r.student.flags.dormitory).toBe(true);
    expect(r.student.version).toBe(2);
    const audit = db.sqlite.prepare('SELECT * FROM audit_log').all() as Record<string, string>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: USERS.clerkEcon.id, action: 'student.update', entity: 'student', entity_id: IDS.studentAigerim });
    expect(JSON.parse(audit[0]!.old_json!)).toEqual({ record_book_no: '26-0001', flag_dormitory: 0 });
    expect(JSON.parse(audit[0]!.new_json!)).toEqual({ record_book_no: '26-9999', flag_dormitory: 1 });
    const outbox = db.sqlite.prepare('SELECT * FROM outbox').all() as Record<string, unknown>[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ name: 'student.update', entity_id: IDS.studentAigerim, base_version: 1, tx_id: audit[0]!.tx_id });
    expect(names(await search(USERS.clerkEcon, { query: '26-9999' }))).toEqual(['Асанова']);
  });

  it('saves a ПИН that disagrees with the birth date, and reports which part disagrees', async () => {
    const r = await students.update(USERS.studhr, { id: IDS.studentAigerim, version: 1, changes: { pin: '11503200600123' } });
    expect(r.student.pin).toBe('11503200600123');
    expect(r.student.pinWarnings).toEqual([
      expect.objectContaining({ code: 'pin.birthDateMismatch', part: 'birthDate' }),
    ]);
  });

  it('refuses a stale version and leaves everything unchanged', async () => {
    await students.update(USERS.clerkEcon, { id: IDS.studentAigerim, version: 1, changes: { flags: { orphan: true } } });
    const e = await refusal(students.update(USERS.clerkEcon, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: 'X-1' } }));
    expect(e.code).toBe('conflict');
    expect((await students.get(USERS.clerkEcon, IDS.studentAigerim)).recordBookNo).toBe('26-0001');
    expect(count('audit_log')).toBe(1);
    expect(count('outbox')).toBe(1);
  });

  it('refuses a record-book number that belongs to someone else, writing nothing', async () => {
    const e = await refusal(students.update(USERS.clerkEcon, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: '25-0002', flags: { orphan: true } } }));
    expect(e.key).toBe('error.conflict.recordBookTaken');
    const card = await students.get(USERS.clerkEcon, IDS.studentAigerim);
    expect(card.flags.orphan).toBe(false);
    expect(card.version).toBe(1);
    expect(count('audit_log') + count('outbox')).toBe(0);
  });

  it('refuses a clerk editing another faculty’s student, and roles without write access', async () => {
    expect((await refusal(students.update(USERS.clerkLaw, { id: IDS.studentAigerim, version: 1, changes: { flags: { orphan: true } } }))).key).toBe('error.forbidden.scope');
    expect((await refusal(students.update(USERS.accountant, { id: IDS.studentUmut, version: 1, changes: { flags: { orphan: true } } }))).code).toBe('forbidden');
    expect(count('audit_log') + count('outbox')).toBe(0);
  });

  it('rolls back the change when the audit write fails inside the transaction', async () => {
    db.sqlite.exec(`CREATE TRIGGER break_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    await expect(students.update(USERS.clerkEcon, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: '26-7777' } })).rejects.toThrow('disk full');
    expect((await students.get(USERS.clerkEcon, IDS.studentAigerim)).recordBookNo).toBe('26-0001');
    expect(count('outbox')).toBe(0);
  });

  it('writes nothing when nothing actually changes', async () => {
    const r = await students.update(USERS.clerkEcon, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: '26-0001' } });
    expect(r.student.version).toBe(1);
    expect(count('audit_log')).toBe(0);
  });
});
