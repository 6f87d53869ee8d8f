import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import type { DocumentLanguage } from '../order-document.model';
import { renderOrderXlsx } from './order.xlsx';
import { LONG_NAME, sampleOrder } from './order-sample.fixture';

const LANGS: DocumentLanguage[] = ['ky', 'ru'];
const sheets = new Map<DocumentLanguage, ExcelJS.Worksheet>();

/** Reads the file back as Excel would get it, not the object we built. */
async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

function findRow(ws: ExcelJS.Worksheet, predicate: (values: unknown[]) => boolean): number {
  for (let r = 1; r <= ws.rowCount; r++) if (predicate(ws.getRow(r).values as unknown[])) return r;
  return -1;
}

beforeAll(async () => {
  for (const lang of LANGS) sheets.set(lang, await load(await renderOrderXlsx(sampleOrder('promotion', 120), lang)));
});

describe.each(LANGS)('order xlsx, 120 students (%s)', (lang) => {
  const ws = () => sheets.get(lang)!;
  const headerRow = () => findRow(ws(), (v) => v[2] === translate(lang, 'doc.col.fullName'));

  it('prints on A4 portrait, fitted to one page wide', () => {
    const ps = ws().pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('portrait');
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
  });

  it('repeats the table header row on every printed page', () => {
    expect(headerRow()).toBeGreaterThan(5);
    expect(ws().pageSetup.printTitlesRow).toBe(`${headerRow()}:${headerRow()}`);
    const header = ws().getRow(headerRow()).values as unknown[];
    expect(header.slice(1)).toEqual([
      translate(lang, 'doc.col.no'),
      translate(lang, 'doc.col.fullName'),
      translate(lang, 'doc.col.recordBook'),
      translate(lang, 'doc.col.group'),
      translate(lang, 'doc.col.course'),
    ]);
  });

  it('merges the title rows across the table width', () => {
    const merges: string[] = (ws().model as unknown as { merges: string[] }).merges;
    expect(ws().getCell('A1').value).toBe(sampleOrder().university[lang].toLocaleUpperCase(lang));
    expect(merges).toContain('A1:E1');
    const title = findRow(ws(), (v) => v[1] === translate(lang, 'doc.order.title'));
    expect(merges).toContain(`A${title}:E${title}`);
    const subject = findRow(ws(), (v) => v[1] === translate(lang, 'doc.order.subject.promotion'));
    expect(merges).toContain(`A${subject}:E${subject}`);
    // date on the left, number on the right of one line
    const dateRow = findRow(ws(), (v) => v[1] === '28.08.2026');
    expect(ws().getRow(dateRow).getCell(3).value).toBe('№\u00a012-п');
  });

  it('has all students with wrapped names and thin borders on every table cell', () => {
    const first = headerRow() + 1;
    const names = new Set<string>();
    for (let r = headerRow(); r < first + 120; r++) {
      const row = ws().getRow(r);
      for (let c = 1; c <= 5; c++) {
        const b = row.getCell(c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(b?.[side]?.style, `R${r}C${c} ${side}`).toBe('thin');
      }
      if (r >= first) {
        expect(row.getCell(1).value).toBe(r - first + 1);
        expect(row.getCell(2).alignment?.wrapText, `row ${r}`).toBe(true);
        names.add(String(row.getCell(2).value));
      }
    }
    expect(names.size).toBeGreaterThan(100);
    expect(names).toContain('Өмүралиева Айжаркын Төлөнбаевна');
    expect(names).toContain('Жеңишбеков Үмөтбек Асан уулу');
    expect(names).toContain([LONG_NAME.lastName, LONG_NAME.firstName, LONG_NAME.patronymic].join(' '));
    // nothing after the list is drawn as part of it
    expect(ws().getRow(first + 120).getCell(1).value).toBe(translate(lang, 'doc.order.total', { count: 120 }));
  });

  it('uses an office font and puts "page X of Y" in the footer', () => {
    expect(ws().getCell('A1').font?.name).toBe('Times New Roman');
    expect(ws().getRow(headerRow() + 1).getCell(2).font?.name).toBe('Times New Roman');
    const footer = ws().headerFooter.oddFooter ?? '';
    expect(footer).toContain(translate(lang, 'doc.page', { page: '&P', total: '&N' }));
  });
});

describe('order xlsx: drafts', () => {
  it('heads a draft БУЙРУКТУН ДОЛБООРУ and marks the page header', async () => {
    const ws = await load(await renderOrderXlsx(sampleOrder('expulsion', 3, { state: 'draft', number: null, orderDate: null }), 'ky'));
    const row = findRow(ws, (v) => v.includes('БУЙРУКТУН ДОЛБООРУ'));
    expect(row).toBeGreaterThan(0);
    expect(ws.headerFooter.oddHeader).toContain('ДОЛБООР');
    expect(findRow(ws, (v) => v.some((x) => typeof x === 'string' && x.includes('Окуудан чыгаруунун себеби')))).toBeGreaterThan(0);
  });
});
