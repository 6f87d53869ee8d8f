import { renderGradeSheetXlsx } from '../../documents/grade-sheet/grade-sheet.xlsx';
import { sampleSheet } from '../../documents/grade-sheet/grade-sheet-sample.fixture';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeSheetSummary } from '../../../src-shared/contract';
import { translate, type Locale } from '../../../src-shared/i18n';
import { errorsRu } from '../../../src-shared/i18n/errors.ru';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { IDS, USERS } from '../../testing/fixture';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetsFixture } from './grade-sheets.test-kit';
import {
  applyTeacherImport,
  describeImportProblem,
  exportTeacherWorkbook,
  previewTeacherImport,
  teacherImportRefusal,
  teacherSheetScale,
  type ImportPreview,
} from './teacher-excel';
import { IDENT_SHEET } from './teacher-excel-layout';

let db: Database;
let clock: { today: string };
let sheets: GradeSheetsService;
let count: (sql: string) => number;
let kitPrepared: () => GradeSheetSummary;

beforeEach(async () => {
  ({ db, sheets, clock, count, prepared: kitPrepared } = await sheetsFixture());
});
afterEach(() => db.close());

const clerk = USERS.clerkEcon;
const deps = () => ({ db, sheets });

/** ЭК-1-26's Microeconomics sheet (26-00001) and its Kyrgyz sheet (26-00002), both students on each. */
function prepared(): { micro: GradeSheetSummary; kyrgyz: GradeSheetSummary } {
  const micro = kitPrepared();
  return { micro, kyrgyz: sheets.list(clerk, {}).rows.find((s) => s.discipline.ru === 'Кыргызский язык')! };
}

const detailOf = (id: string) => sheets.detail(clerk, id, 'ru');
async function exported(id: string, lang: 'ky' | 'ru' = 'ru'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportTeacherWorkbook(detailOf(id), lang)) as unknown as ArrayBuffer);
  return wb;
}
async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const preview = async (id: string, file: Buffer) => previewTeacherImport(detailOf(id), file, teacherSheetScale(db, id));

/** The teacher's view: the visible sheet, a row by the student's last name, a column by its header. */
function grid(wb: ExcelJS.Workbook) {
  const ws = wb.worksheets.find((w) => w.state === 'visible')!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === '№') headerRow = n;
  });
  const headers = ws.getRow(headerRow).values as unknown[];
  const col = (header: string) => {
    const c = headers.indexOf(header);
    if (c < 1) throw new Error(`no column ${header}`);
    return c;
  };
  const rowOf = (lastName: string) => {
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(2).value ?? '').startsWith(lastName)) return r;
    throw new Error(`no row for ${lastName}`);
  };
  const set = (lastName: string, header: string, value: ExcelJS.CellValue) => (ws.getRow(rowOf(lastName)).getCell(col(header)).value = value);
  return { ws, headerRow, col, rowOf, set };
}

