/** A transcript as xlsx: the same content as the PDF, print-ready on A4 with the header row repeated. */
import type { TranscriptDocumentInput, TranscriptLanguage } from '../transcript-document.model';
import { addBlankRow, addPrintSheet, addSplitRow, addTable, addTitleRow, createWorkbook, toBuffer } from '../excel/xlsx';
import { transcriptContent } from './transcript-content';

/** column widths in Excel units: №, discipline, credits, hours, form, points, letter, GPA, grade */
const WIDTHS = [5, 42, 8, 7, 16, 8, 7, 8, 18];

export async function renderTranscriptXlsx(input: TranscriptDocumentInput, lang: TranscriptLanguage): Promise<Buffer> {
  const c = transcriptContent(input, lang);
  const wb = createWorkbook({ title: c.fileTitle, subject: c.title });
  const ws = addPrintSheet(wb, c.title, { widths: WIDTHS, footerLeft: c.footerNote, footerRight: '&P / &N' });
  addTitleRow(ws, c.university, { bold: true, align: 'center' });
  addTitleRow(ws, c.faculty, { align: 'center', size: 11 });
  addTitleRow(ws, c.title, { bold: true, align: 'center', size: 14 });
  addTitleRow(ws, c.subtitle, { align: 'center', size: 11 });
  for (const f of c.fields) addSplitRow(ws, f.label, f.value, 2, { size: 11 });
  addBlankRow(ws);
  const range = addTable(ws, {
    header: c.headers,
    rows: c.rows.map((r) => (r.kind === 'line' ? r.cells : [r.text, ...c.headers.slice(1).map(() => null)])),
    align: ['center', 'left', 'center', 'center', 'left', 'center', 'center', 'center', 'left'],
    size: 10,
  });
  // a semester's heading and total run across the table
  c.rows.forEach((r, i) => {
    if (r.kind === 'line') return;
    const n = range.firstRow + i;
    ws.mergeCells(n, 1, n, c.headers.length);
    const cell = ws.getRow(n).getCell(1);
    cell.alignment = { horizontal: r.kind === 'heading' ? 'left' : 'right', vertical: 'top', wrapText: true };
    cell.font = { ...cell.font, bold: true };
  });
  addBlankRow(ws);
  addTitleRow(ws, c.cumulative, { bold: true });
  addTitleRow(ws, c.gpaNote, { size: 9 });
  addBlankRow(ws, 16);
  for (const s of c.signatures) addSplitRow(ws, `${s.position} ____________`, s.name, 5, { bold: true });
  addTitleRow(ws, c.seal, { size: 9 });
  return toBuffer(wb);
}
