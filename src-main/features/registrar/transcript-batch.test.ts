/**
 * Transcripts in bulk (issue 13) on the demo university: who is in a group's or a graduation
 * year's batch, in what order, who is skipped, what a dean's office may print, and the files the
 * real renderer hands over (the worker itself is a stand-in here; e2e/cli-batch runs the real one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchJobView, SessionUser } from '../../../src-shared/contract';
import { openDatabase, type Database } from '../../db/connection';
import { probePdf } from '../../documents/pdf/poppler.fixture';
import { refusal } from '../../testing/refusal';
import { generateDemo } from '../demo/demo.generator';
import { createTranscriptBatches, renderTranscripts } from './transcript-batch';

// A stand-in for the rendering worker: same messages, one file per student id, in the given order.
const FAKE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  for (const id of workerData.job.ids) {
    await new Promise((r) => setTimeout(r, 5));
    parentPort.postMessage({ type: 'file', name: id + '.' + workerData.job.format, data: new TextEncoder().encode(workerData.job.issuedOn) });
  }
  parentPort.postMessage({ type: 'done' });
})();
`;

const TODAY = '2026-12-05';
let db: Database;
let dir: string;
let batches: ReturnType<typeof createTranscriptBatches>;
const user = (username: string) =>
  db.sqlite.prepare(`SELECT id, username, display_name AS displayName, role, faculty_id AS facultyId FROM app_user WHERE username = ?`).get(username) as SessionUser;
const groupId = (name: string) => db.sqlite.prepare(`SELECT id FROM student_group WHERE name = ?`).pluck().get(name) as string;
const ids = (sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).pluck().all(...args) as string[];

beforeAll(async () => {
  db = openDatabase(':memory:');
  await generateDemo(db, { students: 400 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-transcript-batch-'));
  fs.writeFileSync(path.join(dir, 'worker.cjs'), FAKE_WORKER);
  // the registry reads the replica's file only to hand it to workers; the stand-in never opens it
  batches = createTranscriptBatches(Object.assign(db, { file: path.join(dir, 'replica.db') }), { exportsDir: path.join(dir, 'out'), workerFile: path.join(dir, 'worker.cjs'), today: () => TODAY });
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function finished(session: SessionUser, job: BatchJobView): Promise<BatchJobView> {
  for (let i = 0; i < 400; i++) {
    const v = batches.status(session, job.id);
    if (v.state !== 'running') return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

describe('transcripts in bulk', () => {
  it('prints a group in alphabetical order into one ZIP, dated the day it started', async () => {
    const registrar = user('registrar');
    const group = groupId('ЭК-1-24');
    const job = batches.start(registrar, { groupId: group, lang: 'ru', format: 'pdf', zip: false });
    const members = ids(`SELECT id FROM student WHERE group_id = ?`, group);
    expect(job).toMatchObject({ state: 'running', total: members.length, skipped: 0 });
    expect(path.basename(job.out)).toBe('transcripts-ЭК-1-24-ru-pdf');
    const done = await finished(registrar, job);
    expect(done).toMatchObject({ state: 'done', done: members.length });
    // a folder of one file per student, named by the worker, in Kyrgyz alphabetical order
    const names = db.sqlite.prepare(`SELECT id, last_name || ' ' || first_name || ' ' || coalesce(patronymic, '') AS n FROM student WHERE group_id = ?`).all(group) as { id: string; n: string }[];
    const order = names.sort((a, b) => new Intl.Collator('ky').compare(a.n, b.n)).map((r) => `${r.id}.pdf`);
    expect(fs.readdirSync(done.out).sort()).toEqual([...order].sort());
    expect(fs.readFileSync(path.join(done.out, order[0]!), 'utf8')).toBe(TODAY);
  });

  it('prints those who graduated in a year; a dean’s office only its own faculty’s', async () => {
    const graduates = ids(`SELECT s.id FROM student s WHERE s.status = 'graduated'`);
    expect(graduates.length).toBeGreaterThan(1);
    const all = await finished(user('registrar'), batches.start(user('registrar'), { graduatedIn: 2026, lang: 'en', format: 'pdf', zip: true }));
    expect(all).toMatchObject({ state: 'done', total: graduates.length });
    expect(path.basename(all.out)).toBe('transcripts-graduates-2026-en-pdf.zip');
    const clerk = user('clerk');
    const own = ids(`SELECT s.id FROM student s JOIN student_group g ON g.id = s.group_id WHERE s.status = 'graduated' AND g.faculty_id = ?`, clerk.facultyId);
    const mine = await finished(clerk, batches.start(clerk, { graduatedIn: 2026, lang: 'ky', format: 'xlsx', zip: true }));
    expect(mine.total).toBe(own.length);
    expect(mine.total).toBeLessThan(all.total);
  });

  it('skips students with nothing closed yet, and refuses an empty batch, another faculty’s group, and a role without grades', async () => {
    const registrar = user('registrar');
    // a first-year group has no closed sheet yet: nothing to print at all
    expect(refusal(() => batches.start(registrar, { groupId: groupId('ЭК-1-26'), lang: 'ru', format: 'pdf', zip: true })).key).toBe('error.transcript.batchEmpty');
    expect(refusal(() => batches.start(registrar, { graduatedIn: 2019, lang: 'ru', format: 'pdf', zip: true })).key).toBe('error.transcript.batchEmpty');
    // a group where some are expelled before any grade: they are counted, not printed
    const mixed = db.sqlite
      .prepare(
        `SELECT g.id, count(*) AS n, sum(exists(SELECT 1 FROM grade gr JOIN grade_sheet gs ON gs.id = gr.sheet_id WHERE gr.student_id = s.id AND gs.state = 'closed')) AS graded
         FROM student s JOIN student_group g ON g.id = s.group_id GROUP BY g.id HAVING graded > 0 AND graded < n LIMIT 1`,
      )
      .get() as { id: string; n: number; graded: number } | undefined;
    if (mixed) {
      const job = await finished(registrar, batches.start(registrar, { groupId: mixed.id, lang: 'ru', format: 'pdf', zip: true }));
      expect(job).toMatchObject({ total: mixed.graded, skipped: mixed.n - mixed.graded });
    }
    expect(refusal(() => batches.start(user('clerk2'), { groupId: groupId('ЭК-1-24'), lang: 'ru', format: 'pdf', zip: true })).key).toBe('error.transcript.scope');
    expect(refusal(() => batches.start(user('accountant'), { groupId: groupId('ЭК-1-24'), lang: 'ru', format: 'pdf', zip: true })).key).toBe('error.forbidden');
    expect(refusal(() => batches.start(registrar, { groupId: '00000000-0000-7000-8000-0000000000ff', lang: 'ru', format: 'pdf', zip: true })).key).toBe('error.transcript.noGroup');
  });

  it('renders each transcript as a real PDF named by the record book', async () => {
    const group = groupId('ЭК-1-23');
    const members = ids(`SELECT id FROM student WHERE group_id = ?`, group).slice(0, 2);
    const files: { name: string; data: Uint8Array }[] = [];
    await renderTranscripts(db, { ids: members, lang: 'ky', format: 'pdf', issuedOn: TODAY }, (f) => files.push(f));
    expect(files).toHaveLength(2);
    const { last, book } = db.sqlite.prepare(`SELECT last_name AS last, record_book_no AS book FROM student WHERE id = ?`).get(members[0]) as { last: string; book: string };
    // named by the record book: unique in the ZIP however many namesakes there are
    expect(files[0]!.name).toBe(`transcript-${book}-ky.pdf`);
    const text = probePdf(Buffer.from(files[0]!.data), 'batch-ky').pages.join(' ');
    expect(text).toContain('ТРАНСКРИПТ');
    expect(text).toContain(last);
    expect(text).toContain('05.12.2026');
  });
});
