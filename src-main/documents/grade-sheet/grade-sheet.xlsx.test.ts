import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '../../../src-shared/domain/person';
import { translate } from '../../../src-shared/i18n';
import type { DocumentLanguage } from '../order-document.model';
import { renderGradeSheetXlsx } from './grade-sheet.xlsx';
import { LETTERS, LONG_NAME, sampleSheet } from './grade-sheet-sample.fixture';

const LANGS: DocumentLanguage[] = ['ky', 'ru'];
const filled = new Map<DocumentLanguage, ExcelJS.Worksheet>();
const blank = new Map<DocumentLanguage, ExcelJS.Worksheet>();
const input = sampleSheet(60);

/** Reads the file back as Excel would get it, not the object we built. */
async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function findRow(ws: ExcelJS.Worksheet, predicate: (row: ExcelJS.Row) => boolean): number {
  for (let r = 1; r <= ws.rowCount; r++) if (predicate(ws.getRow(r))) return r;
  return -1;
}

const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;

beforeAll(async () => {
  for (const lang of LANGS) {
    filled.set(lang, await load(await renderGradeSheetXlsx(input, lang)));
    blank.set(lang, await load(await renderGradeSheetXlsx(sampleSheet(25, { blank: true }), lang)));
  }
});

describe.each(LANGS)('grade sheet xlsx, 60 students (%s)', (lang) => {
  const ws = () => filled.get(lang)!;
  const headerRow = () => findRow(ws(), (r) => r.getCell(2).value === translate(lang, 'doc.col.fullName'));
  /** The table row of a student, by the record-book number (unique). */
  const rowOf = (recordBookNo: string) => ws().getRow(findRow(ws(), (r) => r.getCell(3).value === recordBookNo));

  it('prints on A4 portrait, fitted to one page wide, with "page X of Y" in the footer', () => {
    const ps = ws().pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('portrait');
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ws().headerFooter.oddFooter).toContain(translate(lang, 'doc.page', { page: '&P', total: '&N' }));
    expect(ws().headerFooter.oddFooter).toContain('0457');
  });

  it('repeats the table header row on every printed page; the header names the parts and their maxima', () => {
    expect(headerRow()).toBeGreaterThan(8);
    expect(ws().pageSetup.printTitlesRow).toBe(`${headerRow()}:${headerRow()}`);
    const header = (ws().getRow(headerRow()).values as unknown[]).slice(1);
    expect(header).toEqual([
      '№',
      translate(lang, 'doc.col.fullName'),
      translate(lang, 'doc.sheet.col.recordBook'),
      '1-модуль (30)',
      '2-модуль (30)',
      'Экзамен (40)',
      translate(lang, 'doc.sheet.col.total', { number: 100 }),
      translate(lang, 'doc.sheet.col.letter'),
      translate(lang, 'doc.sheet.col.traditional'),
      translate(lang, 'doc.sheet.col.signature'),
    ]);
  });

  it('merges the title rows across the table and shows the header fields', () => {
    expect(ws().getCell('A1').value).toBe(input.university[lang].toLocaleUpperCase(lang));
    expect(merges(ws())).toContain('A1:J1');
    const title = findRow(ws(), (r) => r.getCell(1).value === `${translate(lang, 'doc.sheet.title.exam')} №\u00a00457`);
    expect(title).toBeGreaterThan(1);
    expect(merges(ws())).toContain(`A${title}:J${title}`);
    const texts: string[] = [];
    for (let r = 1; r < headerRow(); r++) for (let c = 1; c <= 10; c++) texts.push(ws().getRow(r).getCell(c).text);
    const all = texts.join('\n');
    for (const text of ['2026-2027', 'ЭК-1-25', '580100 Экономика', 'Микроэкономика', '15.01.2027', 'Т. Б. Сүйүнбаева', translate(lang, 'doc.sheet.kind.main')]) {
      expect(all, text).toContain(text);
    }
  });

  it('has every student, numbered, with points and totals as numbers and thin borders on every cell', () => {
    const first = headerRow() + 1;
    for (let r = headerRow(); r < first + 60; r++) {
      const row = ws().getRow(r);
      for (let c = 1; c <= 10; c++) {
        const b = row.getCell(c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(b?.[side]?.style, `R${r}C${c} ${side}`).toBe('thin');
      }
      if (r >= first) {
        expect(row.getCell(1).value).toBe(r - first + 1);
        expect(row.getCell(2).alignment?.wrapText, `row ${r}`).toBe(true);
      }
    }
    for (const src of input.rows) {
      const row = rowOf(src.recordBookNo);
      expect(row.getCell(2).value).toBe(fullName(src));
      expect(row.getCell(4).value).toBe(src.parts.m1);
      expect(row.getCell(5).value).toBe(src.parts.m2);
      if (src.mark) {
        expect(row.getCell(6).value ?? null).toBe(null);
        expect(row.getCell(7).value).toBe(translate(lang, `doc.sheet.mark.${src.mark}`, { sex: src.sex }));
        expect(merges(ws())).toContain(`G${row.number}:I${row.number}`);
      } else {
        expect(row.getCell(6).value).toBe(src.parts.exam);
        expect(row.getCell(7).value, src.recordBookNo).toBe(src.total);
        expect(typeof row.getCell(7).value).toBe('number');
        expect(row.getCell(8).value).toBe(src.letter);
        expect(String(row.getCell(9).value)).toMatch(new RegExp(`^${src.traditional} \\(`));
      }
    }
    expect(rowOf('24-01010').getCell(2).value).toBe([LONG_NAME.lastName, LONG_NAME.firstName, LONG_NAME.patronymic].join(' '));
    expect(rowOf('24-01000').getCell(2).value).toBe('Жеңишбеков Үмөтбек Асан уулу');
  });

  it('counts under the table match the rows', () => {
    const value = (label: string) => {
      const r = findRow(ws(), (row) => [1, 5].some((c) => row.getCell(c).value === label) && row.number > headerRow() + 60);
      expect(r, label).toBeGreaterThan(0);
      const row = ws().getRow(r);
      return row.getCell(1).value === label ? row.getCell(3).value : row.getCell(10).value;
    };
    const graded = input.rows.filter((r) => !r.mark);
    for (const g of [5, 4, 3, 2]) {
      expect(value(`${g} (${translate(lang, `doc.sheet.grade.${g}` as 'doc.sheet.grade.5')})`)).toBe(graded.filter((r) => r.traditional === g).length);
    }
    for (const l of LETTERS) expect(value(l), l).toBe(graded.filter((r) => r.letter === l).length);
    expect(value(translate(lang, 'doc.sheet.sum.absent'))).toBe(input.rows.filter((r) => r.mark === 'absent').length);
    expect(value(translate(lang, 'doc.sheet.sum.notAdmitted'))).toBe(input.rows.filter((r) => r.mark === 'not_admitted').length);
    expect(value(translate(lang, 'doc.sheet.sum.students'))).toBe(60);
    const totals = graded.map((r) => r.total!);
    expect(value(translate(lang, 'doc.sheet.sum.average'))).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / totals.length, 1);
    const avgRow = findRow(ws(), (row) => row.getCell(5).value === translate(lang, 'doc.sheet.sum.average'));
    expect(ws().getRow(avgRow).getCell(10).numFmt).toBe('0.0');
  });

  it('ends with the examiner and the dean, their signature and date lines', () => {
    const texts: string[] = [];
    for (let r = headerRow() + 61; r <= ws().rowCount; r++) texts.push(ws().getRow(r).getCell(1).text, ws().getRow(r).getCell(3).text);
    const all = texts.join('\n');
    expect(all).toContain(translate(lang, 'doc.sheet.examiner'));
    expect(all).toContain(translate(lang, 'doc.sheet.dean'));
    expect(all).toContain('Т. Б. Сүйүнбаева');
    expect(all).toContain('Ч. Ө. Үсөнов');
    expect(all).toContain(translate(lang, 'doc.dateBlank'));
  });

  it('uses an office font', () => {
    expect(ws().getCell('A1').font?.name).toBe('Times New Roman');
    expect(ws().getRow(headerRow() + 1).getCell(2).font?.name).toBe('Times New Roman');
  });
});

