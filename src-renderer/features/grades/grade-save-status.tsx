import { useIntl } from 'react-intl';
import type { MessageKey } from '../../../src-shared/i18n';
import type { SaveStatus } from './grade-saver';

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

interface GradeSaveStatusProps {
  status: SaveStatus;
  saving: boolean;
  /** rows with edits not sent: wrong here, or refused by the server */
  heldRows: number;
  /** where the first of them is wrong ("row 4, Exam: …"), so the fix needs no scrolling */
  firstHeld?: string | null;
  unsentRows: number;
  onRetry(): void;
}

/** "Saving… / Saved at 14:05 / Not saved: why", and how many rows wait for a correction. */
export function GradeSaveStatus({ status, saving, heldRows, firstHeld, unsentRows, onRetry }: GradeSaveStatusProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  let text: string;
  let tone = '';
  if (saving || status.kind === 'saving' || status.kind === 'pending') text = t('grades.save.saving');
  else if (status.kind === 'saved') text = t('grades.save.savedAt', { time: hhmm(status.at) });
  else if (status.kind === 'error') {
    tone = ' grade-save-error';
    text = t('grades.save.failed', { reason: status.code === 'needsReason' ? t('grades.save.needsReason') : (status.message ?? '') });
  } else text = t(unsentRows > 0 ? 'grades.save.unsent' : 'grades.save.upToDate');
  const kind = saving ? 'saving' : status.kind;
  return (
    <div className={`grade-save-status${tone}`} role="status" aria-live="polite" data-testid="grade-save-status" data-status={kind} data-unsent={unsentRows}>
      <span className="grade-save-text">{text}</span>
      {heldRows > 0 ? (
        <span className="grade-save-held" data-testid="grade-save-held">
          {t('grades.save.held', { count: heldRows })}
          {firstHeld ? ` — ${firstHeld}` : null}
        </span>
      ) : null}
      {status.kind === 'error' && status.code !== 'needsReason' && !saving ? (
        <button type="button" className="btn btn-small" onClick={onRetry} data-testid="grade-save-retry">
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
