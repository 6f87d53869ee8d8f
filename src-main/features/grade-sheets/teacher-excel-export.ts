/**
 * The workbook a teacher fills in (DOMAIN.md §3 "Filled (points per part)"): a title block
 * naming the discipline, group, sheet number and the parts with their maxima, then one row
 * per student with the points already entered pre-filled. Only the points and mark cells are
 * unlocked (the sheet is protected without a password, against accidental edits of names);
 * points are whole numbers 0..max and the mark is picked from a list, both checked by Excel
 * as the teacher types; the total is a formula for the teacher's convenience (the import
 * ignores it). Identification: teacher-excel-layout.ts.
 */
import type ExcelJS from 'exceljs';
import type { GradeSheetDetail } from '../../../src-shared/contract';
import { fullName } from '../../../src-shared/domain/person';
import { translate, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import { addPrintSheet, addTable, addTitleRow, createWorkbook, toBuffer } from '../../documents/excel/xlsx';
import { COL, markWord, partColumnKey, partHeader, writeIdentification } from './teacher-excel-layout';

export type TeacherWorkbookLanguage = 'ky' | 'ru';

const WIDTH = { no: 5, name: 34, recordBook: 13, part: 11, mark: 15, total: 10 };
const GRADE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };

function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export async function exportTeacherWorkbook(detail: GradeSheetDetail, lang: TeacherWorkbookLanguage): Promise<Buffer> {
  const t = (key: MessageKey, values?: MessageValues) => translate(lang, key, values);
  const title = t('teacherXlsx.title', { number: detail.number });
  const wb = createWorkbook({ title, subject: detail.discipline[lang] });
  // totals are formulas: let Excel compute them when the teacher opens the file
  wb.calcProperties.fullCalcOnLoad = true;

  const parts = detail.parts;
  const firstPart = 4;
  const markCol = firstPart + parts.length;
  const totalCol = markCol + 1;
  const idCol = totalCol + 1;
  const ws = addPrintSheet(wb, t('teacherXlsx.sheetName'), {
    widths: [WIDTH.no, WIDTH.name, WIDTH.recordBook, ...parts.map(() => WIDTH.part), WIDTH.mark, WIDTH.total],
    footerLeft: title,
    footerRight: '&P / &N',
  });

  const absent = markWord(lang, 'absent');
  const notAdmitted = markWord(lang, 'not_admitted');
  const markHeader = t('teacherXlsx.col.mark');
  addTitleRow(ws, title, { bold: true, size: 14, align: 'center' });
  addTitleRow(ws, `${t('doc.sheet.discipline')}: ${detail.discipline[lang]}`, { bold: true });
  addTitleRow(ws, `${t('doc.col.group')}: ${detail.groupName}. ${t('doc.sheet.academicYear')}: ${detail.academicYearId}. ${t('doc.sheet.semester')}: ${detail.semester}.`);
  const partList = parts.map((p) => `${p.label[lang]} — ${p.max}`).join(', ');
  addTitleRow(ws, t('teacherXlsx.parts', { parts: partList, threshold: detail.admissionThreshold }));
  addTitleRow(ws, t('teacherXlsx.instructions', { absent, notAdmitted, markColumn: markHeader }), { size: 10 });
  ws.addRow([]);

  // the hidden key row: which column is which, whatever the teacher inserts (see layout)
  const keys = ws.addRow([COL.no, COL.name, COL.recordBook, ...parts.map((p) => partColumnKey(p.key)), COL.mark, COL.total, COL.studentId]);
  keys.hidden = true;

  const header = [
    t('doc.col.no'),
    t('doc.col.fullName'),
    t('doc.sheet.col.recordBook'),
    ...parts.map((p) => partHeader(lang, p)),
    markHeader,
    t('teacherXlsx.col.total'),
  ];
  const table = addTable(ws, {
    header,
    rows: detail.rows.map((r) => [r.position, fullName(r), r.recordBookNo]),
    align: ['center', 'left', 'center', ...parts.map(() => 'center' as const), 'center', 'center'],
  });

  const markList = `"${absent},${notAdmitted}"`;
  detail.rows.forEach((r, i) => {
    const row = ws.getRow(table.firstRow + i);
    parts.forEach((p, k) => {
      const cell = row.getCell(firstPart + k);
      cell.value = r.parts[p.key] ?? null;
      cell.numFmt = '0';
      cell.protection = { locked: false };
      cell.fill = GRADE_FILL;
      cell.dataValidation = {
        type: 'whole',
        operator: 'between',
        formulae: [0, p.max],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: t('teacherXlsx.valid.pointsTitle'),
        error: t('teacherXlsx.valid.points', { max: p.max }),
      };
    });
    const mark = row.getCell(markCol);
    mark.value = r.mark ? markWord(lang, r.mark) : null;
    mark.protection = { locked: false };
    mark.fill = GRADE_FILL;
    mark.dataValidation = {
      type: 'list',
      formulae: [markList],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: t('teacherXlsx.valid.markTitle'),
      error: t('teacherXlsx.valid.mark', { options: `${absent}, ${notAdmitted}` }),
    };
    const range = `${colLetter(firstPart)}${row.number}:${colLetter(markCol - 1)}${row.number}`;
    const entered = parts.map((p) => r.parts[p.key]).filter((v): v is number => typeof v === 'number');
    row.getCell(totalCol).value = {
      formula: `IF(COUNT(${range})=0,"",SUM(${range}))`,
      result: entered.length ? entered.reduce((a, b) => a + b, 0) : '',
    };
    row.getCell(idCol).value = r.studentId;
  });
  ws.getColumn(idCol).hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: table.headerRow, activeCell: `${colLetter(firstPart)}${table.firstRow}` }];
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });

  writeIdentification(wb, {
    sheetId: detail.id,
    sheetNumber: detail.number,
    parts: parts.map((p) => p.key),
    lang,
    roster: detail.rows.map((r) => ({ studentId: r.studentId, mark: r.mark, parts: parts.map((p) => r.parts[p.key] ?? null) })),
  });
  return toBuffer(wb);
}