describe.each(LANGS)('blank grade sheet xlsx (%s)', (lang) => {
  const ws = () => blank.get(lang)!;

  it('has names and record-book numbers only, rows tall enough to write in, and empty counts', () => {
    const head = findRow(ws(), (r) => r.getCell(2).value === translate(lang, 'doc.col.fullName'));
    expect(ws().pageSetup.printTitlesRow).toBe(`${head}:${head}`);
    for (let r = head + 1; r <= head + 25; r++) {
      const row = ws().getRow(r);
      expect(String(row.getCell(2).value)).not.toBe('');
      expect(String(row.getCell(3).value)).toMatch(/^24-0\d{4}$/);
      for (let c = 4; c <= 10; c++) expect(row.getCell(c).value ?? '', `R${r}C${c}`).toBe('');
      expect(row.height).toBeGreaterThanOrEqual(24);
    }
    // the long name gets a taller row than the others
    const long = findRow(ws(), (r) => r.getCell(3).value === '24-01010');
    expect(ws().getRow(long).height).toBeGreaterThan(24);
    const grade5 = findRow(ws(), (r) => r.getCell(1).value === `5 (${translate(lang, 'doc.sheet.grade.5')})`);
    expect(ws().getRow(grade5).getCell(3).value ?? '').toBe('');
    const average = findRow(ws(), (r) => r.getCell(5).value === translate(lang, 'doc.sheet.sum.average'));
    expect(ws().getRow(average).getCell(10).value ?? '').toBe('');
    const students = findRow(ws(), (r) => r.getCell(5).value === translate(lang, 'doc.sheet.sum.students'));
    expect(ws().getRow(students).getCell(10).value).toBe(25);
  });
});
