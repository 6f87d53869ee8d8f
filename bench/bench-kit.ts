/** What every bench scenario measures with: wall-clock milliseconds and percentiles of sorted runs. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface BenchRow {
  scenario: string;
  figure: string;
  note: string;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}

/**
 * LibreOffice converting the xlsx files of `xlsxDir` to PDF the way offices print today
 * (`soffice --headless --convert-to pdf`), beside UniDesk's own PDF time for the same documents.
 */
export function libreOfficeBeside(dir: string, xlsxDir: string, unideskPdfSeconds: number): BenchRow {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (soffice.status !== 0) return { scenario: 'LibreOffice comparison', figure: 'not run', note: 'install Debian package libreoffice-calc-nogui to compare' };
  const loOut = fs.mkdtempSync(path.join(dir, 'lo-'));
  const files = fs.readdirSync(xlsxDir).map((f) => path.join(xlsxDir, f));
  const t0 = Date.now();
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', loOut, ...files], { stdio: 'ignore' });
  const loSeconds = (Date.now() - t0) / 1000;
  return {
    scenario: `LibreOffice headless: the same ${files.length} xlsx → PDF`,
    figure: `${loSeconds.toFixed(1)} s`,
    note: `${soffice.stdout.trim().split('\n')[0]}; LibreOffice time ÷ UniDesk PDF time = ${(loSeconds / unideskPdfSeconds).toFixed(2)}×`,
  };
}
