// pdfmake's own pdfkit document class (untyped): pdf-font-cache.ts and pdf-content-buffer.ts
// wrap methods of it.
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
