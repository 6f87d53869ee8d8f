/**
 * The registrar's figures (issue 13) on the design-scale demo, through the same dispatcher the
 * UI calls: a fourth-year student's Grades tab (target ≤ 100 ms), issuing a certificate —
 * compute, sign, register, PDF (p95 ≤ 300 ms) — and checking a code (≤ 5 ms); and 1,000
 * transcripts to paper through the bulk print's worker threads, beside LibreOffice converting
 * the same transcripts' xlsx (target: UniDesk ≥ 3× faster).
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportBatch } from '../src-main/documents/batch-export';
import { openDatabase, type Database } from '../src-main/db/connection';
import type { Dispatch } from '../src-main/host/dispatcher';
import { createRegister } from '../src-main/features/registrar/register.service';
import { libreOfficeBeside, percentile, time, type BenchRow } from './bench-kit';

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  return (await time(fn))[0];
}

const spread = (times: number[], digits = 1) => {
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(digits)} ms, p95 ${percentile(times, 95).toFixed(digits)} ms`;
};

export async function registrarBench(db: Database, dispatch: Dispatch): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const r = await dispatch('registrar', { op: 'session.signIn', payload: { username: 'registrar', password: 'unidesk-registrar' }, locale: 'ru' });
  if (!r.ok) throw new Error(`bench sign-in as registrar failed: ${r.error.message}`);
  const call = async (op: string, payload: unknown) => {
    const res = await dispatch('registrar', { op, payload, locale: 'ru' });
    if (!res.ok) throw new Error(`${op}: ${res.error.message}`);
    return res.data;
  };
  const fourth = db.sqlite.prepare(`SELECT id FROM student WHERE status = 'active' AND course = 4 ORDER BY id LIMIT 30`).pluck().all() as string[];
  const tab: number[] = [];
  for (const studentId of fourth) tab.push(await timed(() => call('transcripts.grades', { studentId })));
  rows.push({ scenario: 'Grades tab of a 4th-year student (transcripts.grades)', figure: spread(tab), note: `${fourth.length} students, 6 semesters each; target ≤ 100 ms` });

  const active = db.sqlite.prepare(`SELECT id FROM student WHERE status = 'active' ORDER BY id LIMIT 31 OFFSET 100`).pluck().all() as string[];
  // the first certificate also makes and certifies the workstation's key: reported on its own
  const first = await timed(() => call('register.issueCertificate', { studentId: active[0], type: 'study', lang: 'ru', purpose: '' }));
  const issue: number[] = [];
  for (const studentId of active.slice(1)) issue.push(await timed(() => call('register.issueCertificate', { studentId, type: 'study', lang: 'ky', purpose: 'bench' })));
  rows.push({ scenario: 'issue a certificate of study (compute, sign, register, PDF)', figure: spread(issue, 0), note: `${issue.length} certificates; the first, which makes the key, ${first.toFixed(0)} ms; target p95 ≤ 300 ms` });

  const code = db.sqlite.prepare(`SELECT code FROM issued_document ORDER BY created_at DESC LIMIT 1`).pluck().get() as string;
  const register = createRegister(db);
  const check: number[] = [];
  for (let i = 0; i < 500; i++) check.push(await timed(() => register.verify(code)));
  rows.push({ scenario: 'verify a code (signatures and the register)', figure: spread(check, 2), note: '500 rounds; target ≤ 5 ms' });
  return rows;
}

/** The students with the longest histories (graduates, then the fourth course down), as the bulk print would take them. */
export async function transcriptsToPaperBench(dir: string, dbFile: string, count: number): Promise<BenchRow[]> {
  const db = openDatabase(dbFile, { readonly: true });
  const picked = db.sqlite
    .prepare(
      `SELECT s.id, (SELECT count(DISTINCT ci.semester) FROM grade gr JOIN grade_sheet gs ON gs.id = gr.sheet_id JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id WHERE gr.student_id = s.id AND gs.state = 'closed') AS semesters,
              (SELECT count(*) FROM grade gr JOIN grade_sheet gs ON gs.id = gr.sheet_id WHERE gr.student_id = s.id AND gs.state = 'closed') AS grades
       FROM student s WHERE s.status IN ('graduated', 'active') ORDER BY s.status = 'graduated' DESC, s.course DESC, s.id LIMIT ?`,
    )
    .all(count) as { id: string; semesters: number; grades: number }[];
  await db.close();
  const avg = (k: 'semesters' | 'grades') => (picked.reduce((a, r) => a + r[k], 0) / picked.length).toFixed(0);
  const ids = picked.map((r) => r.id);
  const workerFile = path.join(__dirname, '..', 'workers', 'transcript-batch.cjs');
  const timed = async (format: 'pdf' | 'xlsx', out: string) => {
    const t0 = Date.now();
    await exportBatch({ dbFile, ids, job: { format, lang: 'ru', issuedOn: '2026-12-05' }, out, workerFile });
    return (Date.now() - t0) / 1000;
  };
  const rows: BenchRow[] = [];
  const pdfSeconds = await timed('pdf', path.join(dir, 'transcripts-pdf'));
  const pages = fs.readdirSync(path.join(dir, 'transcripts-pdf')).length;
  rows.push({
    scenario: `${ids.length} transcripts (≈${avg('semesters')} semesters, ≈${avg('grades')} grades each) → PDF, 2 worker threads`,
    figure: `${pdfSeconds.toFixed(1)} s`,
    note: `${((pdfSeconds * 1000) / ids.length).toFixed(0)} ms a transcript; ${pages} files`,
  });
  const xlsxDir = path.join(dir, 'transcripts-xlsx');
  const xlsxSeconds = await timed('xlsx', xlsxDir);
  rows.push({ scenario: `${ids.length} transcripts → xlsx, 2 worker threads`, figure: `${xlsxSeconds.toFixed(1)} s`, note: `${((xlsxSeconds * 1000) / ids.length).toFixed(0)} ms a transcript` });
  rows.push({ ...libreOfficeBeside(dir, xlsxDir, pdfSeconds), scenario: `LibreOffice headless: the same ${ids.length} transcripts' xlsx → PDF` });
  return rows;
}
