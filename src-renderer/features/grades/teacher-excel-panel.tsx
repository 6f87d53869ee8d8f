import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { GradeSheetDetail, TeacherImportResult } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { Notice } from '../../ui/error-banner';
import { downloadFile } from '../../ui/file-download';
import type { ClosedChangeAuth } from './grade-saver';
import { pendingHint } from './grade-pending';

/** The contract caps the upload (base64 of ~700 kB keeps a request under 1 MB); a sheet's file is ~10 kB. */
const MAX_BYTES = 700_000;

interface TeacherExcelPanelProps {
  detail: GradeSheetDetail;
  canEnter: boolean;
  /** typed edits not saved yet: importing over them would mix two sources */
  unsaved: boolean;
  /** edited rows with a refused cell: they never save until fixed */
  heldRows: number;
  auth: ClosedChangeAuth | null;
  onApplied(detail: GradeSheetDetail): void;
  onError(message: string | null): void;
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The teacher's Excel round trip: download a workbook to fill in, upload it back, see every
 * problem (row, student, column, value, reason) before anything is saved, then save all or nothing.
 */
export function TeacherExcelPanel({ detail, canEnter, unsaved, heldRows, auth, onApplied, onError }: TeacherExcelPanelProps) {
  const hint = pendingHint(unsaved, heldRows);
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ name: string; base64: string; result: TeacherImportResult } | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const closed = detail.state === 'closed';
  const canImport = canEnter && (closed ? auth !== null : detail.entryOpen);

  async function download(lang: 'ky' | 'ru') {
    onError(null);
    try {
      downloadFile(await call('gradeSheets.exportTeacher', { id: detail.id, lang }));
    } catch (e) {
      onError(errorMessage(e));
    }
  }

  async function check(file: File) {
    onError(null);
    setApplied(null);
    setPreview(null);
    if (file.size > MAX_BYTES) {
      onError(t('grades.teacher.tooBig', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const base64 = await fileToBase64(file);
      const result = await call('gradeSheets.importTeacher', { id: detail.id, base64, apply: false });
      setPreview({ name: file.name, base64, result });
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    onError(null);
    try {
      const result = await call('gradeSheets.importTeacher', {
        id: detail.id,
        base64: preview.base64,
        apply: true,
        ...(closed && auth ? { reason: auth.reason, documentNo: auth.documentNo } : {}),
      });
      if (result.applied) {
        setPreview(null);
        setApplied(result.changes);
        onApplied(result.sheet);
      } else {
        // the sheet changed since the check: show what the file now collides with
        setPreview({ ...preview, result });
      }
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const r = preview?.result;
  return (
    <details className="grade-panel" data-testid="teacher-panel">
      <summary>{t('grades.teacher.title')}</summary>
      <p className="muted small">{t('grades.teacher.hint')}</p>
      <div className="confirm-buttons">
        <button type="button" className="btn btn-small" onClick={() => void download('ky')} data-testid="teacher-export-ky">
          {t('grades.teacher.exportKy')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void download('ru')} data-testid="teacher-export-ru">
          {t('grades.teacher.exportRu')}
        </button>
        {canEnter ? (
          <label className={`btn btn-small${!canImport || unsaved || busy ? ' btn-disabled' : ''}`}>
            {t(busy ? 'grades.teacher.checking' : 'grades.teacher.import')}
            <input
              ref={input}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="sr-only"
              disabled={!canImport || unsaved || busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void check(f);
              }}
              data-testid="teacher-import-file"
            />
          </label>
        ) : null}
      </div>
      {canEnter && closed && !auth ? <p className="muted small">{t('grades.teacher.closedNeedsAuth')}</p> : null}
      {hint && canImport ? (
        <p className="muted small" data-testid="teacher-import-hint">
          {t(hint.id, hint.values)}
        </p>
      ) : null}
      {applied !== null ? <Notice message={t(applied > 0 ? 'grades.teacher.applied' : 'grades.teacher.nothing', { changes: applied })} testId="teacher-applied" /> : null}
      {preview && r ? (
        <div className="teacher-preview" data-testid="teacher-preview" data-problems={r.problems.length} data-changes={r.changes}>
          {r.problems.length === 0 ? (
            <p role="status">{t(r.changes > 0 ? 'grades.teacher.ok' : 'grades.teacher.nothing', { name: preview.name, changes: r.changes, unchanged: r.unchanged })}</p>
          ) : (
            <>
              <p className="banner banner-error" role="alert">
                {t('grades.teacher.problems', { name: preview.name, count: r.problems.length })}
              </p>
              <table className="table" data-testid="teacher-problems">
                <thead>
                  <tr>
                    <th scope="col">{t('grades.teacher.row')}</th>
                    <th scope="col">{t('grades.teacher.student')}</th>
                    <th scope="col">{t('grades.teacher.column')}</th>
                    <th scope="col">{t('grades.teacher.value')}</th>
                    <th scope="col">{t('grades.teacher.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.problems.map((p, i) => (
                    <tr key={i} data-testid="teacher-problem">
                      <td className="num">{p.row ?? '—'}</td>
                      <td>{p.studentName ?? '—'}</td>
                      <td>{p.column}</td>
                      <td className="mono">{p.value}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="confirm-buttons">
            {r.problems.length === 0 && r.changes > 0 ? (
              <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy} data-testid="teacher-apply">
                {t('grades.teacher.apply')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => setPreview(null)} disabled={busy} data-testid="teacher-discard">
              {t('grades.teacher.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </details>
  );
}
