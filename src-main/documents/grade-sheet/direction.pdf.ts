/**
 * The direction (жолдомо / направление): one student's paper for a retake or an individual
 * exam. The dean's office hands it to the student; the examiner writes the result on it and
 * it returns to the dean's office, where the result goes into the sheet it belongs to. One
 * page per student of a retake or individual sheet: the sheet's header fields, the student,
 * the result (filled when it is already entered), validity and the signatures of the sheet.
 */
import type { Content, ContentStack, TableCell } from 'pdfmake/interfaces';
import { fullName } from '../../../src-shared/domain/person';
import { translate, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { GradeSheetDocumentInput } from '../grade-sheet-document.model';
import type { DocumentLanguage } from '../order-document.model';
import { documentDefinition, render } from '../pdf/pdf';
import { gradeSheetContent, type GradeSheetColumn } from './grade-sheet-content';
import { letterhead, sheetInfo, signatures } from './grade-sheet.pdf';

const INFO_SIZE = 10.5;
const line = (width: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5 }], margin: [0, 12, 0, 0] });

export function renderDirectionPdf(input: GradeSheetDocumentInput, lang: DocumentLanguage): Promise<Buffer> {
  const t = (key: MessageKey, values?: MessageValues) => translate(lang, key, values);
  const c = gradeSheetContent(input, lang);
  const sorted = [...input.rows].sort((a, b) => a.position - b.position);
  const at = (key: GradeSheetColumn['key']) => c.columns.findIndex((col) => col.key === key);
  const maxTotal = input.parts.length ? input.parts.reduce((sum, p) => sum + p.max, 0) : 100;
  const resultLines: [string, number][] = [
    [t('doc.direction.points', { max: maxTotal }), at('total')],
    ...(at('result') >= 0
      ? ([[c.columns[at('result')]!.header, at('result')]] as [string, number][])
      : ([
          [c.columns[at('letter')]!.header, at('letter')],
          [c.columns[at('traditional')]!.header, at('traditional')],
        ] as [string, number][])),
  ];
  const field = (label: string, value: string): TableCell[] => [{ text: `${label}:` }, { text: value, bold: true }];

  const pages: Content[] = sorted.map((row, i) => {
    const printed = c.rows[i]!;
    const number = sorted.length > 1 ? `${input.number}/${row.position}` : input.number;
    const result: TableCell[][] = printed.mark
      ? [field(t('doc.direction.result'), printed.mark)]
      : resultLines.map(([label, col]) => (printed.texts[col] ? field(label, printed.texts[col]!) : [{ text: `${label}:` }, line(150)]));
    const stack: Content[] = [
      ...letterhead(c),
      { text: `${t('doc.direction.title')} ${t('doc.direction.number', { number })}`, bold: true, alignment: 'center', fontSize: 14, characterSpacing: 1, margin: [0, 12, 0, 0] },
      {
        text: t('doc.direction.purpose', { kind: input.kind === 'retake' ? 'retake' : 'individual', control: translate(lang, `doc.sheet.control.${input.controlForm}`) }),
        alignment: 'center',
        margin: [0, 2, 0, 0],
      },
      { text: c.kindText, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 12] },
      {
        layout: 'noBorders',
        fontSize: INFO_SIZE + 1,
        table: { widths: ['auto', '*'], body: [field(t('doc.direction.student'), fullName(row)), field(t('doc.sheet.col.recordBook'), row.recordBookNo)] },
        margin: [0, 0, 0, 8],
      },
      // the sheet's own fields: discipline, group, semester, control form, examiner, date
      sheetInfo(c, [0, 0, 0, 10], INFO_SIZE),
      { text: t('doc.direction.result'), bold: true, fontSize: INFO_SIZE + 1, margin: [0, 4, 0, 2] },
      { layout: 'noBorders', fontSize: INFO_SIZE, table: { widths: ['auto', 160], body: result } },
      { layout: 'noBorders', fontSize: INFO_SIZE, table: { widths: ['auto', 160], body: [[{ text: `${t('doc.direction.validUntil')}:` }, line(150)]] }, margin: [0, 8, 0, 0] },
      signatures(c),
      { text: t('doc.direction.returnNote', { number: input.number }), fontSize: 9, italics: true, margin: [0, 14, 0, 0] },
    ];
    const page: ContentStack = i > 0 ? { stack, pageBreak: 'before' } : { stack };
    return page;
  });
  const names = sorted.map((r) => fullName(r)).join(', ');
  return render(
    documentDefinition(pages, {
      lang,
      title: t('doc.direction.fileTitle', { number: input.number, name: names }),
      subject: c.subject,
      // handed out before the exam: no "not final" mark (the sheet it belongs to carries that)
      footerNote: c.footerNote,
    }),
  );
}
