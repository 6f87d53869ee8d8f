/** A worker thread rendering a share of a transcript batch (transcript-batch.ts), so the app stays responsive. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection';
import { renderTranscripts, type TranscriptJob } from './transcript-batch';

async function run() {
  const { dbFile, job } = workerData as { dbFile: string; job: TranscriptJob };
  const db = openDatabase(dbFile, { readonly: true, checked: true });
  try {
    await renderTranscripts(db, job, (file) => parentPort!.postMessage({ type: 'file', ...file }, [file.data.buffer as ArrayBuffer]));
    parentPort!.postMessage({ type: 'done' });
  } finally {
    await db.close();
  }
}

run().catch((e: Error) => parentPort!.postMessage({ type: 'error', message: e.message }));
