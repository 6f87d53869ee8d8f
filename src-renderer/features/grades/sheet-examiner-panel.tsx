import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ExaminerOption, GradeSheetDetail } from '../../../src-shared/contract';
import { formatDate, parseDisplayDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { Notice } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useLoad } from '../../ui/use-load';

interface SheetExaminerPanelProps {
  detail: GradeSheetDetail;
  canEdit: boolean;
  onSaved(detail: GradeSheetDetail): void;
  onError(message: string | null): void;
}

/** The examiner and exam date printed on the sheet; set by the dean's office before the exam. */
export function SheetExaminerPanel({ detail, canEdit, onSaved, onError }: SheetExaminerPanelProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [staffId, setStaffId] = useState(detail.examiner?.staffId ?? '');
  const [date, setDate] = useState(formatDate(detail.examDate));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = canEdit && detail.state !== 'closed';

  const examiners = useLoad(() => call('gradeSheets.examiners', { id: detail.id }).then((r): ExaminerOption[] => r.rows), [detail.id], { enabled: editable });
  const options = examiners.data ?? [];
  const loadError = examiners.state.phase === 'error' ? examiners.state.message : null;
  useEffect(() => {
    if (loadError) onError(loadError);
  }, [loadError]);

  const summary = t('grades.examiner.summary', {
    name: detail.examiner?.name ?? t('grades.examiner.none'),
    date: detail.examDate ? formatDate(detail.examDate) : '—',
  });
  if (!editable) {
    return (
      <p className="muted small" data-testid="examiner-summary">
        {summary}
      </p>
    );
  }

  const iso = date.trim() ? parseDisplayDate(date) : null;
  const dateError = tried && date.trim() !== '' && !iso ? t('grades.examiner.dateInvalid') : null;

  async function save() {
    setTried(true);
    setSaved(false);
    if (date.trim() && !iso) return;
    setBusy(true);
    onError(null);
    try {
      onSaved(await call('gradeSheets.setExaminer', { id: detail.id, examinerStaffId: staffId || null, examDate: iso, version: detail.version }));
      setSaved(true);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="grade-panel" data-testid="examiner-panel">
      <summary>
        {t('grades.examiner.title')}
        <span className="muted small grade-panel-summary" data-testid="examiner-summary">
          {summary}
        </span>
      </summary>
      <div className="filters">
        <SelectField
          label={t('grades.examiner.label')}
          value={staffId}
          onChange={setStaffId}
          emptyLabel={t('grades.examiner.none')}
          options={options.map((o) => ({ value: o.staffId, label: o.name }))}
          testId="examiner-select"
        />
        <TextField
          label={t('grades.examiner.date')}
          value={date}
          onChange={setDate}
          placeholder={t('card.dateHint')}
          error={dateError}
          errorName="examiner-date"
          testId="examiner-date"
          maxLength={10}
        />
        <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy} data-testid="examiner-save">
          {t('grades.examiner.save')}
        </button>
      </div>
      {saved ? <Notice message={t('grades.examiner.saved')} testId="examiner-saved" /> : null}
    </details>
  );
}
