import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { BatchJobView } from '../../src-shared/contract';
import type { MessageKey } from '../../src-shared/i18n';
import { call, errorMessage, inDesktopApp } from '../api/client';
import { ErrorBanner } from './error-banner';
import { downloadFile } from './file-download';
import { SelectField } from './select';

const POLL_MS = 400;

/** The print jobs main runs in worker threads: each family has start/status/cancel/file/folder operations. */
export type BatchFamily = 'gradeSheets' | 'transcripts';

/**
 * A long print (a session's grade sheets, transcripts in bulk) started from a screen: the
 * choices (children), the start and cancel buttons, progress polled from main while the rest of
 * the app stays usable, and where the result is. What is printed is the caller's; how a job is
 * followed is the same everywhere.
 */
export function BatchJobPanel(props: {
  family: BatchFamily;
  start: () => Promise<BatchJobView>;
  /** "{total} … in {seconds} s" once done, and "{count} … skipped" */
  doneKey: MessageKey;
  skippedKey: MessageKey;
  children: (running: boolean) => ReactNode;
}) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [job, setJob] = useState<BatchJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { family } = props;

  const running = job?.state === 'running';
  useEffect(() => {
    if (!running || !job) return;
    const timer = window.setInterval(() => {
      call(`${family}.batchStatus`, { jobId: job.id }).then(setJob, (e: unknown) => setError(errorMessage(e)));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, job?.id, family]);

  async function attempt(fn: () => Promise<void>) {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const start = () => attempt(async () => setJob(await props.start()));
  const cancel = () => attempt(async () => setJob(await call(`${family}.batchCancel`, { jobId: job!.id })));
  const download = () => attempt(async () => downloadFile(await call(`${family}.batchFile`, { jobId: job!.id })));
  // the desktop app's shell opens the folder of the path main answers with
  const showFolder = () => attempt(async () => void (await call(`${family}.batchFolder`, { jobId: job!.id })));

  const percent = job && job.total ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <>
      <div className="filters">{props.children(running)}</div>
      <div className="confirm-buttons">
        <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running} data-testid="print-start">
          {t('grades.print.start')}
        </button>
        {running ? (
          <button type="button" className="btn" onClick={() => void cancel()} data-testid="print-cancel">
            {t('grades.print.cancel')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="print-error" /> : null}
      {job ? (
        <div className="print-status" data-testid="print-status" data-state={job.state} data-done={job.done} data-total={job.total} aria-live="polite">
          <progress max={job.total} value={job.done} aria-label={t('grades.print.progressLabel')} />
          <span>
            {job.state === 'running' ? t('grades.print.running', { done: job.done, total: job.total, percent }) : null}
            {job.state === 'done' ? t(props.doneKey, { total: job.total, seconds: (job.seconds ?? 0).toFixed(1) }) : null}
            {job.state === 'cancelled' ? t('grades.print.cancelled') : null}
            {job.state === 'failed' ? t('grades.print.failed', { reason: job.error ?? '' }) : null}
          </span>
          {job.state !== 'running' && job.skipped > 0 ? (
            <p className="muted" data-testid="print-skipped">
              {t(props.skippedKey, { count: job.skipped })}
            </p>
          ) : null}
          {job.state === 'done' ? (
            <p className="print-path">
              {t('grades.print.where')} <code data-testid="print-path">{job.out}</code>
              {/* the folder is on the computer running UniDesk; a browser elsewhere needs the file itself */}
              {job.out.endsWith('.zip') ? (
                <button type="button" className="btn btn-small" onClick={() => void download()} data-testid="print-download">
                  {t('grades.print.download')}
                </button>
              ) : null}
              {inDesktopApp() ? (
                <button type="button" className="btn btn-small" onClick={() => void showFolder()} data-testid="print-show-folder">
                  {t('grades.print.showFolder')}
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function FormatSelect({ value, onChange, disabled }: { value: 'pdf' | 'xlsx'; onChange: (v: 'pdf' | 'xlsx') => void; disabled: boolean }) {
  const intl = useIntl();
  return (
    <SelectField
      label={intl.formatMessage({ id: 'grades.print.format' })}
      value={value}
      onChange={(v) => onChange(v === 'xlsx' ? 'xlsx' : 'pdf')}
      options={[
        { value: 'pdf', label: 'PDF' },
        { value: 'xlsx', label: 'Excel (xlsx)' },
      ]}
      testId="print-format"
      disabled={disabled}
    />
  );
}

export function IntoSelect({ zip, onChange, disabled }: { zip: boolean; onChange: (zip: boolean) => void; disabled: boolean }) {
  const intl = useIntl();
  return (
    <SelectField
      label={intl.formatMessage({ id: 'grades.print.into' })}
      value={zip ? 'zip' : 'folder'}
      onChange={(v) => onChange(v === 'zip')}
      options={[
        { value: 'zip', label: intl.formatMessage({ id: 'grades.print.zip' }) },
        { value: 'folder', label: intl.formatMessage({ id: 'grades.print.folder' }) },
      ]}
      testId="print-into"
      disabled={disabled}
    />
  );
}