const gradesTable = () => db.sqlite.prepare(`SELECT student_id, sheet_id, parts_json, mark, total, letter, version FROM grade ORDER BY sheet_id, student_id`).all();
const problemsOf = (p: ImportPreview) => p.problems.map((x) => [x.row, x.studentName, x.column, x.value, x.reason.key, x.reason.values]);

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('the teacher’s workbook', () => {
  it('is print-ready, protects names, unlocks grade cells, offers the marks as a list and identifies the sheet', async () => {
    const { micro } = prepared();
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 28 } }, { studentId: IDS.studentNurlan, mark: 'not_admitted' }] }, 'ru');
    const wb = await exported(micro.id);
    const { ws, headerRow, col, rowOf } = grid(wb);
    const texts = Array.from({ length: headerRow }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? '')).join('\n');
    expect(texts).toContain('Ведомость № 26-00001');
    expect(texts).toContain('Дисциплина: Микроэкономика');
    expect(texts).toContain('Группа: ЭК-1-26');
    expect(texts).toContain('Модуль 1 — 30, Модуль 2 — 30, Экзамен — 40');
    expect((ws.getRow(headerRow).values as unknown[]).slice(1)).toEqual(['№', 'Фамилия, имя, отчество', '№ зачётной книжки', 'Модуль 1 (30)', 'Модуль 2 (30)', 'Экзамен (40)', 'Отметка', 'Итого']);
    const a = ws.getRow(rowOf('Асанова'));
    expect([a.getCell(1).value, a.getCell(2).value, a.getCell(3).value, a.getCell(col('Модуль 1 (30)')).value]).toEqual([1, 'Асанова Айгерим Бакыт кызы', '26-0001', 28]);
    expect(a.getCell(col('Итого')).value).toEqual({ formula: `IF(COUNT(D${a.number}:F${a.number})=0,"",SUM(D${a.number}:F${a.number}))`, result: 28 });
    expect(ws.getRow(rowOf('Жеңишбеков')).getCell(col('Отметка')).value).toBe('не допущен');
    expect(a.getCell(col('Отметка')).dataValidation).toMatchObject({ type: 'list', formulae: ['"не явился,не допущен"'] });
    expect(a.getCell(col('Экзамен (40)')).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 40] });
    // protected without a password: names locked, grades open
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(a.getCell(2).protection?.locked).not.toBe(false);
    expect(a.getCell(col('Модуль 2 (30)')).protection).toMatchObject({ locked: false });
    expect(a.getCell(col('Отметка')).protection).toMatchObject({ locked: false });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: `${headerRow}:${headerRow}` });
    // the student id rides along in a hidden last column; the identification sheet cannot be unhidden from Excel
    expect(ws.getColumn(col('Итого') + 1).hidden).toBe(true);
    expect(a.getCell(col('Итого') + 1).value).toBe(IDS.studentAigerim);
    expect(wb.getWorksheet(IDENT_SHEET)!.state).toBe('veryHidden');
    // exported as it is: nothing to save, nothing wrong
    expect(await preview(micro.id, await bytes(wb))).toEqual({ sheetMatches: true, cells: [], problems: [], unchanged: 2 });
  });

  it('is worded in Kyrgyz on request, and reads the Kyrgyz marks back', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id, 'ky');
    const { ws, headerRow, set } = grid(wb);
    expect((ws.getRow(headerRow).values as unknown[]).slice(4, 9)).toEqual(['1-модуль (30)', '2-модуль (30)', 'Экзамен (40)', 'Белги', 'Жыйынтык']);
    set('Жеңишбеков', 'Белги', 'келген жок');
    set('Жеңишбеков', '1-модуль (30)', 20);
    set('Жеңишбеков', '2-модуль (30)', 20);
    const p = await preview(micro.id, await bytes(wb));
    expect(p.problems).toEqual([]);
    expect(p.cells).toEqual([{ studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20 }, mark: 'absent' }]);
  });
});

