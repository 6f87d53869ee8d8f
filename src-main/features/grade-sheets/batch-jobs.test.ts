import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchJobView } from '../../../src-shared/contract';
import { IDS, USERS } from '../../testing/fixture';
import { createBatchJobs } from './batch-jobs';
import { refusal, SESSION, sheetsFixture } from './grade-sheets.test-kit';

// A stand-in for the rendering worker: same messages, a file per sheet, slow enough to cancel.
const FAKE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  for (const id of workerData.job.ids) {
    await new Promise((r) => setTimeout(r, workerData.job.blank ? 200 : 5));
    const data = new TextEncoder().encode('sheet ' + id);
    parentPort.postMessage({ type: 'file', name: id + '.' + workerData.job.format, data });
  }
  parentPort.postMessage({ type: 'done' });
})();
`;

let dir: string;
let f: Awaited<ReturnType<typeof sheetsFixture>>;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-batch-jobs-'));
  fs.writeFileSync(path.join(dir, 'worker.cjs'), FAKE_WORKER);
  f = await sheetsFixture();
});
afterEach(async () => {
  await f.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function until(read: () => BatchJobView, states: BatchJobView['state'][]): Promise<BatchJobView> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (states.includes(v.state)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

describe('session print jobs', () => {
  it('prints the filled sheets of the session into a ZIP named after the faculty and session, reporting progress', async () => {
    const sheet = f.prepared();
    const jobs = createBatchJobs(f.db, f.sheets, { exportsDir: path.join(dir, 'out'), workerFile: path.join(dir, 'worker.cjs') });
    // nothing entered anywhere: "filled" has nothing to print, and says to print the blanks
    expect(refusal(() => jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'pdf', lang: 'ky', blank: false, zip: true })).key).toBe('error.batch.noneFilled');
    f.sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 30 } }] }, 'ru');
    const started = jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'pdf', lang: 'ky', blank: false, zip: true });
    // one sheet has a grade; the other (no grade at all) is left out and counted as such
    expect(started).toMatchObject({ state: 'running', total: 1, skipped: 1, done: 0 });
    expect(path.basename(started.out)).toMatch(/^ECON-2026-2027-autumn-pdf-ky\.zip$/);
    expect(fs.existsSync(started.out)).toBe(false);
    expect(refusal(() => jobs.file(USERS.clerkEcon, started.id)).key).toBe('error.batch.noFile');
    expect(refusal(() => jobs.folder(USERS.clerkEcon, started.id)).key).toBe('error.batch.noFile');
    const done = await until(() => jobs.status(USERS.clerkEcon, started.id), ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', done: 1, total: 1 });
    expect(fs.statSync(done.out).size).toBeGreaterThan(0);
    // the browser gets the ZIP itself to save, byte for byte
    const file = jobs.file(USERS.clerkEcon, started.id);
    expect(file).toMatchObject({ fileName: 'ECON-2026-2027-autumn-pdf-ky.zip', mimeType: 'application/zip' });
    expect(Buffer.from(file.base64, 'base64').equals(fs.readFileSync(done.out))).toBe(true);
    // another user cannot see (or cancel, or download) it
    expect(refusal(() => jobs.status(USERS.admin, started.id)).key).toBe('error.batch.notFound');
    expect(refusal(() => jobs.file(USERS.admin, started.id)).key).toBe('error.batch.notFound');
    // the desktop app shows the finished file in its folder: main answers where it is, to its owner only
    expect(jobs.folder(USERS.clerkEcon, started.id)).toEqual({ path: done.out });
    expect(refusal(() => jobs.folder(USERS.admin, started.id)).key).toBe('error.batch.notFound');
    // a second print of the same session does not overwrite the first; blanks are every sheet
    const again = jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'pdf', lang: 'ky', blank: true, zip: true });
    expect(again).toMatchObject({ total: 2, skipped: 0 });
    expect(path.basename(again.out)).toBe('ECON-2026-2027-autumn-pdf-ky-blank.zip');
    await until(() => jobs.status(USERS.clerkEcon, again.id), ['done', 'failed']);
  });

  it('cancels, leaving nothing behind; refuses an empty session, a second job at once, and another faculty', async () => {
    const jobs = createBatchJobs(f.db, f.sheets, { exportsDir: path.join(dir, 'out'), workerFile: path.join(dir, 'worker.cjs') });
    expect(refusal(() => jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'pdf', lang: 'ru', blank: true, zip: false })).key).toBe('error.batch.empty');
    f.prepared();
    expect(refusal(() => jobs.start(USERS.clerkLaw, { sessionId: SESSION, format: 'pdf', lang: 'ru', blank: true, zip: false })).code).toBe('forbidden');
    const job = jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'pdf', lang: 'ru', blank: true, zip: false });
    expect(refusal(() => jobs.start(USERS.clerkEcon, { sessionId: SESSION, format: 'xlsx', lang: 'ru', blank: true, zip: false })).key).toBe('error.batch.busy');
    // the answer comes once the workers are gone: nothing of the print is left at that moment
    expect((await jobs.cancel(USERS.clerkEcon, job.id)).state).toBe('cancelled');
    expect(jobs.status(USERS.clerkEcon, job.id).state).toBe('cancelled');
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([]);
  });
});
