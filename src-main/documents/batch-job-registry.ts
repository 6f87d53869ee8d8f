/**
 * Long prints run from the app (a session's grade sheets, a group's transcripts): a job per
 * request, rendered in worker threads (batch-export.ts) while the screen polls its progress,
 * cancellable, one running print per user. Jobs live in main's memory only — they write
 * files, not data, and a restarted app simply starts the print again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { BatchJobView, ExportedFile, SessionUser } from '../../src-shared/contract';
import { AppError } from '../host/app-error';
import { BatchCancelled, exportBatch } from './batch-export';

interface Job {
  view: BatchJobView;
  owner: string;
  controller: AbortController;
  /** settles when the workers are gone and a failed or cancelled print has left nothing behind */
  ended: Promise<void>;
}

/** Where prints go unless told otherwise: a folder the user finds among their documents. */
export function defaultExportsDir(): string {
  return process.env.UNIDESK_EXPORTS_DIR ?? path.join(os.homedir(), 'Documents', 'UniDesk');
}

/** Every bundle that hosts main (dist/main, dist/electron, dist/cli) sits next to dist/workers. */
export const workerBundle = (name: string) => path.join(__dirname, '..', 'workers', `${name}.cjs`);

/** "ЭФ-2026-2027-autumn-pdf-ky.zip", and "-2", "-3"… when a print of the same name exists. */
function freeName(dir: string, base: string, ext: string): string {
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}${ext}`;
    if (!fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
}

export function createJobRegistry(dbFile: string, exportsDir: string = defaultExportsDir()) {
  const jobs = new Map<string, Job>();

  function own(session: SessionUser, id: string): Job {
    const job = jobs.get(id);
    // another user's job is as good as absent: its file names say which faculty printed what
    if (!job || job.owner !== session.id) throw new AppError('not_found', 'error.batch.notFound');
    return job;
  }

  return {
    /** Starts rendering `ids` into `<exports>/<name>[.zip]`; one running print per user. */
    launch<J extends object>(session: SessionUser, req: { ids: readonly string[]; job: J; name: string; zip: boolean; workerFile: string; skipped?: number }): BatchJobView {
      if ([...jobs.values()].some((j) => j.owner === session.id && j.view.state === 'running')) throw new AppError('conflict', 'error.batch.busy');
      fs.mkdirSync(exportsDir, { recursive: true });
      const out = freeName(exportsDir, req.name.replace(/[^\p{L}\p{N}._-]/gu, '_'), req.zip ? '.zip' : '');
      const view: BatchJobView = { id: uuidv7(), state: 'running', done: 0, total: req.ids.length, skipped: req.skipped ?? 0, out, error: null, startedAt: new Date().toISOString(), seconds: null };
      const controller = new AbortController();
      const started = Date.now();
      const ended = exportBatch({ dbFile, workerFile: req.workerFile, ids: req.ids, job: req.job, out, signal: controller.signal, onProgress: (p) => (view.done = p.done) }).then(
        () => Object.assign(view, { state: 'done', seconds: (Date.now() - started) / 1000 }),
        (e: unknown) => void Object.assign(view, e instanceof BatchCancelled ? { state: 'cancelled' } : { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
      );
      jobs.set(view.id, { view, owner: session.id, controller, ended: ended.then(() => undefined) });
      return { ...view };
    },

    status(session: SessionUser, id: string): BatchJobView {
      return { ...own(session, id).view };
    },

    /** The finished ZIP's bytes, for a download; a folder print is read where it was written. */
    file(session: SessionUser, id: string): ExportedFile {
      const { view } = own(session, id);
      if (view.state !== 'done' || !view.out.endsWith('.zip')) throw new AppError('conflict', 'error.batch.noFile');
      return { fileName: path.basename(view.out), mimeType: 'application/zip', base64: fs.readFileSync(view.out).toString('base64') };
    },

    /** The finished print's file or folder on this computer (the desktop app opens its folder). */
    folder(session: SessionUser, id: string): { path: string } {
      const { view } = own(session, id);
      if (view.state !== 'done' || !fs.existsSync(view.out)) throw new AppError('conflict', 'error.batch.noFile');
      return { path: view.out };
    },

    /** Answers once the print has stopped: "cancelled" means nothing of it is left on disk. */
    async cancel(session: SessionUser, id: string): Promise<BatchJobView> {
      const job = own(session, id);
      if (job.view.state === 'running') {
        job.controller.abort();
        await job.ended;
      }
      return { ...job.view };
    },
  };
}
export type JobRegistry = ReturnType<typeof createJobRegistry>;
