import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BatchCancelled, exportBatch } from '../src-main/documents/batch-export';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { openEntryWindows } from './support/app';
import { openDatabase } from '../src-main/db/connection';
import { createGradeSheetsService } from '../src-main/features/grade-sheets/grade-sheets.service';
import { BATCH_READER } from '../src-main/features/grade-sheets/batch-render';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli', 'unidesk.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-batch-'));
const db = path.join(dir, 'u.sqlite');
// the CLI acts as a real user (--user) and speaks the language it is told (--lang)
const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args, '--db', db, '--lang', 'en'], { encoding: 'utf8' });

beforeAll(() => {
  fs.copyFileSync(inject('demoDb'), db);
  expect(run('gradesheet', 'generate', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--user', 'clerk2')).toMatch(/^\d+ sheets generated/);
});

describe('a faculty session’s sheets in one go', () => {
  it('writes every sheet into one ZIP, rendered in worker threads', () => {
    const listed = run('gradesheet', 'list', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--json', '--user', 'clerk2');
    const sheets = JSON.parse(listed) as { number: string }[];
    expect(sheets.length).toBeGreaterThan(5);
    const zip = path.join(dir, 'law.zip');
    expect(run('gradesheet', 'export-all', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--format', 'xlsx', '--doc-lang', 'ky', '--blank', '--out', zip, '--user', 'clerk2')).toMatch(
      new RegExp(`wrote ${sheets.length} sheets`),
    );
    const entries = unzipSync(fs.readFileSync(zip));
    expect(Object.keys(entries)).toHaveLength(sheets.length);
    for (const s of sheets) expect(Object.keys(entries).some((name) => name.startsWith(`sheet-${s.number}-`) && name.endsWith('-blank-ky.xlsx'))).toBe(true);
    const pdf = path.join(dir, 'one.pdf');
    run('gradesheet', 'export', '--sheet', sheets[0]!.number, '--format', 'pdf', '--doc-lang', 'ky', '--blank', '--out', pdf, '--user', 'clerk2');
    expect(execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8')).toContain(sheets[0]!.number);
  });

  it('imports a teacher-filled workbook: a dry run lists problems, a good file is applied', async () => {
    openEntryWindows(db);
    const dbh = openDatabase(db);
    const service = createGradeSheetsService(dbh);
    // this year's: the sheets the spec generated for the Law faculty (the demo's past ones are
    // closed; its medical and IT faculties have this session's sheets of their own)
    const law = new Set((JSON.parse(run('gradesheet', 'list', '--faculty', 'LAW', '--session', '2026-2027/autumn', '--json', '--user', 'clerk2')) as { number: string }[]).map((s) => s.number));
    const sheet = service.list(BATCH_READER, {}).rows.find((r) => law.has(r.number))!;
    const detail = service.detail(BATCH_READER, sheet.id, 'ru');
    await dbh.close();
    // the teacher's file comes from the command line too, and is what `import` reads back
    const teacherFile = path.join(dir, 'teacher.xlsx');
    expect(run('gradesheet', 'export', '--sheet', sheet.number, '--for-teacher', '--doc-lang', 'ru', '--out', teacherFile, '--user', 'clerk2')).toContain('teacher.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(teacherFile);
    const ws = wb.worksheets.find((w) => w.state === 'visible')!;
    const header = ws.getRow([...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => String(ws.getRow(r).getCell(2).value ?? '').length > 0 && ws.getRow(r + 1).getCell(2).value === `${detail.rows[0]!.lastName} ${detail.rows[0]!.firstName}${detail.rows[0]!.patronymic ? ` ${detail.rows[0]!.patronymic}` : ''}`)!);
    const first = ws.getRow(header.number + 1);
    first.getCell(4).value = 31; // module 1 is out of 30
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    let failed = '';
    try {
      run('gradesheet', 'import', '--sheet', sheet.number, bad, '--dry-run', '--user', 'clerk2');
    } catch (e) {
      failed = String((e as { stderr: string }).stderr);
    }
    expect(failed).toMatch(/1 problem; nothing was imported/);
    first.getCell(4).value = 25;
    first.getCell(5).value = 26;
    first.getCell(6).value = 30;
    const good = path.join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(good);
    expect(run('gradesheet', 'import', '--sheet', sheet.number, good, '--dry-run', '--user', 'clerk2')).toMatch(/^1 row would change/);
    expect(run('gradesheet', 'import', '--sheet', sheet.number, good, '--user', 'clerk2')).toMatch(/^1 row imported/);
    const total = new BetterSqlite3(db, { readonly: true }).prepare(`SELECT total FROM grade WHERE sheet_id = ? AND position = 1`).pluck().get(sheet.id);
    expect(total).toBe(81);
  });

  it('leaves nothing behind when cancelled', async () => {
    const sheetIds = new BetterSqlite3(db, { readonly: true }).prepare(`SELECT id FROM grade_sheet WHERE academic_year_id = '2026-2027'`).pluck().all() as string[];
    const controller = new AbortController();
    const out = path.join(dir, 'cancelled.zip');
    await expect(
      exportBatch({
        dbFile: db,
        ids: sheetIds,
        job: { format: 'pdf', lang: 'ru', blank: true },
        out,
        workerFile: path.join(root, 'dist', 'workers', 'grade-sheet-batch.cjs'),
        signal: controller.signal,
        onProgress: (p) => p.done === 2 && controller.abort(),
      }),
    ).rejects.toBeInstanceOf(BatchCancelled);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});

describe('transcripts in bulk', () => {
  const query = <T>(sql: string) => {
    const h = new BetterSqlite3(db, { readonly: true });
    try {
      return h.prepare(sql).all() as T[];
    } finally {
      h.close();
    }
  };

  it('writes a group’s transcripts into one ZIP and a graduation year’s into a folder, rendered in worker threads', () => {
    const [group] = query<{ name: string; books: string }>(
      `SELECT g.name, group_concat(s.record_book_no) AS books FROM student s JOIN student_group g ON g.id = s.group_id
       WHERE s.status = 'active' AND g.name LIKE 'ЭК-%' AND EXISTS (SELECT 1 FROM grade gr JOIN grade_sheet gs ON gs.id = gr.sheet_id WHERE gr.student_id = s.id AND gs.state = 'closed')
       GROUP BY g.id ORDER BY g.name LIMIT 1`,
    );
    const zip = path.join(dir, 'group.zip');
    expect(run('transcript', '--group', group!.name, '--format', 'pdf', '--out', zip, '--user', 'registrar')).toMatch(/^\d+ transcripts written to .*group\.zip/);
    const entries = unzipSync(fs.readFileSync(zip));
    const books = group!.books.split(',');
    for (const b of books) expect(Object.keys(entries)).toContain(`transcript-${b}-en.pdf`);
    const one = path.join(dir, 'one-of-group.pdf');
    fs.writeFileSync(one, entries[`transcript-${books[0]}-en.pdf`]!);
    expect(execFileSync('pdftotext', ['-layout', one, '-']).toString('utf8')).toContain('ACADEMIC TRANSCRIPT');

    const graduates = query<{ year: string; n: number }>(
      `SELECT substr(effective_date, 1, 4) AS year, count(*) AS n FROM student_status_history WHERE status = 'graduated' AND voided_by_order_id IS NULL GROUP BY year ORDER BY year DESC LIMIT 1`,
    )[0]!;
    const folder = path.join(dir, 'graduates');
    expect(run('transcript', '--graduated', graduates.year, '--format', 'xlsx', '--out', folder, '--user', 'registrar')).toContain(`transcripts written to ${folder}`);
    expect(fs.readdirSync(folder).filter((f) => /^transcript-.+-en\.xlsx$/.test(f)).length).toBe(graduates.n);
    // no job folder is left beside what was asked for
    expect(fs.readdirSync(dir).filter((f) => f.includes('.job-'))).toEqual([]);
  });
});
