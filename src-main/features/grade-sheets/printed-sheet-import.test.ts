/**
 * Issue 12, item 23: "a user should not have to know there are two Excel files". The printed
 * sheet's own workbook (made for signing) can be filled in and imported back like the
 * teacher's file: points in the part columns, "н" / "не допущен" where the total stands.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeSheetSummary } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { exportGradeSheet } from './grade-sheet-document';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetsFixture } from './grade-sheets.test-kit';
import { applyTeacherImport, previewTeacherImport, teacherSheetScale } from './teacher-excel';

let db: Database;
let sheets: GradeSheetsService;
let prepared: () => GradeSheetSummary;
beforeEach(async () => {
  ({ db, sheets, prepared } = await sheetsFixture());
});
afterEach(() => db.close());

const clerk = USERS.clerkEcon;

async function printed(id: string, blank: boolean): Promise<ExcelJS.Workbook> {
  const file = await exportGradeSheet(db, sheets, clerk, { id, format: 'xlsx', lang: 'ru', blank });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** What a person sees: the one visible sheet, a column by the start of its printed header, a row by last name. */
function paper(wb: ExcelJS.Workbook) {
  const visible = wb.worksheets.filter((w) => w.state === 'visible');
  expect(visible).toHaveLength(1);
  const ws = visible[0]!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === '№') headerRow = n;
  });
  const headers = Array.from(ws.getRow(headerRow).values as unknown[], (v) => String(v ?? ''));
  const col = (start: string) => headers.findIndex((h) => h.startsWith(start));
  const rowOf = (lastName: string) => {
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(2).value ?? '').startsWith(lastName)) return ws.getRow(r);
    throw new Error(`no row for ${lastName}`);
  };
  return { ws, col, rowOf };
}

const preview = (id: string, file: Buffer) => previewTeacherImport(sheets.detail(clerk, id, 'ru'), file, teacherSheetScale(db, id));

describe('the printed sheet’s Excel imports back', () => {
  it('takes points typed in its part columns and a mark written where the total stands; a printed total is no mark', async () => {
    const micro = prepared();
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 28, m2: 25, exam: 30 } }] }, 'ru');
    const wb = await printed(micro.id, false);
    const { col, rowOf } = paper(wb);
    // Асанова's total (83) stays as printed; her exam is corrected; Жеңишбеков did not come
    expect(rowOf('Асанова').getCell(col('Всего баллов')).value).toBe(83);
    rowOf('Асанова').getCell(col('Экзамен')).value = 35;
    rowOf('Жеңишбеков').getCell(col('Всего баллов')).value = 'н';
    const file = await bytes(wb);
    const p = await preview(micro.id, file);
    expect(p.problems).toEqual([]);
    expect(p.cells).toEqual([
      { studentId: IDS.studentAigerim, parts: { exam: 35 } },
      { studentId: IDS.studentNurlan, mark: 'absent' },
    ]);
    await applyTeacherImport({ db, sheets }, clerk, { id: micro.id, xlsx: file }, 'ru');
    const rows = sheets.detail(clerk, micro.id, 'ru').rows;
    expect(rows.find((r) => r.studentId === IDS.studentAigerim)).toMatchObject({ parts: { m1: 28, m2: 25, exam: 35 }, total: 88 });
    expect(rows.find((r) => r.studentId === IDS.studentNurlan)).toMatchObject({ mark: 'absent' });
  });

  it('a blank sheet filled in by hand-typing in Excel: what was written counts, and a value changed in UniDesk since is a conflict', async () => {
    const micro = prepared();
    const wb = await printed(micro.id, true);
    const { col, rowOf } = paper(wb);
    rowOf('Асанова').getCell(col('Модуль 1')).value = 30;
    rowOf('Жеңишбеков').getCell(col('Модуль 1')).value = 12;
    // meanwhile the clerk typed Жеңишбеков's first module in UniDesk
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentNurlan, parts: { m1: 10 } }] }, 'ru');
    const p = await preview(micro.id, await bytes(wb));
    expect(p.cells).toEqual([{ studentId: IDS.studentAigerim, parts: { m1: 30 } }]);
    expect(p.problems.map((x) => [x.studentName, x.reason.key])).toEqual([[expect.stringMatching(/^Жеңишбеков/), 'teacherXlsx.changedSinceExport']]);
  });

  it('prints exactly as before: the keys and ids are in a hidden row and a hidden column', async () => {
    const micro = prepared();
    const { ws } = paper(await printed(micro.id, false));
    const hiddenRows: number[] = [];
    ws.eachRow((row, n) => {
      if (row.hidden) hiddenRows.push(n);
    });
    expect(hiddenRows).toHaveLength(1);
    expect(String(ws.getRow(hiddenRows[0]!).getCell(1).value)).toBe('#no');
    const idCol = ws.getRow(hiddenRows[0]!).cellCount;
    expect(ws.getColumn(idCol).hidden).toBe(true);
  });
});
