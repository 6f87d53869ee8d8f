/**
 * Page content handed to pdfkit in one piece. pdfkit turns every drawing operator it writes
 * ("0.5 w", "BT", one word's glyphs…) into a Buffer of its own at once; a grade sheet page
 * has thousands of them, and those small Buffers (and the garbage they leave) cost more than
 * a tenth of a sheet's time. Here operators are kept as strings until the page is closed and
 * written to it joined by the same newlines — less those that set the graphics state to what
 * it already is (pdf-graphics-state.ts).
 */
import PdfmakeDocumentModule from 'pdfmake/js/PDFDocument';
import { GraphicsState } from './pdf-graphics-state';
import { pdfmakePrototype, once } from './pdfmake-class';

interface PdfkitPage {
  write(chunk: string): void;
}

const PENDING = Symbol('unidesk.pendingContent');

/** pdfmake's PDFDocument (a pdfkit document), as far as this file uses it. */
interface PdfkitDocument {
  page: PdfkitPage;
  addContent(data: string): PdfkitDocument;
  flushPages(): void;
  [PENDING]?: Pending;
}

interface Pending {
  page: PdfkitPage | null;
  lines: string[];
  direct: boolean;
  /** the graphics state of the page being written (see pdf-graphics-state.ts) */
  state: GraphicsState;
}

function pendingOf(doc: PdfkitDocument): Pending {
  return (doc[PENDING] ??= { page: null, lines: [], direct: false, state: new GraphicsState() });
}

function writePending(doc: PdfkitDocument): void {
  const p = pendingOf(doc);
  if (p.page && p.lines.length) p.page.write(p.lines.join('\n'));
  p.page = null;
  p.lines = [];
}

/** Makes every later pdfmake document buffer its page content; idempotent. */
export const installContentBuffer = once((): void => {
  const proto = pdfmakePrototype<PdfkitDocument>(PdfmakeDocumentModule);
  const flushPages = proto.flushPages;

  proto.addContent = function (this: PdfkitDocument, data: string): PdfkitDocument {
    const p = pendingOf(this);
    if (p.direct) {
      this.page.write(data);
      return this;
    }
    // another page (a new one, or one switched back to): what was kept belongs to the previous one
    if (p.page !== this.page) {
      writePending(this);
      p.page = this.page;
      p.state = new GraphicsState();
    }
    if (p.state.keep(data)) p.lines.push(data);
    return this;
  };

  // pdfkit closes pages here (on a new page and at the end of the document): their content
  // must be complete by then, and whatever pdfkit adds while closing them goes straight in
  proto.flushPages = function (this: PdfkitDocument): void {
    writePending(this);
    const p = pendingOf(this);
    p.direct = true;
    try {
      flushPages.call(this);
    } finally {
      p.direct = false;
    }
  };
});
