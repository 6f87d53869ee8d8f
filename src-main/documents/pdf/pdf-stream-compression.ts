/**
 * How pdfkit compresses the streams of a PDF (page content, embedded fonts). pdfkit deflates
 * every stream at zlib's default level 6; level 1 takes a third of the time and the files grow
 * by about a tenth (the page content is short operators, the fonts are glyph outlines —
 * neither gains much from the slower levels). A stream whose bytes were compressed before
 * (the same font subset in every sheet of a batch, see pdf-font-subset.ts) is not compressed
 * again: `compressOnce` hands over its deflated bytes.
 */
import zlib from 'node:zlib';
import PdfmakeDocumentModule from 'pdfmake/js/PDFDocument';
import { pdfmakePrototype, once } from './pdfmake-class';

/** pdfkit's PDFReference (an indirect object, maybe with a stream), as far as this file uses it. */
interface PdfkitReference {
  compress: boolean;
  buffer: Uint8Array[] | Buffer;
  finalize(): void;
}

interface PdfkitDocument {
  ref(data?: unknown): PdfkitReference;
}

export const DEFLATE_LEVEL = 1;

/** Deflated bytes by the stream bytes they were made from (the same Buffer object). */
const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * Marks `bytes` as a stream to be deflated once: whenever the very same Buffer is written as
 * a whole stream again, its deflated bytes are reused.
 */
export function compressOnce(bytes: Uint8Array): Uint8Array {
  if (!deflated.has(bytes)) deflated.set(bytes, zlib.deflateSync(bytes, { level: DEFLATE_LEVEL }));
  return bytes;
}

function patchReference(proto: PdfkitReference): void {
  const finalize = proto.finalize;
  proto.finalize = function (this: PdfkitReference): void {
    const chunks = this.buffer;
    if (this.compress && Array.isArray(chunks) && chunks.length) {
      const known = chunks.length === 1 ? deflated.get(chunks[0]!) : undefined;
      // pdfkit then writes these bytes as they are (its Filter is already FlateDecode)
      this.buffer = [known ?? zlib.deflateSync(Buffer.concat(chunks), { level: DEFLATE_LEVEL })];
      this.compress = false;
    }
    finalize.call(this);
  };
}

/** Makes every later pdfmake document compress its streams as above; idempotent. */
export const installStreamCompression = once((): void => {
  const proto = pdfmakePrototype<PdfkitDocument>(PdfmakeDocumentModule);
  const ref = proto.ref;
  let patched = false;
  // pdfkit does not export its reference class: its prototype is taken from the first
  // reference made (in the document's constructor, before any stream is finalized)
  proto.ref = function (this: PdfkitDocument, data?: unknown): PdfkitReference {
    const made = ref.call(this, data);
    if (!patched) {
      patched = true;
      patchReference(Object.getPrototypeOf(made) as PdfkitReference);
      proto.ref = ref;
    }
    return made;
  };
});
