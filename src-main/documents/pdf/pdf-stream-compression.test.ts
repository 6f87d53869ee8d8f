import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { renderGradeSheetPdf } from '../grade-sheet/grade-sheet.pdf';
import { sampleSheet } from '../grade-sheet/grade-sheet-sample.fixture';
import { installPdfPatches } from './pdf-patches';
import { DEFLATE_LEVEL } from './pdf-stream-compression';

/** The deflated streams of a PDF, as written. */
function flateStreams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const text = pdf.toString('latin1');
  const re = /\/Filter \/FlateDecode[^]*?>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    out.push(pdf.subarray(start, end).subarray(0, text.slice(start, end).replace(/\r?\n$/, '').length));
  }
  return out;
}

describe('streams are deflated at level 1, and a shared font subset only once', () => {
  it('writes every stream deflated at level 1, readable by any inflater', async () => {
    expect(installPdfPatches()).toBe(true);
    const streams = flateStreams(await renderGradeSheetPdf(sampleSheet(25), 'ky'));
    expect(streams.length).toBeGreaterThan(3);
    for (const s of streams) {
      const plain = zlib.inflateSync(s);
      expect(zlib.deflateSync(plain, { level: DEFLATE_LEVEL }).equals(s)).toBe(true);
    }
  });

  it('deflates fewer streams for the second sheet of a batch: its font subset was deflated with the first', async () => {
    installPdfPatches();
    const deflate = vi.spyOn(zlib, 'deflateSync');
    try {
      await renderGradeSheetPdf(sampleSheet(20), 'ru');
      const first = deflate.mock.calls.length;
      deflate.mockClear();
      const second = await renderGradeSheetPdf(sampleSheet(20), 'ru');
      expect(deflate.mock.calls.length).toBeLessThan(first);
      // and what it wrote is still complete: every stream inflates
      for (const s of flateStreams(second)) expect(zlib.inflateSync(s).length).toBeGreaterThan(0);
    } finally {
      deflate.mockRestore();
    }
  });
});
