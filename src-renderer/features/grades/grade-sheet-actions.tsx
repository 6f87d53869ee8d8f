import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ExportedFile, GradeSheetDetail } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { TextField } from '../../ui/field';
import { downloadFile } from '../../ui/file-download';
import type { ClosedChangeAuth } from './grade-saver';
import { pendingHint } from './grade-pending';

type Format = 'pdf' | 'xlsx';
type Lang = 'ky' | 'ru';
const EXPORTS: readonly { format: Format; lang: Lang; label: MessageKey }[] = [
  { format: 'pdf', lang: 'ky', label: 'grades.export.pdfKy' },
  { format: 'pdf', lang: 'ru', label: 'grades.export.pdfRu' },
  { format: 'xlsx', lang: 'ky', label: 'grades.export.xlsxKy' },
  { format: 'xlsx', lang: 'ru', label: 'grades.export.xlsxRu' },
];

interface GradeSheetActionsProps {
  detail: GradeSheetDetail;
  canEnter: boolean;
  /** rows without a total or a mark yet */
  missing: number;
  /** of them, students not admitted by the points whose mark is not typed */
  needsMark: number;
  /** edits not saved yet (or being saved) */
  unsaved: boolean;
  /** edited rows with a refused cell: they never save until fixed */
  heldRows: number;
  auth: ClosedChangeAuth | null;
  onClose(): Promise<void>;
  onAuth(auth: ClosedChangeAuth | null): void;
  onError(message: string | null): void;
}

/** Close the sheet (with a confirmation), change a closed one (reason and document), print or export it. */
export function GradeSheetActions({ detail, canEnter, missing, needsMark, unsaved, heldRows, auth, onClose, onAuth, onError }: GradeSheetActionsProps) {
  const pending = pendingHint(unsaved, heldRows);
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [dialog, setDialog] = useState<null | 'close' | 'change'>(null);
  const [busy, setBusy] = useState<null | 'closing' | 'exporting'>(null);
  const [reason, setReason] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [tried, setTried] = useState(false);
  const closed = detail.state === 'closed';
  // a row with a refused cell first: it is also "missing", but only fixing it helps
  const closeBlocker =
    heldRows > 0 && pending
      ? t(pending.id, pending.values)
      : missing > 0
      ? [t('grades.close.missing', { count: missing }), needsMark > 0 ? t('grades.close.needsMark', { count: needsMark }) : ''].join(' ').trim()
      : !detail.examiner || !detail.examDate
        ? t('grades.close.needsExaminer')
        : unsaved
          ? t('grades.close.unsaved')
          : null;

  async function confirmClose() {
    setBusy('closing');
    try {
      await onClose();
      setDialog(null);
    } finally {
      setBusy(null);
    }
  }

  function applyChange() {
    setTried(true);
    if (!reason.trim() || !documentNo.trim()) return;
    onAuth({ reason: reason.trim(), documentNo: documentNo.trim() });
    setDialog(null);
  }

  async function download(file: () => Promise<ExportedFile>) {
    setBusy('exporting');
    onError(null);
    try {
      downloadFile(await file());
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }
  const exportFile = (format: Format, lang: Lang, blank: boolean) => download(() => call('gradeSheets.export', { id: detail.id, format, lang, blank }));

  return (
    <div className="grade-actions-wrap">
      <div className="grade-actions" data-testid="grade-actions">
        {canEnter && !closed ? (
          <button
            type="button"
            className="btn btn-sign"
            onClick={() => setDialog('close')}
            disabled={busy !== null || closeBlocker !== null || dialog === 'close'}
            title={closeBlocker ?? undefined}
            data-testid="grade-close"
          >
            {t('grades.close')}
          </button>
        ) : null}
        {canEnter && closed && !auth ? (
          <button type="button" className="btn" onClick={() => setDialog('change')} disabled={dialog === 'change'} data-testid="grade-change-closed">
            {t('grades.changeClosed')}
          </button>
        ) : null}
        <div className="grade-exports" role="group" aria-label={t('grades.export.title')}>
          <span className="muted small">{t('grades.export.title')}</span>
          {EXPORTS.map((x) => (
            <button
              key={`${x.format}-${x.lang}`}
              type="button"
              className="btn btn-small"
              onClick={() => void exportFile(x.format, x.lang, false)}
              disabled={busy !== null || unsaved}
              title={pending ? t(pending.id, pending.values) : undefined}
              data-testid={`grade-export-${x.format}-${x.lang}`}
            >
              {t(x.label)}
            </button>
          ))}
          <span className="muted small">{t('grades.export.blank')}</span>
          {EXPORTS.map((x) => (
            <button
              key={`blank-${x.format}-${x.lang}`}
              type="button"
              className="btn btn-small"
              onClick={() => void exportFile(x.format, x.lang, true)}
              disabled={busy !== null}
              title={t('grades.export.blankHint')}
              data-testid={`grade-export-blank-${x.format}-${x.lang}`}
            >
              {t(x.label)}
            </button>
          ))}
          {detail.kind !== 'main' ? (
            <>
              <span className="muted small">{t('grades.export.direction')}</span>
              {EXPORTS.filter((x) => x.format === 'pdf').map((x) => (
                <button
                  key={`direction-${x.lang}`}
                  type="button"
                  className="btn btn-small"
                  onClick={() => void download(() => call('gradeSheets.direction', { id: detail.id, lang: x.lang }))}
                  disabled={busy !== null}
                  title={t('grades.export.directionHint')}
                  data-testid={`grade-direction-${x.lang}`}
                >
                  {t(x.label)}
                </button>
              ))}
            </>
          ) : null}
        </div>
      </div>
      {canEnter && !closed && closeBlocker ? (
        <p className="muted small grade-close-hint" data-testid="grade-close-hint">
          {closeBlocker}
        </p>
      ) : null}
      {dialog === 'close' ? (
        <div className="confirm-box" role="dialog" aria-label={t('grades.close')} data-testid="grade-close-dialog">
          <p className="confirm-text">{t('grades.closeConfirmText', { number: detail.number, count: detail.rows.length })}</p>
          <div className="confirm-buttons">
            <button type="button" className="btn btn-sign" onClick={() => void confirmClose()} disabled={busy !== null} data-testid="grade-close-confirm">
              {t(busy === 'closing' ? 'grades.closing' : 'grades.closeConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setDialog(null)} disabled={busy !== null} data-testid="grade-close-cancel">
              {t('card.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {dialog === 'change' ? (
        <div className="confirm-box" role="dialog" aria-label={t('grades.changeClosed')} data-testid="grade-change-dialog">
          <p className="confirm-text">{t('grades.changeClosedText')}</p>
          <TextField
            label={t('grades.changeReason')}
            value={reason}
            onChange={setReason}
            maxLength={500}
            error={tried && !reason.trim() ? t('grades.changeRequired') : null}
            errorName="grade-change-reason"
            testId="grade-change-reason"
          />
          <TextField
            label={t('grades.changeDocument')}
            value={documentNo}
            onChange={setDocumentNo}
            maxLength={50}
            placeholder={t('grades.changeDocumentPlaceholder')}
            error={tried && !documentNo.trim() ? t('grades.changeRequired') : null}
            errorName="grade-change-document"
            testId="grade-change-document"
          />
          <div className="confirm-buttons">
            <button type="button" className="btn btn-primary" onClick={applyChange} data-testid="grade-change-apply">
              {t('grades.changeApply')}
            </button>
            <button type="button" className="btn" onClick={() => setDialog(null)} data-testid="grade-change-cancel">
              {t('card.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
