import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BatchCancelled, exportBatch } from '../src-main/features/grade-sheets/batch-export';
import BetterSqlite3 from 'better-sqlite3';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli', 'unidesk.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-batch-'));
const db = path.join(dir, 'u.sqlite');
const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8' });

beforeAll(() => {
  fs.copyFileSync(inject('demoDb'), db);
  expect(run('gradesheet', 'generate', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--user', 'clerk2')).toMatch(/^\d+ sheets generated/);
});

describe('a faculty session’s sheets in one go', () => {
  it('writes every sheet into one ZIP, rendered in worker threads', () => {
    const listed = run('gradesheet', 'list', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--json');
    const sheets = JSON.parse(listed) as { number: string }[];
    expect(sheets.length).toBeGreaterThan(5);
    const zip = path.join(dir, 'law.zip');
    expect(run('gradesheet', 'export-all', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--format', 'xlsx', '--lang', 'ky', '--blank', '--out', zip)).toMatch(
      new RegExp(`wrote ${sheets.length} sheets`),
    );
    const entries = unzipSync(fs.readFileSync(zip));
    expect(Object.keys(entries)).toHaveLength(sheets.length);
    for (const s of sheets) expect(Object.keys(entries).some((name) => name.startsWith(`sheet-${s.number}-`) && name.endsWith('-blank-ky.xlsx'))).toBe(true);
    const pdf = path.join(dir, 'one.pdf');
    run('gradesheet', 'export', '--sheet', sheets[0]!.number, '--format', 'pdf', '--lang', 'ky', '--blank', '--out', pdf);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8')).toContain(sheets[0]!.number);
  });

  it('leaves nothing behind when cancelled', async () => {
    const sheetIds = new BetterSqlite3(db, { readonly: true }).prepare(`SELECT id FROM grade_sheet`).pluck().all() as string[];
    const controller = new AbortController();
    const out = path.join(dir, 'cancelled.zip');
    await expect(
      exportBatch({
        dbFile: db,
        sheetIds,
        format: 'pdf',
        lang: 'ru',
        blank: true,
        out,
        workerFile: path.join(root, 'dist', 'workers', 'grade-sheet-batch.cjs'),
        signal: controller.signal,
        onProgress: (p) => p.done === 2 && controller.abort(),
      }),
    ).rejects.toBeInstanceOf(BatchCancelled);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});
