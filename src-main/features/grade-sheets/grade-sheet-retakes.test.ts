import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { refusal, SESSION, sheetsFixture } from './grade-sheets.test-kit';
import { createGradeSheetsService } from './grade-sheets.service';
import { createRetakes } from './grade-sheet-retakes';
import { gradeSheetDocumentInput } from './grade-sheet-document';
import { gradeSheetContent } from '../../documents/grade-sheet/grade-sheet-content';

let db: Database;
let sheets: ReturnType<typeof createGradeSheetsService>;
type Fixture = Awaited<ReturnType<typeof sheetsFixture>>;
let prepared: Fixture['prepared'];
let examined: Fixture['examined'];
beforeEach(async () => {
  const f = await sheetsFixture();
  ({ db, sheets, prepared, examined } = f);
});
afterEach(() => db.close());


function fillAndClose(id: string, cells: Parameters<typeof sheets.setGrades>[1]['cells']) {
  sheets.setGrades(USERS.clerkEcon, { id, cells }, 'ru');
  const d = examined(id);
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
    // its own sitting: no date until the dean's office sets one, and its paper names the sheet it retakes
    expect(sheets.detail(USERS.clerkEcon, s.id, 'ru').examDate).not.toBeNull();
    expect(r2.examDate).toBeNull();
    expect(gradeSheetContent(gradeSheetDocumentInput(db, r2, true), 'ru').kindText).toBe(`пересдача по ведомости № ${s.number}, попытка 2`);
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
