/**
 * Renders one of every kind of printed document into a folder (argv[2]), in one process and in
 * this order, so that later documents take the shared fonts and subsets as a batch does. Run by
 * pdf-golden.test.ts twice — with the speed patches and with UNIDESK_PDF_PATCHES=off — to
 * compare the pages as pixels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderGradeSheetPdf } from '../grade-sheet/grade-sheet.pdf';
import { LONG_NAME as SHEET_LONG_NAME, sampleSheet } from '../grade-sheet/grade-sheet-sample.fixture';
import { renderOrderPdf } from '../order/order.pdf';
import { sampleOrder } from '../order/order-sample.fixture';
import { renderTranscriptPdf } from '../transcript/transcript.pdf';
import { sampleTranscript } from '../transcript/transcript-sample.fixture';
import { installPdfPatches } from './pdf-patches';
import { documentDefinition, render } from './pdf';
import { FONT_SANS } from './pdf-fonts';

/**
 * What today's documents do not do yet but a patch must still get right: words of other
 * colours, opacities, sizes and fonts side by side on one line, and a table with borders of
 * several widths and colours (a patch that joins what should stay apart shows up here).
 */
function styleProbe(): Promise<Buffer> {
  const words = ['Асан', 'уулу', 'Үсөн', 'Жеңиш', 'Өмүр', 'Nurbek'];
  return render(
    documentDefinition(
      [
        { text: words.map((w, i) => ({ text: `${w} `, color: ['#000000', '#a00000', '#0050a0'][i % 3] })) },
        { text: words.map((w, i) => ({ text: `${w} `, opacity: i % 2 ? 0.4 : 1 })) },
        { text: words.map((w, i) => ({ text: `${w} `, fontSize: 9 + (i % 3) * 2, bold: i === 2, font: i === 4 ? FONT_SANS : undefined })) },
        {
          table: { headerRows: 1, widths: ['*', 60, 60], body: [['Аты-жөнү', 'Балл', 'Баа'], ...words.map((w, i) => [w, String(50 + i * 9), { text: i % 2 ? 'B' : 'A', bold: i > 2, color: i === 5 ? '#a00000' : undefined }])] },
          layout: {
            hLineWidth: (i: number) => (i === 1 ? 1.5 : 0.5),
            vLineWidth: (i: number) => (i === 0 || i === 3 ? 1 : 0.3),
            hLineColor: (i: number) => (i % 2 ? '#404040' : '#000000'),
          },
        },
      ],
      { lang: 'ky', title: 'probe', footerNote: 'probe', mark: 'ДОЛБООР' },
    ),
  );
}

export const GOLDEN_DOCUMENTS: Record<string, () => Promise<Buffer>> = {
  'sheet-filled-ky': () => renderGradeSheetPdf(sampleSheet(25), 'ky'),
  'sheet-filled-ru-60': () => renderGradeSheetPdf(sampleSheet(60), 'ru'),
  'sheet-blank-ky': () => renderGradeSheetPdf(sampleSheet(25, { blank: true, examDate: null }), 'ky'),
  'sheet-other-letters-ru': () => {
    const s = sampleSheet(12);
    const rows = s.rows.map((r, i) => (i === 3 ? { ...r, ...SHEET_LONG_NAME, firstName: 'Әсел' } : r));
    return renderGradeSheetPdf({ ...s, rows }, 'ru');
  },
  'order-promotion-ky': () => renderOrderPdf(sampleOrder('promotion', 45), 'ky'),
  'order-expulsion-draft-ru': () => renderOrderPdf(sampleOrder('expulsion', 20, { state: 'draft', number: null, orderDate: null }), 'ru'),
  'order-cancellation-ky': () => renderOrderPdf(sampleOrder('cancellation', 5), 'ky'),
  // two in a row, as a batch prints them: the second reuses what the first measured
  'transcript-ru': () => renderTranscriptPdf(sampleTranscript(30), 'ru'),
  'transcript-ky': () => renderTranscriptPdf(sampleTranscript(44), 'ky'),
  'style-probe': styleProbe,
};

async function main(): Promise<void> {
  const out = process.argv[2]!;
  fs.mkdirSync(out, { recursive: true });
  const patched = installPdfPatches(() => undefined);
  for (const [name, render] of Object.entries(GOLDEN_DOCUMENTS)) fs.writeFileSync(path.join(out, `${name}.pdf`), await render());
  process.stdout.write(JSON.stringify({ patched }));
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  });
}
