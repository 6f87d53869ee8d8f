/**
 * The registrar's figures (issue 13) on the design-scale demo, through the same dispatcher the
 * UI calls: a fourth-year student's Grades tab (target ≤ 100 ms), issuing a certificate —
 * compute, sign, register, PDF (p95 ≤ 300 ms) — and checking a code (≤ 5 ms).
 */
import type { Database } from '../src-main/db/connection';
import type { Dispatch } from '../src-main/host/dispatcher';
import { createRegister } from '../src-main/features/registrar/register.service';
import { percentile, time } from './bench-kit';
import type { BenchRow } from './grade-sheets.bench';

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
