/**
 * An order (буйрук / приказ) as PDF, laid out the way Kyrgyz and Russian university orders
 * are: university, the word БУЙРУК, date left and number right, place, subject, basis, the
 * operative word, what happens from the effective date, the list of students, signatures.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentLanguage, OrderDocumentInput } from '../order-document.model';
import { contentWidth, documentDefinition, renderKeepingClosing, type Orientation } from '../pdf/pdf';
import { fitColumns, type ColumnFit } from '../pdf/pdf-columns';
import { closingBlock, listTables, signatureTable, type ListColumn } from '../pdf/pdf-table';
import { orderContent, type OrderColumn, type OrderContent } from './order-content';

/**
 * Names take what the short columns leave; they get at least NAME_FLOOR (two lines at most
 * for almost any name at 10 pt) before the short columns grow past their longest word.
 */
const NAME_FLOOR = 160;
/** … each, when the old and the new name stand side by side. */
const NAME_FLOOR_PAIR = 120;

const isName = (key: OrderColumn['key']) => key === 'fullName' || key === 'newName';

interface TableLayout {
  orientation: Orientation;
  widths: number[];
}

/** A4 portrait, unless the list has so many changing columns that only landscape holds them. */
function layoutFor(c: OrderContent): TableLayout {
  const names = c.columns.filter((col) => isName(col.key)).length;
  const fits: ColumnFit[] = c.columns.map((col) =>
    isName(col.key) ? { star: true, floor: names > 1 ? NAME_FLOOR_PAIR : NAME_FLOOR, breakLongWords: true } : {},
  );
  const header = c.columns.map((col) => col.header);
  for (const orientation of ['portrait', 'landscape'] as const) {
    const widths = fitColumns(header, c.rows, fits, contentWidth(orientation));
    if (widths) return { orientation, widths };
  }
  throw new Error(`The order list (${c.columns.length} columns) does not fit an A4 page even in landscape.`);
}

const CENTERED: ReadonlySet<OrderColumn['key']> = new Set(['no', 'recordBook', 'group', 'course', 'funding', 'form', 'leave']);

function header(c: OrderContent, orientation: Orientation): Content[] {
  const rule: Content = {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(orientation), y2: 0, lineWidth: 1 }],
    margin: [0, 4, 0, 0],
  };
  return [
    { text: c.university, bold: true, alignment: 'center', fontSize: 12 },
    ...(c.faculty ? [{ text: c.faculty, alignment: 'center' as const, fontSize: 11, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
    rule,
    { text: c.title, bold: true, alignment: 'center', fontSize: 16, characterSpacing: 3, margin: [0, 14, 0, 10] },
    {
      columns: [
        { text: c.dateText, alignment: 'left' },
        { text: c.numberText, alignment: 'right', bold: c.isDraft },
      ],
    },
    { text: c.place, alignment: 'center', margin: [0, 4, 0, 14] },
    { text: c.subject, bold: true, margin: [0, 0, 0, 10] },
  ];
}

function preamble(c: OrderContent): Content[] {
  const out: Content[] = [];
  if (c.basis) out.push({ text: c.basis, margin: [0, 0, 0, 4] });
  if (c.expulsionReason) out.push({ text: c.expulsionReason, margin: [0, 0, 0, 4] });
  out.push({ text: c.operative, bold: true, margin: [0, 8, 0, 6] });
  out.push({ text: c.action, margin: [0, 0, 0, 8] });
  return out;
}

function studentTables(c: OrderContent, layout: TableLayout, carryRows: boolean): Content[] {
  const columns: ListColumn[] = c.columns.map((col, i) => ({
    header: col.header,
    width: layout.widths[i]!,
    align: CENTERED.has(col.key) ? 'center' : 'left',
  }));
  return listTables({ columns, rows: c.rows }, carryRows);
}

/** Total, signatures and seal place: one block that never breaks across pages. */
function closing(c: OrderContent): Content[] {
  const signatures: Content[] = c.signatories.length
    ? [
        signatureTable(c.signatories, 22),
        { text: c.stamp, fontSize: 9, margin: [0, 10, 0, 0] },
      ]
    : [];
  // visas and the executor, small, under the signatures, as on paper orders
  const visas: Content[] = c.visas.length
    ? [
        { text: c.visasTitle, fontSize: 9, bold: true, margin: [0, 14, 0, 2] },
        {
          layout: 'noBorders',
          fontSize: 9,
          table: {
            widths: ['*', 100, 'auto'],
            body: c.visas.map((v) => [
              { text: v.position, margin: [0, 6, 0, 0] },
              { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 90, y2: 0, lineWidth: 0.5 }], margin: [0, 16, 0, 0] },
              { text: v.name, noWrap: true, margin: [6, 6, 0, 0] },
            ]),
          },
        },
      ]
    : [];
  const executor: Content[] = c.executor ? [{ text: c.executor, fontSize: 8, margin: [0, 12, 0, 0] }] : [];
  return closingBlock([
    { text: c.total, margin: [0, 6, 0, 0] },
    ...(c.totalHonours ? [{ text: c.totalHonours }] : []),
    ...signatures,
    ...visas,
    ...executor,
  ]);
}

function definition(c: OrderContent, lang: DocumentLanguage, carryRows: boolean): TDocumentDefinitions {
  const layout = layoutFor(c);
  const { orientation } = layout;
  const content: Content[] = [...header(c, orientation), ...preamble(c), ...studentTables(c, layout, carryRows), ...closing(c)];
  return documentDefinition(content, {
    lang,
    orientation,
    title: c.fileTitle,
    subject: c.subject,
    footerNote: c.footerNote,
    mark: c.mark,
  });
}

/** The pdfmake definition of the order (one layout; renderOrderPdf may move rows, see there). */
export function orderPdfDefinition(input: OrderDocumentInput, lang: DocumentLanguage): TDocumentDefinitions {
  return definition(orderContent(input, lang), lang, false);
}

export function renderOrderPdf(input: OrderDocumentInput, lang: DocumentLanguage): Promise<Buffer> {
  const c = orderContent(input, lang);
  return renderKeepingClosing((carryRows) => definition(c, lang, carryRows));
}