describe('importing the filled workbook', () => {
  it('reads numbers, "25,0" text and formulas, previews exactly those cells, and applies them through setGrades', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id);
    const { set } = grid(wb);
    set('Асанова', 'Модуль 1 (30)', 28);
    set('Асанова', 'Модуль 2 (30)', '25,0');
    set('Асанова', 'Экзамен (40)', { formula: '20+15', result: 35 });
    set('Жеңишбеков', 'Модуль 1 (30)', 20);
    set('Жеңишбеков', 'Модуль 2 (30)', ' 15 ');
    set('Жеңишбеков', 'Отметка', 'Не явился');
    const file = await bytes(wb);

    const p = await preview(micro.id, file);
    expect(p).toEqual({
      sheetMatches: true,
      cells: [
        { studentId: IDS.studentAigerim, parts: { m1: 28, m2: 25, exam: 35 } },
        { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 15 }, mark: 'absent' },
      ],
      problems: [],
      unchanged: 0,
    });
    expect(count(`audit_log WHERE action = 'grade.set'`)).toBe(0);

    const { detail } = await applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: file }, 'ru');
    expect(detail.rows.map((r) => [r.lastName, r.parts, r.total, r.letter, r.status])).toEqual([
      ['Асанова', { m1: 28, m2: 25, exam: 35 }, 88, 'B+', 'graded'],
      ['Жеңишбеков', { m1: 20, m2: 15 }, null, null, 'absent'],
    ]);
    expect(detailOf(micro.id).state).toBe('filled');
    expect(count(`audit_log WHERE action = 'grade.set'`)).toBe(2);
    expect(count(`outbox WHERE name = 'grade.set'`)).toBe(2);
    // the same file again changes nothing
    expect(await preview(micro.id, file)).toMatchObject({ cells: [], problems: [], unchanged: 2 });
  });

  it('clears a pre-filled value the teacher removed; leaves alone what they did not touch; reports what both changed', async () => {
    const { micro } = prepared();
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20, m2: 20 } }, { studentId: IDS.studentNurlan, parts: { m1: 10 } }] }, 'ru');
    const wb = await exported(micro.id);
    // meanwhile the dean's office corrects two values in UniDesk
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m2: 22 } }, { studentId: IDS.studentNurlan, parts: { m1: 12 } }] }, 'ru');
    const { set, rowOf } = grid(wb);
    set('Асанова', 'Модуль 1 (30)', null); // removed by the teacher → cleared
    // Асанова's m2 left at the exported 20 → UniDesk's 22 stays
    set('Жеңишбеков', 'Модуль 1 (30)', 15); // changed by both → a conflict
    const p = await preview(micro.id, await bytes(wb));
    expect(p.cells).toEqual([{ studentId: IDS.studentAigerim, parts: { m1: null } }]);
    expect(problemsOf(p)).toEqual([
      [rowOf('Жеңишбеков'), 'Жеңишбеков Нурлан Маратович', 'Модуль 1 (30)', '15', 'teacherXlsx.changedSinceExport', { current: 12 }],
    ]);
  });

  it('lists every problem with row, student, column, value and reason, and then saves nothing', async () => {
    const { micro } = prepared();
    sheets.setGrades(clerk, { id: micro.id, cells: [{ studentId: IDS.studentNurlan, parts: { m1: 10 } }] }, 'ru');
    const wb = await exported(micro.id);
    const { ws, set, rowOf, col } = grid(wb);
    set('Асанова', 'Модуль 1 (30)', 31);
    set('Асанова', 'Модуль 2 (30)', 'abc');
    set('Асанова', 'Экзамен (40)', 25.5);
    set('Жеңишбеков', 'Модуль 2 (30)', 5);
    set('Жеңишбеков', 'Экзамен (40)', 20);
    const last = rowOf('Жеңишбеков');
    const idCol = col('Итого') + 1;
    // a student of another group, her hidden id pasted in; a student typed in by hand; Асанова twice
    const omur = ws.getRow(last + 1);
    omur.getCell(2).value = 'Өмүралиева Мөлмөл';
    omur.getCell(col('Модуль 1 (30)')).value = 20;
    omur.getCell(idCol).value = IDS.studentOmur;
    const typed = ws.getRow(last + 2);
    typed.getCell(2).value = 'Петров Пётр';
    typed.getCell(col('Модуль 1 (30)')).value = '18';
    const twice = ws.getRow(last + 3);
    twice.getCell(2).value = 'Асанова Айгерим Бакыт кызы';
    twice.getCell(col('Модуль 1 (30)')).value = 30;
    twice.getCell(idCol).value = IDS.studentAigerim;
    ws.getRow(last + 5).getCell(2).value = 'Экзаменатор: ____________'; // a note, no grades: ignored
    const file = await bytes(wb);

    const a = rowOf('Асанова');
    const p = await preview(micro.id, file);
    expect(p.sheetMatches).toBe(true);
    expect(problemsOf(p)).toEqual([
      [a, 'Асанова Айгерим Бакыт кызы', 'Модуль 1 (30)', '31', 'grade.rule.aboveMax', { max: 30, threshold: null }],
      [a, 'Асанова Айгерим Бакыт кызы', 'Модуль 2 (30)', 'abc', 'teacherXlsx.notANumber', {}],
      [a, 'Асанова Айгерим Бакыт кызы', 'Экзамен (40)', '25.5', 'grade.rule.notInteger', { max: null, threshold: null }],
      [last, 'Жеңишбеков Нурлан Маратович', 'Экзамен (40)', '20', 'grade.rule.examWithoutAdmission', { max: null, threshold: null }],
      [last + 1, 'Өмүралиева Мөлмөл', 'Фамилия, имя, отчество', 'Өмүралиева Мөлмөл', 'grade.rule.notOnSheet', {}],
      [last + 2, 'Петров Пётр', 'Фамилия, имя, отчество', 'Петров Пётр', 'teacherXlsx.rowWithoutId', {}],
      [last + 3, 'Асанова Айгерим Бакыт кызы', 'Фамилия, имя, отчество', 'Асанова Айгерим Бакыт кызы', 'teacherXlsx.duplicateRow', { first: a }],
    ]);
    expect(p.cells).toEqual([]);
    expect(describeImportProblem('ru', p.problems[0]!)).toBe(`строка ${a} (Асанова Айгерим Бакыт кызы), «Модуль 1 (30)», значение «31»: больше максимума (30)`);

    const before = gradesTable();
    const e = await refusal(() => applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: file }, 'ru'));
    expect(e.code).toBe('validation');
    expect(e.key).toBe('teacherXlsx.problems');
    expect(e.values).toEqual({ count: 7 });
    expect(e.fields).toHaveLength(7);
    expect(e.fields[3]).toMatchObject({ path: `rows.${last}`, key: 'teacherXlsx.problem', values: { row: last, column: 'Экзамен (40)', value: '20' } });
    expect(gradesTable()).toEqual(before);
    expect(count(`audit_log WHERE action = 'grade.set'`)).toBe(1);
  });

  it('refuses a file exported from another sheet, whole', async () => {
    const { micro, kyrgyz } = prepared();
    const wb = await exported(kyrgyz.id);
    grid(wb).set('Асанова', 'Модуль 1 (30)', 25);
    const file = await bytes(wb);
    const p = await preview(micro.id, file);
    expect(p).toEqual({
      sheetMatches: false,
      cells: [],
      problems: [{ row: null, studentName: null, column: '', value: '', reason: { key: 'teacherXlsx.otherSheet', values: { fileNumber: kyrgyz.number, number: micro.number } } }],
      unchanged: 0,
    });
    const before = gradesTable();
    expect((await refusal(() => applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: file }, 'ru'))).fields).toEqual([
      { path: 'file', key: 'teacherXlsx.otherSheet', values: { fileNumber: '26-00002', number: '26-00001' } },
    ]);
    expect(gradesTable()).toEqual(before);
    // and the right sheet takes it
    expect((await preview(kyrgyz.id, file)).cells).toEqual([{ studentId: IDS.studentAigerim, parts: { m1: 25 } }]);
  });

  it('says clearly that random bytes, a plain workbook or a damaged identification are no teacher’s file, without throwing', async () => {
    const { micro } = prepared();
    const keyOf = async (file: Buffer) => {
      const p = await preview(micro.id, file);
      expect(p.sheetMatches).toBe(false);
      expect(p.cells).toEqual([]);
      expect(p.problems).toHaveLength(1);
      return p.problems[0]!.reason.key;
    };
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await keyOf(random)).toBe('teacherXlsx.notXlsx');
    expect(await keyOf(Buffer.alloc(0))).toBe('teacherXlsx.notXlsx');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Лист1').addRow(['Асанова', 28]);
    expect(await keyOf(await bytes(plain))).toBe('teacherXlsx.noIdentification');
    // the sheet's own printed Excel is recognised as such, and the message says which file to use
    expect(await keyOf(await renderGradeSheetXlsx(sampleSheet(3), 'ru'))).toBe('teacherXlsx.printedSheet');
    const tampered = await exported(micro.id);
    tampered.getWorksheet(IDENT_SHEET)!.getCell('C9').value = 30;
    expect(await keyOf(await bytes(tampered))).toBe('teacherXlsx.identificationGarbled');
    const e = await refusal(() => applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: random }, 'ru'));
    expect(e.fields).toEqual([{ path: 'file', key: 'teacherXlsx.notXlsx', values: {} }]);
  });

  it('names a deleted grade column and a deleted hidden key row', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id);
    const { ws, headerRow, col } = grid(wb);
    ws.getRow(headerRow - 1).getCell(col('Модуль 2 (30)')).value = null;
    expect((await preview(micro.id, await bytes(wb))).problems.map((p) => [p.reason.key, p.reason.values])).toEqual([
      ['teacherXlsx.columnMissing', { column: 'Модуль 2 (30)' }],
    ]);
    ws.getRow(headerRow - 1).values = [];
    expect(await preview(micro.id, await bytes(wb))).toMatchObject({ sheetMatches: true, cells: [], problems: [{ reason: { key: 'teacherXlsx.layoutChanged' } }] });
  });

  it('maps rows re-sorted by the teacher to the right students', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id);
    const { ws, set, rowOf } = grid(wb);
    set('Асанова', 'Модуль 1 (30)', 27);
    set('Асанова', 'Экзамен (40)', 50);
    set('Жеңишбеков', 'Модуль 1 (30)', 11);
    const a = rowOf('Асанова');
    const n = rowOf('Жеңишбеков');
    // sort Я→А: swap the two rows, hidden id included (as Excel's sort does)
    const va = ws.getRow(a).values;
    const vn = ws.getRow(n).values;
    ws.getRow(a).values = vn;
    ws.getRow(n).values = va;
    const p = await preview(micro.id, await bytes(wb));
    expect(p.cells).toEqual([{ studentId: IDS.studentNurlan, parts: { m1: 11 } }]);
    expect(problemsOf(p)).toEqual([[n, 'Асанова Айгерим Бакыт кызы', 'Экзамен (40)', '50', 'grade.rule.aboveMax', { max: 40, threshold: null }]]);
    set('Асанова', 'Экзамен (40)', 40);
    const file = await bytes(wb);
    await applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: file }, 'ru');
    expect(detailOf(micro.id).rows.map((r) => [r.lastName, r.parts])).toEqual([
      ['Асанова', { m1: 27, exam: 40 }],
      ['Жеңишбеков', { m1: 11 }],
    ]);
  });

  it('notices rows sorted without the hidden id column', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id);
    const { ws, set, rowOf, col } = grid(wb);
    set('Асанова', 'Модуль 1 (30)', 27);
    const a = rowOf('Асанова');
    const n = rowOf('Жеңишбеков');
    // only the visible columns sorted: names, record books and points move, the ids stay
    for (let c = 1; c < col('Итого') + 1; c++) {
      const x = ws.getRow(a).getCell(c).value;
      ws.getRow(a).getCell(c).value = ws.getRow(n).getCell(c).value;
      ws.getRow(n).getCell(c).value = x;
    }
    const p = await preview(micro.id, await bytes(wb));
    expect(p.cells).toEqual([]);
    expect(problemsOf(p)).toEqual([
      [a, 'Асанова Айгерим Бакыт кызы', 'Фамилия, имя, отчество', 'Жеңишбеков Нурлан Маратович', 'teacherXlsx.rowMismatch', { name: 'Асанова Айгерим Бакыт кызы' }],
      [n, 'Жеңишбеков Нурлан Маратович', 'Фамилия, имя, отчество', 'Асанова Айгерим Бакыт кызы', 'teacherXlsx.rowMismatch', { name: 'Жеңишбеков Нурлан Маратович' }],
    ]);
  });

  it('applies through setGrades, so the entry window still rules', async () => {
    const { micro } = prepared();
    const wb = await exported(micro.id);
    grid(wb).set('Асанова', 'Модуль 1 (30)', 20);
    const file = await bytes(wb);
    clock.today = '2027-02-10';
    const e = await refusal(() => applyTeacherImport(deps(), clerk, { id: micro.id, xlsx: file }, 'ru'));
    expect(e.key).toBe('error.sheet.windowClosed');
    expect(count(`grade WHERE parts_json != '{}'`)).toBe(0);
  });
});

