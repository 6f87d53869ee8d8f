import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, BatchJobView } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage, inDesktopApp } from '../../api/client';
import { ErrorBanner } from '../../ui/error-banner';
import { downloadFile } from '../../ui/file-download';
import { SelectField } from '../../ui/select';

const POLL_MS = 400;

/**
 * Every sheet of the session in one go — blanks before the exams, filled ones after — into a
 * ZIP or a folder. Main renders in worker threads; this screen only polls the progress, so the
 * rest of the app stays usable and the print can be cancelled.
 */
export function SessionPrintPanel({ session, label }: { session: AcademicSessionView; label: string }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [lang, setLang] = useState<'ky' | 'ru'>('ky');
  const [blank, setBlank] = useState(false);
  const [zip, setZip] = useState(true);
  const [job, setJob] = useState<BatchJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);

  const running = job?.state === 'running';
  useEffect(() => {
    if (!running || !job) return;
    timer.current = window.setInterval(() => {
      call('gradeSheets.batchStatus', { jobId: job.id }).then(setJob, (e: unknown) => setError(errorMessage(e)));
    }, POLL_MS);
    return () => {
      if (timer.current !== null) window.clearInterval(timer.current);
    };
  }, [running, job?.id]);

  async function start() {
    setError(null);
    try {
      setJob(await call('gradeSheets.batchStart', { sessionId: session.id, format, lang, blank, zip }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function download() {
    if (!job) return;
    try {
      downloadFile(await call('gradeSheets.batchFile', { jobId: job.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function showFolder() {
    if (!job) return;
    try {
      // the desktop app's shell opens the folder of the path main answers with
      await call('gradeSheets.batchFolder', { jobId: job.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function cancel() {
    if (!job) return;
    try {
      setJob(await call('gradeSheets.batchCancel', { jobId: job.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const percent = job && job.total ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="session-print" data-testid="session-print">
      <p className="muted">{t('grades.print.intro', { session: label })}</p>
      <div className="filters">
        <SelectField
          label={t('grades.print.what')}
          value={blank ? 'blank' : 'filled'}
          onChange={(v) => setBlank(v === 'blank')}
          options={[
            { value: 'filled', label: t('grades.print.filled') },
            { value: 'blank', label: t('grades.print.blank') },
          ]}
          testId="print-what"
          disabled={running}
        />
        <SelectField
          label={t('grades.print.format')}
          value={format}
          onChange={(v) => setFormat(v === 'xlsx' ? 'xlsx' : 'pdf')}
          options={[
            { value: 'pdf', label: 'PDF' },
            { value: 'xlsx', label: 'Excel (xlsx)' },
          ]}
          testId="print-format"
          disabled={running}
        />
        <SelectField
          label={t('grades.print.lang')}
          value={lang}
          onChange={(v) => setLang(v === 'ru' ? 'ru' : 'ky')}
          options={[
            { value: 'ky', label: t('grades.print.langKy') },
            { value: 'ru', label: t('grades.print.langRu') },
          ]}
          testId="print-lang"
          disabled={running}
        />
        <SelectField
          label={t('grades.print.into')}
          value={zip ? 'zip' : 'folder'}
          onChange={(v) => setZip(v === 'zip')}
          options={[
            { value: 'zip', label: t('grades.print.zip') },
            { value: 'folder', label: t('grades.print.folder') },
          ]}
          testId="print-into"
          disabled={running}
        />
      </div>
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
            {job.state === 'done' ? t('grades.print.done', { total: job.total, seconds: (job.seconds ?? 0).toFixed(1) }) : null}
            {job.state === 'cancelled' ? t('grades.print.cancelled') : null}
            {job.state === 'failed' ? t('grades.print.failed', { reason: job.error ?? '' }) : null}
          </span>
          {job.state !== 'running' && job.skipped > 0 ? (
            <p className="muted" data-testid="print-skipped">
              {t('grades.print.skipped', { count: job.skipped })}
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
    </div>
  );
}
