import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { GradeSheetDetail } from '../../../src-shared/contract';
import { formatDate, parseDisplayDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { Notice } from '../../ui/error-banner';
import { TextField } from '../../ui/field';

interface EntryExceptionPanelProps {
  detail: GradeSheetDetail;
  /** only an administrator opens entry outside the calendar (main enforces it too) */
  canOpen: boolean;
  onOpened(detail: GradeSheetDetail): void;
  onError(message: string | null): void;
}

/** The sheet's exceptions, and for an admin a form to open entry for this sheet alone, with a reason. */
export function EntryExceptionPanel({ detail, canOpen, onOpened, onError }: EntryExceptionPanelProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fromIso = parseDisplayDate(from);
  const toIso = parseDisplayDate(to);
  const list = detail.exceptions.map((e) => t('grades.exception.item', { opens: formatDate(e.opensOn), closes: formatDate(e.closesOn), reason: e.reason }));

  async function submit() {
    setTried(true);
    setDone(null);
    if (!fromIso || !toIso || !reason.trim()) return;
    setBusy(true);
    onError(null);
    try {
      onOpened(await call('gradeSheets.openException', { id: detail.id, opensOn: fromIso, closesOn: toIso, reason: reason.trim() }));
      setDone(t('grades.exception.done', { opens: from, closes: to }));
      setReason('');
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!canOpen) {
    return list.length ? (
      <ul className="muted small grade-exceptions" data-testid="exception-list">
        {list.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    ) : null;
  }
  return (
    <details className="grade-panel" data-testid="exception-panel" open={!detail.entryOpen && detail.state !== 'closed'}>
      <summary>{t('grades.exception.title')}</summary>
      {list.length ? (
        <ul className="muted small grade-exceptions" data-testid="exception-list">
          {list.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : null}
      <div className="filters">
        <TextField label={t('grades.exception.from')} value={from} onChange={setFrom} placeholder={t('card.dateHint')} maxLength={10}
          error={tried && !fromIso ? t('grades.examiner.dateInvalid') : null} errorName="exception-from" testId="exception-from" />
        <TextField label={t('grades.exception.to')} value={to} onChange={setTo} placeholder={t('card.dateHint')} maxLength={10}
          error={tried && !toIso ? t('grades.examiner.dateInvalid') : null} errorName="exception-to" testId="exception-to" />
        <TextField label={t('grades.exception.reason')} value={reason} onChange={setReason} maxLength={500}
          error={tried && !reason.trim() ? t('grades.exception.required') : null} errorName="exception-reason" testId="exception-reason" />
        <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={busy} data-testid="exception-submit">
          {t('grades.exception.submit')}
        </button>
      </div>
      {done ? <Notice message={done} testId="exception-done" /> : null}
    </details>
  );
}
