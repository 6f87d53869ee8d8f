import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, GradeSheetSummary, RetakeCandidate } from '../../../src-shared/contract';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { groupRetakes } from './retake-groups';
import { useLoad } from '../../ui/use-load';

const REASON_KEYS: Record<RetakeCandidate['reason'], MessageKey> = {
  fx: 'grades.retake.reason.fx',
  absent: 'grades.retake.reason.absent',
  not_admitted: 'grades.retake.reason.not_admitted',
};

/**
 * Who must sit a discipline again (FX, absent, not admitted on a closed sheet), by sheet; the
 * clerk ticks students and makes a retake sheet linked to the original.
 */
export function RetakesPanel({ session, onOpen }: { session: AcademicSessionView; onOpen(id: string): void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; number: string; count: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loaded = useLoad(async (): Promise<{ candidates: RetakeCandidate[]; sheets: GradeSheetSummary[] }> => {
    const [c, s] = await Promise.all([call('gradeSheets.retakeCandidates', { sessionId: session.id }), call('gradeSheets.list', { sessionId: session.id })]);
    return { candidates: c.rows, sheets: s.rows };
  }, [session.id]);
  const data = loaded.state;
  // everyone who may retake is ticked when the list arrives: the usual case is the whole list
  useEffect(() => {
    if (loaded.data) setPicked(new Set(loaded.data.candidates.filter((r) => r.allowed).map((r) => `${r.sheetId}|${r.studentId}`)));
  }, [loaded.data]);

  if (data.phase === 'loading') return <div className="muted" aria-busy="true">{t('app.loading')}</div>;
  if (data.phase === 'error') return <ErrorBanner message={data.message} onRetry={loaded.reload} />;
  const groups = groupRetakes(data.data.candidates, data.data.sheets);

  const toggle = (key: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  async function create(sheetId: string, studentIds: string[]) {
    setBusy(sheetId);
    setError(null);
    setCreated(null);
    try {
      const d = await call('gradeSheets.createRetake', { parentSheetId: sheetId, studentIds, kind: 'retake' });
      setCreated({ id: d.id, number: d.number, count: d.rows.length });
      loaded.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="retakes" data-testid="retakes">
      <p className="muted">{t('grades.retake.intro')}</p>
      {created ? (
        <Notice message={t('grades.retake.created', { number: created.number, count: created.count })} testId="retake-created">
          <button type="button" className="btn btn-small" onClick={() => onOpen(created.id)} data-testid="retake-open">
            {t('grades.retake.open')}
          </button>
        </Notice>
      ) : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="retake-error" /> : null}
      {groups.length === 0 ? (
        <p className="empty-state" data-testid="retakes-empty">
          {t('grades.retake.none')}
        </p>
      ) : null}
      {groups.map((g) => {
        const chosen = g.candidates.filter((c) => c.allowed && picked.has(`${g.sheetId}|${c.studentId}`)).map((c) => c.studentId);
        return (
          <section key={g.sheetId} className="retake-group" data-testid="retake-group" data-sheet-number={g.sheetNumber}>
            <h2 className="retake-title">
              {t('grades.retake.groupTitle', { number: g.sheetNumber, group: g.groupName, discipline: localName(g.discipline, locale) })}
            </h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" className="cell-check">
                    <span className="sr-only">{t('grades.retake.pick')}</span>
                  </th>
                  <th scope="col">{t('grades.retake.student')}</th>
                  <th scope="col">{t('grades.retake.reason')}</th>
                  <th scope="col">{t('grades.retake.attempt')}</th>
                </tr>
              </thead>
              <tbody>
                {g.candidates.map((c) => {
                  const key = `${g.sheetId}|${c.studentId}`;
                  const name = fullName(c);
                  return (
                    <tr key={key} data-testid="retake-row" data-allowed={c.allowed ? 'true' : 'false'}>
                      <td className="cell-check">
                        <input
                          type="checkbox"
                          checked={c.allowed && picked.has(key)}
                          disabled={!c.allowed}
                          onChange={() => toggle(key)}
                          aria-label={name}
                        />
                      </td>
                      <td>{name}</td>
                      <td>{t(REASON_KEYS[c.reason])}</td>
                      <td>{c.allowed ? t('grades.retake.attemptOf', { attempt: c.attempt }) : t('grades.retake.limit', { attempt: c.attempt })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <button
              type="button"
              className="btn btn-primary"
              disabled={chosen.length === 0 || busy !== null}
              onClick={() => void create(g.sheetId, chosen)}
              data-testid="retake-create"
            >
              {t(busy === g.sheetId ? 'grades.retake.creating' : 'grades.retake.create', { count: chosen.length })}
            </button>
          </section>
        );
      })}
    </div>
  );
}
