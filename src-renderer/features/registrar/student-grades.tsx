import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AttemptView, StudentGradesView, TranscriptLineView } from '../../../src-shared/contract';
import { formatGpa } from '../../../src-shared/domain/gpa';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner } from '../../ui/error-banner';
import { downloadFile } from '../../ui/file-download';
import { useLoad } from '../../ui/use-load';

type Lang = 'ky' | 'ru' | 'en';
const LANGS: readonly Lang[] = ['ky', 'ru', 'en'];

/**
 * The card's Grades tab (issue 13): every semester's disciplines with the result that counts,
 * earlier attempts under it, the semester's credits and GPA, the cumulative ones, and the
 * transcript to print in Kyrgyz, Russian or English.
 */
export function StudentGrades({ studentId }: { studentId: string }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const grades = useLoad(() => call('transcripts.grades', { studentId }), [studentId]);
  const [lang, setLang] = useState<Lang>(() => (LANGS as readonly string[]).includes(intl.locale) ? (intl.locale as Lang) : 'ky');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decimal = intl.locale === 'en' ? '.' : ',';
  const gpa = (v: number | null) => formatGpa(v, decimal);

  async function print(format: 'pdf' | 'xlsx') {
    setBusy(true);
    setError(null);
    try {
      downloadFile(await call('transcripts.export', { studentId, lang, format }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const attemptText = (a: AttemptView) =>
    a.status === 'absent' ? t('grades.mark.absent') : a.status === 'not_admitted' ? t('grades.mark.not_admitted') : `${a.total}${a.letter ? ` ${a.letter}` : ''}`;
  const result = (l: TranscriptLineView) => {
    const last = l.attempts.at(-1)!;
    if (last.status !== 'graded') return attemptText(last);
    return l.traditional === null ? t(l.passed ? 'registrar.grades.passed' : 'registrar.grades.failed') : `${l.total} ${l.letter ?? ''}`;
  };

  const data: StudentGradesView | null = grades.data;
  return (
    <div className="student-grades" data-testid="student-grades" data-loading={grades.state.phase === 'loading' ? 'true' : 'false'}>
      {grades.state.phase === 'error' ? <ErrorBanner message={grades.state.message} onRetry={grades.reload} /> : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : null}
      {data && data.semesters.length === 0 ? <p className="muted">{t('registrar.grades.none')}</p> : null}
      {data && data.semesters.length > 0 ? (
        <>
          <div className="grades-summary">
            <strong data-testid="grades-cumulative">{t('registrar.grades.cumulative', { credits: data.cumulative.creditsEarned, gpa: gpa(data.cumulative.gpa) })}</strong>
            <div className="grades-print" role="group" aria-label={t('registrar.transcript.print')}>
              <label className="muted small">
                {t('registrar.transcript.lang')}{' '}
                <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="transcript-lang">
                  {LANGS.map((l) => (
                    <option key={l} value={l}>
                      {l.toUpperCase()}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void print('pdf')} data-testid="transcript-pdf">
                {t('registrar.transcript.pdf')}
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void print('xlsx')} data-testid="transcript-xlsx">
                {t('registrar.transcript.xlsx')}
              </button>
            </div>
          </div>
          {data.semesters.map((s) => (
            <section key={s.semester} className="grades-semester" data-testid={`grades-semester-${s.semester}`}>
              <h4 className="grades-semester-title">
                <span>{t('registrar.grades.semester', { semester: s.semester, year: s.academicYearId })}</span>
                <span className="muted small">{t('registrar.grades.semesterFigures', { credits: s.creditsEarned, gpa: gpa(s.gpa) })}</span>
              </h4>
              <table className="grades-table">
                <tbody>
                  {s.lines.map((l) => (
                    <tr key={l.offering} className={l.passed ? undefined : 'grades-failed'}>
                      <td className="grades-discipline">
                        {l.discipline[intl.locale as Lang] || l.discipline.ru}
                        {l.attempts.length > 1 ? (
                          <div className="muted small">{t('registrar.grades.attempts', { list: l.attempts.map(attemptText).join(' → ') })}</div>
                        ) : null}
                      </td>
                      <td className="num muted small">{l.credits}</td>
                      <td className="num grades-result">{result(l)}</td>
                      <td className="num muted small">{l.gpaPoints === null ? '' : gpa(l.gpaPoints)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
