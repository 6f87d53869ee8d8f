/**
 * The PDF speed patches must never change what is printed. Every kind of document is rendered
 * twice, each time in a fresh process — with the patches and with UNIDESK_PDF_PATCHES=off
 * (pdfmake, pdfkit and fontkit as published) — and every page of the two is compared as pixels
 * (pdftoppm). A patch that moves a word, drops a colour or loses a letter fails here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_DOCUMENTS } from './pdf-golden.render';

const root = path.resolve(__dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-pdf-golden-'));
const script = path.join(root, 'dist', 'test', 'pdf-golden.render.cjs');
const runs = { patched: path.join(dir, 'patched'), plain: path.join(dir, 'plain') };

function renderAll(out: string, patches: 'on' | 'off'): { patched: boolean } {
  const stdout = execFileSync(process.execPath, [script, out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, UNIDESK_PDF_PATCHES: patches },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { patched: boolean };
}

/** Each page as raw grey pixels at 100 dpi. */
function pages(pdf: string): Buffer[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '100', '-gray', pdf, prefix]);
  const base = path.basename(prefix);
  return fs
    .readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]))
    .map((f) => fs.readFileSync(path.join(path.dirname(pdf), f)));
}

let flags: { patched: boolean; plain: boolean };
beforeAll(() => {
  // the render script is bundled as the app is, so it runs in a process of its own
  buildSync({
    entryPoints: [path.join(__dirname, 'pdf-golden.render.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: script,
    logLevel: 'warning',
  });
  flags = { patched: renderAll(runs.patched, 'on').patched, plain: renderAll(runs.plain, 'off').patched };
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the PDF speed patches print exactly what pdfmake prints without them', () => {
  it('renders one run patched and one as published', () => {
    expect(flags).toEqual({ patched: true, plain: false });
  });

  it.each(Object.keys(GOLDEN_DOCUMENTS))('%s: same pages, pixel for pixel', (name) => {
    const a = pages(path.join(runs.patched, `${name}.pdf`));
    const b = pages(path.join(runs.plain, `${name}.pdf`));
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBe(b.length);
    a.forEach((page, i) => expect(page.equals(b[i]!), `${name}, page ${i + 1}`).toBe(true));
  });
});
