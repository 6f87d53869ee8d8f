/**
 * A transcript as PDF: the university, the title, the student's fields, one table of every
 * semester (its header row repeated on each page), cumulative credits and GPA, the GPA rule,
 * and the registrar's and dean's signatures with a place for the seal, kept together.
 */
import type { Content, Margins, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TranscriptDocumentInput, TranscriptLanguage } from '../transcript-document.model';
import { contentWidth, documentDefinition, MM, render } from '../pdf/pdf';
import { drawnListWithClosing, type DrawnColumn, type DrawnRow } from '../pdf/pdf-drawn-table';
import { signatureTable } from '../pdf/pdf-table';
import { transcriptContent, type TranscriptContent } from './transcript-content';

/** №, discipline (what is left), credits, hours, form, points, letter, GPA points, grade */
const WIDTHS: DrawnColumn['width'][] = [16, '*', 36, 30, 56, 46, 32, 38, 62];
const ALIGN: DrawnColumn['align'][] = ['center', 'left', 'center', 'center', 'left', 'center', 'center', 'center', 'left'];
const FONT = 8.5;

function header(c: TranscriptContent): Content[] {
  return [
    { text: c.university, bold: true, alignment: 'center', fontSize: 12 },
    { text: c.faculty, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 0] },
    { text: c.title, bold: true, alignment: 'center', fontSize: 15, characterSpacing: 2, margin: [0, 12, 0, 0] },
    { text: c.subtitle, alignment: 'center', fontSize: 10, margin: [0, 2, 0, c.register ? 2 : 10] },
    ...(c.register ? [{ text: c.register.numberLine, alignment: 'center' as const, fontSize: 10, margin: [0, 0, 0, 10] as Margins }] : []),
    {
      layout: 'noBorders',
      fontSize: 10,
      margin: [0, 0, 0, 10],
      table: { widths: [150, '*'], body: c.fields.map((f) => [{ text: f.label }, { text: f.value, bold: true }]) },
    },
  ];
}

/**
 * The semesters' table, ending with the last rows, the totals and the signatures on one page.
 * Its rows are drawn (pdf-drawn-table.ts): a transcript has ~70 of them, and a batch prints a
 * thousand transcripts.
 */
function table(c: TranscriptContent): Content {
  const columns: DrawnColumn[] = c.headers.map((h, i) => ({ header: h, width: WIDTHS[i]!, align: ALIGN[i]! }));
  const rows: DrawnRow[] = c.rows.map((r) => (r.kind === 'line' ? { cells: r.cells } : { across: r.text, align: r.kind === 'heading' ? 'left' : 'right' }));
  return drawnListWithClosing({ columns, rows, width: contentWidth(), fontSize: FONT, headerFontSize: FONT - 0.5, padding: 2 }, closing(c));
}

/** the QR's side: as on the certificate of study, readable by a phone camera */
const QR_SIZE = 40 * MM;

function closing(c: TranscriptContent): Content[] {
  const r = c.register;
  return [
    { text: c.cumulative, bold: true, margin: [0, 8, 0, 0] },
    { text: c.gpaNote, fontSize: 8, margin: [0, 4, 0, 0] },
    ...(r?.left ? [{ text: r.left, fontSize: 10, margin: [0, 8, 0, 0] as Margins }] : []),
    signatureTable(c.signatures),
    { text: c.seal, fontSize: 9, margin: [0, 10, 0, 0] },
    ...(r
      ? [{ margin: [0, 14, 0, 0] as Margins, columns: [{ width: QR_SIZE, qr: r.qr, fit: QR_SIZE, eccLevel: 'L' as const }, { width: '*' as const, text: r.verifyText, fontSize: 9, margin: [12, 4, 0, 0] as Margins }] }]
      : []),
  ];
}

function definition(c: TranscriptContent, lang: TranscriptLanguage): TDocumentDefinitions {
  return documentDefinition([...header(c), table(c)], {
    lang,
    title: c.fileTitle,
    subject: c.title,
    footerNote: c.footerNote,
    mark: c.register?.duplicate ?? null,
  });
}

export function renderTranscriptPdf(input: TranscriptDocumentInput, lang: TranscriptLanguage): Promise<Buffer> {
  const c = transcriptContent(input, lang);
  // one layout pass: the closing block rides in the table's last row (renderKeepingClosing
  // laid a fifth of the transcripts out twice)
  return render(definition(c, lang));
}
