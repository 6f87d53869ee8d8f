import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { parsedFontCount } from './pdf-font-cache';
import { probePdf } from './poppler.fixture';

const repoFonts = path.resolve(__dirname, '../../../resources/fonts');

const doc = (lines: string[]) =>
  documentDefinition(
    lines.map((text, i) => ({ text, bold: i === 0 })),
    { lang: 'ky', title: lines[0]! },
  );

/** pdfkit stamps the time of rendering (and derives the file id from it); all else must be the same bytes. */
const withoutDate = (b: Buffer) =>
  b
    .toString('latin1')
    .replace(/\(D:\d+Z\)/g, '(D:)')
    .replace(/\/ID \[<\w+> <\w+>\]/, '/ID []');

describe('fonts shared between documents', () => {
  const saved = process.env.UNIDESK_RESOURCES_DIR;
  const restore = () => {
    if (saved === undefined) delete process.env.UNIDESK_RESOURCES_DIR;
    else process.env.UNIDESK_RESOURCES_DIR = saved;
  };
  afterEach(restore);

  it('gives each document in a row its own text, and nothing of the one before', async () => {
    const a = ['Өмүрбекова Ңурайым', 'Үсөнбаев Төлөгөн уулу'];
    const b = ['Бүбүсара Жээнбекова', 'Ыйман кызы, 1-модуль (30)'];
    const first = await render(doc(a));
    const other = await render(doc(b));
    const again = await render(doc(a));

    for (const [buffer, lines] of [[first, a], [other, b], [again, a]] as const) {
      const p = probePdf(buffer, 'font-cache');
      const text = p.pages.join('\n');
      for (const line of lines) expect(text).toContain(line);
      expect(p.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSerif', 'DejaVuSerif-Bold']);
      for (const f of p.fonts) {
        expect(f.embedded).toBe(true);
        expect(f.name).toMatch(/^[A-Z]{6}\+/);
      }
    }
    expect(parsedFontCount()).toBeGreaterThanOrEqual(2);
    expect(probePdf(other, 'font-cache').pages.join('\n')).not.toContain('Өмүрбекова');
    // nothing of the document in between (its glyphs, widths, object ids) leaks into the next one
    expect(withoutDate(again)).toBe(withoutDate(first));
  });

  it('parses a font again from another folder, or when its file is replaced', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-font-cache-'));
    fs.cpSync(repoFonts, path.join(dir, 'fonts'), { recursive: true });
    process.env.UNIDESK_RESOURCES_DIR = dir;
    try {
      await render(doc(['Ңөү', 'ңөү']));
      const before = parsedFontCount();
      const serif = path.join(dir, 'fonts', 'DejaVuSerif.ttf');
      // the regular face's file now holds another font (another size, so another stamp)
      fs.copyFileSync(path.join(repoFonts, 'DejaVuSans.ttf'), serif);
      const p = probePdf(await render(doc(['Ңөү', 'ңөү'])), 'font-cache-replaced');
      expect(p.pages.join('\n')).toContain('ңөү');
      expect(p.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSerif-Bold']);
      expect(parsedFontCount()).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    restore();
    const p = probePdf(await render(doc(['Ңөү', 'ңөү'])), 'font-cache-back');
    expect(p.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSerif', 'DejaVuSerif-Bold']);
  });
});
