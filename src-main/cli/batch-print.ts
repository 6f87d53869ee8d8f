/**
 * A long print from the command line (a session's grade sheets, transcripts in bulk): the
 * app's own print job — worker threads, progress, cancel — started, followed on stderr (Ctrl+C
 * cancels it), and its folder or ZIP moved to --out only once it is whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchJobView } from '../../src-shared/contract';
import type { Locale } from '../../src-shared/i18n';
import { CliError, withApi, type CliApi } from './cli-kit';

type Family = 'gradeSheets' | 'transcripts';

export async function printInBatch(
  v: { db?: string; user?: string },
  locale: Locale,
  out: string,
  family: Family,
  start: (api: CliApi, zip: boolean) => Promise<BatchJobView>,
  report: (api: CliApi, job: BatchJobView, seconds: string) => void,
): Promise<void> {
  // the job writes into a folder of its own next to --out, so a cancelled or failed print leaves --out as it was
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.job-`));
  try {
    await withApi(
      v,
      locale,
      async (api) => {
        const started = Date.now();
        let job = await start(api, out.toLowerCase().endsWith('.zip'));
        const cancel = () => void api.call(`${family}.batchCancel`, { jobId: job.id });
        process.once('SIGINT', cancel);
        try {
          while (job.state === 'running') {
            await new Promise((r) => setTimeout(r, 200));
            job = await api.call(`${family}.batchStatus`, { jobId: job.id });
            if (process.stderr.isTTY) process.stderr.write(`\r${job.done}/${job.total}`);
          }
        } finally {
          process.off('SIGINT', cancel);
          if (process.stderr.isTTY) process.stderr.write('\n');
        }
        if (job.state === 'cancelled') throw new CliError('cli.sheets.cancelled');
        if (job.state === 'failed') throw new Error(job.error ?? 'printing failed');
        fs.rmSync(out, { recursive: true, force: true });
        fs.renameSync(job.out, out);
        report(api, job, ((Date.now() - started) / 1000).toFixed(1));
      },
      process.env,
      { exportsDir: work },
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