describe('teacherXlsx messages', () => {
  it('exist and format in Kyrgyz, Russian and English', () => {
    const keys = Object.keys(errorsRu).filter((k): k is keyof typeof errorsRu => k.startsWith('teacherXlsx.'));
    expect(keys.length).toBeGreaterThan(20);
    const values = {
      number: '26-00001', fileNumber: '26-00002', parts: 'X', fileParts: 'Y', threshold: 30, absent: 'a', notAdmitted: 'b', markColumn: 'c',
      label: 'L', max: 30, options: 'o', first: 3, current: 12, column: 'C', count: 3, details: 'd', row: 4, name: 'N', value: 'v', problem: 'p',
    };
    for (const locale of ['ky', 'ru', 'en'] as Locale[]) {
      for (const key of keys) expect(translate(locale, key, values), `${locale} ${key}`).not.toMatch(/[{}]/);
    }
    const e = teacherImportRefusal({ sheetMatches: false, cells: [], problems: [{ row: null, studentName: null, column: '', value: '', reason: { key: 'teacherXlsx.notXlsx', values: {} } }], unchanged: 0 });
    expect(translate('ru', e.key, { ...e.values, details: translate('ru', e.fields[0]!.key) })).toBe(
      '1 ошибка в файле преподавателя, ничего не сохранено: Файл не является книгой Excel (.xlsx) или повреждён.',
    );
  });
});
