import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fontFiles, fontsDir } from './pdf-fonts';

const repoFonts = path.resolve(__dirname, '../../../resources/fonts');

describe('fontsDir', () => {
  const saved = process.env.UNIDESK_RESOURCES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.UNIDESK_RESOURCES_DIR;
    else process.env.UNIDESK_RESOURCES_DIR = saved;
  });

  it('finds resources/fonts of the repository from the sources, with the licence next to the fonts', () => {
    delete process.env.UNIDESK_RESOURCES_DIR;
    expect(fontsDir()).toBe(repoFonts);
    expect(fs.existsSync(path.join(repoFonts, 'LICENSE'))).toBe(true);
    const files = fontFiles();
    for (const style of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
      expect(fs.existsSync(files['DejaVuSerif']![style]!)).toBe(true);
    }
    expect(fs.existsSync(files['DejaVuSans']!.normal)).toBe(true);
  });

  it('takes UNIDESK_RESOURCES_DIR first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-res-'));
    fs.mkdirSync(path.join(dir, 'fonts'));
    fs.copyFileSync(path.join(repoFonts, 'DejaVuSerif.ttf'), path.join(dir, 'fonts', 'DejaVuSerif.ttf'));
    process.env.UNIDESK_RESOURCES_DIR = dir;
    expect(fontsDir()).toBe(path.join(dir, 'fonts'));
    // a partial copy is reported by file name, not deep inside pdfkit
    expect(() => fontFiles()).toThrow(/DejaVuSerif-Bold\.ttf is missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the folders it tried when the fonts are missing', () => {
    const dir = path.join(os.tmpdir(), 'unidesk-no-such-dir');
    process.env.UNIDESK_RESOURCES_DIR = dir;
    expect(() => fontsDir()).toThrow(new RegExp(`Folders tried: ${path.join(dir, 'fonts').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}`));
  });
});
