/**
 * A certificate of study as PDF: letterhead, title, number and date (and "DUPLICATE" on a
 * reprint), the text, signatures with a place for the seal, and at the foot the QR anyone can
 * scan to check it, with the short code for typing by hand.
 */
import type { Content } from 'pdfmake/interfaces';
import type { CertificateDocumentInput, CertificateLanguage } from '../certificate-document.model';
import { contentWidth, documentDefinition, MM, render } from '../pdf/pdf';
import { signatureTable } from '../pdf/pdf-table';
import { certificateContent } from './certificate-content';

/** the QR's side: 40 mm holds the ~900-character code in modules a phone camera reads */
const QR_SIZE = 40 * MM;

export function renderCertificatePdf(input: CertificateDocumentInput, lang: CertificateLanguage): Promise<Buffer> {
  const c = certificateContent(input, lang);
  const content: Content[] = [
    { text: c.university, bold: true, alignment: 'center', fontSize: 12 },
    { text: c.faculty, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 0] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(), y2: 0, lineWidth: 1 }], margin: [0, 6, 0, 0] },
    { text: c.title, bold: true, alignment: 'center', fontSize: 16, margin: [0, 18, 0, 4] },
    { text: c.numberLine, alignment: 'center', margin: [0, 0, 0, 4] },
    ...(c.duplicate ? [{ text: c.duplicate, bold: true, alignment: 'center' as const, color: '#a00000', margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
    ...c.paragraphs.map((p): Content => ({ text: p, alignment: 'justify', leadingIndent: 28, margin: [0, 10, 0, 0], lineHeight: 1.25 })),
    {
      unbreakable: true,
      stack: [
        signatureTable(c.signatures, 28),
        { text: c.seal, fontSize: 9, margin: [0, 10, 0, 0] },
        {
          margin: [0, 24, 0, 0],
          columns: [
            { width: QR_SIZE, qr: c.qr, fit: QR_SIZE, eccLevel: 'L' },
            { width: '*', text: c.verifyText, fontSize: 9, margin: [12, 4, 0, 0] },
          ],
        },
      ],
    },
  ];
  return render(documentDefinition(content, { lang, title: c.fileTitle, subject: c.title, footerNote: c.footerNote, mark: c.duplicate }));
}
