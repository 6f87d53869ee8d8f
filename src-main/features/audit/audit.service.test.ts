import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createStudentsService } from '../students/students.service';
import { sheetsFixture } from '../grade-sheets/grade-sheets.test-kit';
import { listAudit, listAuditUsers } from './audit.service';

let db: Database;
afterEach(() => db.close());

describe('the audit log for people', () => {
  beforeEach(async () => {
    db = await createFixtureDb();
  });

  it('names the student a correction was about, with who made it, and filters by who and what', async () => {
    const students = createStudentsService(db);
    await students.update(USERS.studhr, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: 'E-1' } });
    const { rows } = await listAudit(db, USERS.admin, { limit: 10 });
    expect(rows[0]).toMatchObject({ action: 'student.update', entity: 'student', objectName: expect.stringMatching(/^Асанова /), username: 'studhr' });
    expect(rows[0]!.userName).toBeTruthy();
    expect((await listAudit(db, USERS.admin, { limit: 10, userId: USERS.clerkEcon.id })).rows).toEqual([]);
    expect((await listAudit(db, USERS.admin, { limit: 10, action: 'student' })).rows).toHaveLength(1);
    expect((await listAudit(db, USERS.admin, { limit: 10, action: 'order' })).rows).toEqual([]);
    expect(listAuditUsers(db, USERS.admin).rows.map((u) => u.username)).toEqual(['studhr']);
  });

  it('takes dates as the university’s calendar days, both ends included', async () => {
    const students = createStudentsService(db);
    await students.update(USERS.studhr, { id: IDS.studentAigerim, version: 1, changes: { recordBookNo: 'E-2' } });
    const at = (await listAudit(db, USERS.admin, { limit: 1 })).rows[0]!.at;
    // the entry's own day in Bishkek (UTC+6)
    const day = new Date(Date.parse(at) + 6 * 3_600_000).toISOString().slice(0, 10);
    expect((await listAudit(db, USERS.admin, { limit: 10, from: day, to: day })).rows).toHaveLength(1);
    expect((await listAudit(db, USERS.admin, { limit: 10, to: '2000-01-01' })).rows).toHaveLength(0);
  });

  it('refuses anyone without the right to read it', async () => {
    await expect(listAudit(db, USERS.clerkEcon, { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('grade entries', () => {
  it('are named by their sheet and student', async () => {
    const f = await sheetsFixture();
    db = f.db;
    const sheet = f.prepared();
    f.sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20 } }] }, 'ru');
    const grade = (await listAudit(db, USERS.admin, { limit: 5, action: 'grade' })).rows[0]!;
    expect(grade.objectName).toMatch(new RegExp(`^№ ${sheet.number} · Асанова `));
  });
});
