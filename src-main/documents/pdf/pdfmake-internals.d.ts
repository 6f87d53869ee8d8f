// pdfmake's own classes (untyped): the pdf-*.ts patches (font cache, content buffer, style
// lookup, stream compression, measure cache) wrap methods of them.
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
declare module 'pdfmake/js/StyleContextStack' {
  const StyleContextStack: unknown;
  export default StyleContextStack;
}
declare module 'pdfmake/js/Renderer' {
  const Renderer: unknown;
  export default Renderer;
}
declare module 'pdfmake/js/DocMeasure' {
  const DocMeasure: unknown;
  export default DocMeasure;
}
// fontkit (pdfkit's font engine), as far as pdf-drawn-table.ts measures with it
declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    layout(text: string): { advanceWidth: number };
  }
  export function openSync(file: string): Font;
}
