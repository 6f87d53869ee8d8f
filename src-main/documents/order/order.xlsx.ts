/**
 * The order as an xlsx workbook: the same content as the PDF (order-content.ts) on one sheet,
 * with merged title rows, the student list bordered and its header repeated on every printed
 * page, A4 portrait scaled to the page width.
 */
import { translate } from '../../../src-shared/i18n';
import { addBlankRow, addPrintSheet, addSplitRow, addTable, addTitleRow, createWorkbook, toBuffer } from '../excel/xlsx';
import type { DocumentLanguage, OrderDocumentInput } from '../order-document.model';
import { orderContent, type OrderColumn } from './order-content';

/** Widths in Excel character units (about one 11 pt character each). */
const WIDTHS: Record<OrderColumn['key'], number> = {
  no: 5,
  fullName: 38,
  recordBook: 14,
  group: 16,
  specialty: 24,
  specialtyFull: 30,
  qualification: 14,
  course: 8,
  form: 15,
  funding: 13,
  status: 18,
  leave: 15,
  newName: 34,
  note: 17,
};

const CENTERED: ReadonlySet<OrderColumn['key']> = new Set(['no', 'recordBook', 'group', 'course', 'funding', 'form', 'leave']);

export async function renderOrderXlsx(input: OrderDocumentInput, lang: DocumentLanguage): Promise<Buffer> {
  const c = orderContent(input, lang);
  const wb = createWorkbook({ title: c.fileTitle, subject: c.subject });
  const ws = addPrintSheet(wb, c.sheetName, {
    widths: c.columns.map((col) => WIDTHS[col.key]),
    footerLeft: c.footerNote,
    // &P and &N are Excel's page and page-count codes
    footerRight: translate(lang, 'doc.page', { page: '&P', total: '&N' }),
    headerCenter: c.mark,
  });

  addTitleRow(ws, c.university, { bold: true, align: 'center' });
  if (c.faculty) addTitleRow(ws, c.faculty, { align: 'center', size: 11 });
  addBlankRow(ws);
  addTitleRow(ws, c.title, { bold: true, align: 'center', size: 14 });
  // the date over the name columns, the number over the rest
  addSplitRow(ws, c.dateText, c.numberText, Math.min(2, c.columns.length - 1), { bold: false });
  addTitleRow(ws, c.place, { align: 'center' });
  addBlankRow(ws);
  addTitleRow(ws, c.subject, { bold: true });
  if (c.basis) addTitleRow(ws, c.basis, { align: 'justify' });
  if (c.expulsionReason) addTitleRow(ws, c.expulsionReason, { align: 'justify' });
  addTitleRow(ws, c.operative, { bold: true });
  addTitleRow(ws, c.action, { align: 'justify' });
  addBlankRow(ws);

  const numeric = (key: OrderColumn['key'], v: string) => ((key === 'no' || key === 'course') && /^\d+$/.test(v) ? Number(v) : v);
  addTable(ws, {
    header: c.columns.map((col) => col.header),
    rows: c.rows.map((r) => r.map((v, i) => numeric(c.columns[i]!.key, v))),
    align: c.columns.map((col) => (CENTERED.has(col.key) ? 'center' : 'left')),
  });

  addTitleRow(ws, c.total);
  if (c.totalHonours) addTitleRow(ws, c.totalHonours);
  if (c.signatories.length) {
    addBlankRow(ws, 24);
    for (const s of c.signatories) {
      // position over the name columns, a line to sign on, the name at the right
      addSplitRow(ws, s.position, `______________   ${s.name}`, Math.min(2, c.columns.length - 1), { bold: false });
      addBlankRow(ws, 18);
    }
    addTitleRow(ws, c.stamp, { size: 9 });
  }
  if (c.visas.length) {
    addBlankRow(ws, 12);
    addTitleRow(ws, c.visasTitle, { size: 9 });
    for (const v of c.visas) addSplitRow(ws, v.position, `______________   ${v.name}`, Math.min(2, c.columns.length - 1), { bold: false });
  }
  if (c.executor) {
    addBlankRow(ws, 12);
    addTitleRow(ws, c.executor, { size: 8 });
  }
  return toBuffer(wb);
}
