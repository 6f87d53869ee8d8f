/**
 * A worker thread rendering a share of a batch, so the app's main thread (and the UI behind
 * it) stays responsive while hundreds of sheets are laid out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection';
import { renderSheets, type BatchJob } from './batch-render';

async function run() {
  const { dbFile, job } = workerData as { dbFile: string; job: BatchJob };
  const db = openDatabase(dbFile, { readonly: true, checked: true });
  try {
    await renderSheets(db, job, (file) => parentPort!.postMessage({ type: 'file', ...file }, [file.data.buffer as ArrayBuffer]));
    parentPort!.postMessage({ type: 'done' });
  } finally {
    await db.close();
  }
}

run().catch((e: Error) => parentPort!.postMessage({ type: 'error', message: e.message }));
