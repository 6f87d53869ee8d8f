/**
 * The one PDF pipeline (STYLE.md "one document pipeline"): every printed document is a
 * pdfmake definition built by a `*.pdf.ts` file and turned into bytes here, with the same
 * page, fonts, footer and metadata. Documents only lay out content.
 */
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, Node, TDocumentDefinitions } from 'pdfmake/interfaces';
import { translate, type Locale } from '../../../src-shared/i18n';
import { installPdfPatches } from './pdf-patches';
import { FONT_SANS, FONT_SERIF, fontFiles, fontsDir } from './pdf-fonts';

/** Points in one millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;

/**
 * Left 25 mm leaves room to file and bind the signed copy; 20 mm at the bottom holds the
 * footer and keeps signatures off the edge a printer cannot reach (offices print on
 * whatever is at hand, and many printers lose 5 mm).
 */
export const PAGE_MARGINS: [number, number, number, number] = [25 * MM, 15 * MM, 15 * MM, 20 * MM];

export type Orientation = 'portrait' | 'landscape';

/** A4 content width in points, for documents that size columns themselves. */
export function contentWidth(orientation: Orientation = 'portrait'): number {
  return (orientation === 'portrait' ? 595.28 : 841.89) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/** Body text size; tables use TABLE_FONT_SIZE so a 4-column change still leaves room for names. */
export const BODY_FONT_SIZE = 12;
export const TABLE_FONT_SIZE = 10;
export const FOOTER_FONT_SIZE = 8;

export const CREATOR = 'UniDesk';

let registeredDir: string | null = null;

/** Registers the fonts once per folder (pdfmake keeps them in a module-wide dictionary). */
function ensureFonts(): void {
  installPdfPatches();
  const dir = fontsDir();
  if (registeredDir === dir) return;
  pdfmake.setFonts(fontFiles(dir));
  // Documents never fetch anything: no URL may be loaded, and only our font files read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(dir + path.sep));
  registeredDir = dir;
}

export interface PageOptions {
  lang: Locale;
  /** the PDF title (shown by viewers and in the print queue) */
  title: string;
  subject?: string;
  /** left of the footer on every page, e.g. "№ 12-п · 01.09.2026", so a loose page finds its document */
  footerNote?: string;
  /** a mark on every page, e.g. "ДОЛБООР" on a draft: diagonal across it and a line at the top */
  mark?: string | null;
  orientation?: Orientation;
}

/** Wraps content in the common page: A4, margins, fonts, "page X of Y" footer, metadata. */
export function documentDefinition(content: Content, opts: PageOptions): TDocumentDefinitions {
  const [left, , right] = PAGE_MARGINS;
  return {
    content,
    pageSize: 'A4',
    pageOrientation: opts.orientation ?? 'portrait',
    pageMargins: PAGE_MARGINS,
    language: opts.lang,
    info: { title: opts.title, subject: opts.subject, creator: CREATOR, producer: CREATOR },
    defaultStyle: { font: FONT_SERIF, fontSize: BODY_FONT_SIZE, lineHeight: 1.1 },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [left, 8 * MM, right, 0],
      fontSize: FOOTER_FONT_SIZE,
      columns: [
        { text: opts.footerNote ?? '', alignment: 'left' },
        { text: translate(opts.lang, 'doc.page', { page: currentPage, total: pageCount }), alignment: 'right' },
      ],
    }),
    // a mark is both diagonal across the page (hard to miss, hard to cut off) and a plain
    // line at the top (readable by search and by pdftotext, which garbles rotated text)
    ...(opts.mark
      ? {
          watermark: { text: opts.mark, font: FONT_SANS, bold: true, color: '#a00000', opacity: 0.13 },
          header: {
            text: opts.mark,
            font: FONT_SANS,
            bold: true,
            fontSize: 10,
            color: '#a00000',
            characterSpacing: 2,
            alignment: 'center',
            margin: [left, 6 * MM, right, 0],
          },
        }
      : {}),
  };
}

/** Lays out and encodes a document; the fonts are embedded (subset) in the result. */
export async function render(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  ensureFonts();
  // pdfmake writes its defaults into the definition (and annotates the content nodes, so a
  // definition is rendered once): the shallow copy keeps the caller's top level as built
  const doc = pdfmake.createPdf({ ...docDefinition });
  return doc.getBuffer();
}

/** Ids the layout check below looks for: the last list table, and the closing (signatures) block. */
export const LIST_END_ID = 'unidesk-list-end';
export const CLOSING_ID = 'unidesk-closing';

/** pdfmake honours `id` on any node (its page-break hook reports it); its types declare it only on text. */
export function withId<T extends Content>(node: T, id: string): T {
  return Object.assign(node as object, { id }) as T;
}

/** Thrown from the layout hook: the first layout needs its rows carried, so it is not drawn. */
class CarryRows extends Error {}

/**
 * Renders build(false); if the closing block (signatures) would start a page with no list
 * rows on it, renders build(true), in which the document carries its last rows over to that
 * page. A signature page with nothing of the list on it could be stapled to any list.
 */
export async function renderKeepingClosing(build: (carryRows: boolean) => TDocumentDefinitions): Promise<Buffer> {
  let listEnd = 0;
  try {
    return await render({
      ...build(false),
      // pdfmake calls this after the layout, before drawing anything, for each node in
      // document order (the list before the closing block): stopping there spares drawing
      // and encoding a document that would be thrown away
      pageBreakBefore: (node: Node) => {
        if (node.id === LIST_END_ID) listEnd = Math.max(...node.pageNumbers);
        if (node.id === CLOSING_ID && (node.pageNumbers[0] ?? 0) > listEnd) throw new CarryRows();
        return false;
      },
    });
  } catch (e) {
    if (!(e instanceof CarryRows)) throw e;
  }
  return render(build(true));
}
