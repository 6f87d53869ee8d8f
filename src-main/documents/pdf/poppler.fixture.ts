/**
 * Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts) for the document tests:
 * what a printer and a reader get, not what pdfmake was asked for. CI installs poppler-utils
 * (.ci/run), so a missing tool fails the tests instead of skipping them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PdfProbe {
  file: string;
  /** pdftotext -layout, one string per page (split on form feeds), no-break spaces made plain */
  pages: string[];
  info: Record<string, string>;
  fonts: { name: string; type: string; embedded: boolean }[];
  /** pdftotext -bbox words of one page: text and box in points */
  words(page: number): PdfWord[];
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-pdf-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
let seq = 0;

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function probePdf(buffer: Buffer, name = 'doc'): PdfProbe {
  const file = path.join(tmp, `${name}-${++seq}.pdf`);
  fs.writeFileSync(file, buffer);
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).replace(/\u00a0/g, ' ');
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();

  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }

  // name, type (may contain spaces), encoding, emb, sub, uni, object, generation
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const emb = cols.at(-5);
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });

  const words = (page: number): PdfWord[] => {
    const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
    const out: PdfWord[] = [];
    const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      out.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: decode(m[5]!) });
    }
    return out;
  };

  return { file, pages, info, fonts, words };
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
