import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CurriculumDetail, CurriculumSummary, SessionUser } from '../../../src-shared/contract';
import { STUDY_FORMS, type StudyForm } from '../../../src-shared/domain/enums';
import { can } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { specialtyLabel, studyFormKey } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { useReference } from '../../app/reference-context';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { intakeYearOptions } from './curriculum-draft';
import { CurriculumSemesters } from './curriculum-semesters';
import { useLoad, type Loaded } from '../../ui/use-load';

type Load<T> = { phase: 'idle' } | Loaded<T>;
const IDLE = { phase: 'idle' } as const;

/** The Curricula section: pick specialty, intake year and form; see and edit its semesters. */
export function CurriculaScreen({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const reference = useReference();
  const canEdit = can(user.role, 'curricula.edit');
  const specialties = useMemo(
    () => (reference.phase === 'ready' ? [...reference.index.scope.specialties].sort((a, b) => a.code.localeCompare(b.code)) : []),
    [reference],
  );
  const [specialtyId, setSpecialtyId] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [form, setForm] = useState<StudyForm>('full_time');
  const [copyFrom, setCopyFrom] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!specialtyId && specialties[0]) setSpecialtyId(specialties[0].id);
  }, [specialties, specialtyId]);

  const curricula = useLoad(() => call('curricula.list', { specialtyId }).then((r): CurriculumSummary[] => r.rows), [specialtyId], { enabled: !!specialtyId });
  const list: Load<CurriculumSummary[]> = specialtyId ? curricula.state : IDLE;
  useEffect(() => {
    // open on the newest intake that has a curriculum of the chosen form (the form is read only for this first choice)
    if (curricula.data) setYear((y) => y ?? curricula.data!.find((c) => c.form === form)?.intakeYear ?? new Date().getFullYear());
  }, [curricula.data]);

  const rows = list.phase === 'ready' ? list.data : [];
  const chosen = rows.find((c) => c.intakeYear === year && c.form === form) ?? null;

  const loadedDetail = useLoad(() => call('curricula.get', { id: chosen!.id }), [chosen?.id], { enabled: chosen !== null });
  const detail: Load<CurriculumDetail> = chosen ? loadedDetail.state : IDLE;
  const retry = () => {
    curricula.reload();
    loadedDetail.reload();
  };

  function choose(next: { specialtyId?: string; year?: number; form?: StudyForm }) {
    setNotice(null);
    setCreateError(null);
    setCopyFrom('');
    if (next.specialtyId !== undefined) {
      setSpecialtyId(next.specialtyId);
      setYear(null);
    }
    if (next.year !== undefined) setYear(next.year);
    if (next.form !== undefined) setForm(next.form);
  }

  async function create() {
    if (!specialtyId || year === null) return;
    setCreating(true);
    setCreateError(null);
    try {
      const d = await call('curricula.create', { specialtyId, intakeYear: year, form, ...(copyFrom ? { copyFromIntakeYear: Number(copyFrom) } : {}) });
      curricula.set([...rows, { ...d }]);
      loadedDetail.set(d);
      setNotice(t('curricula.created'));
    } catch (e) {
      setCreateError(errorMessage(e));
    } finally {
      setCreating(false);
    }
  }

  const years = intakeYearOptions(rows.map((c) => c.intakeYear), new Date().getFullYear());
  const sources = rows.filter((c) => c.form === form && c.intakeYear !== year);
  const shown = detail.phase === 'ready' && chosen && detail.data.id === chosen.id ? detail.data : null;

  return (
    <section className="curricula-screen" data-testid="curricula-screen">
      <div className="page-head">
        <h1 className="page-title">{t('curricula.title')}</h1>
      </div>
      {reference.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {t('app.loading')}
        </div>
      ) : null}
      {reference.phase === 'error' ? <ErrorBanner message={reference.message} onRetry={reference.retry} /> : null}
      {!canEdit ? <p className="muted small">{t('curricula.readOnly')}</p> : null}
      <div className="filters curricula-filters">
        <SelectField
          label={t('curricula.specialty')}
          value={specialtyId}
          onChange={(v) => choose({ specialtyId: v })}
          options={specialties.map((s) => ({ value: s.id, label: specialtyLabel(s, locale) }))}
          testId="curricula-specialty"
          className="curricula-specialty"
        />
        <SelectField
          label={t('curricula.intakeYear')}
          value={year === null ? '' : String(year)}
          onChange={(v) => choose({ year: Number(v) })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          testId="curricula-year"
        />
        <SelectField
          label={t('curricula.form')}
          value={form}
          onChange={(v) => choose({ form: v as StudyForm })}
          options={STUDY_FORMS.map((f) => ({ value: f, label: t(studyFormKey(f)) }))}
          testId="curricula-form"
        />
      </div>
      {list.phase === 'error' ? <ErrorBanner message={list.message} onRetry={retry} /> : null}
      {detail.phase === 'error' ? <ErrorBanner message={detail.message} onRetry={retry} /> : null}
      {notice ? <Notice message={notice} testId="curricula-created" /> : null}
      {list.phase === 'loading' || detail.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {t('app.loading')}
        </div>
      ) : null}
      {list.phase === 'ready' && !chosen && year !== null ? (
        <div className="curricula-missing" data-testid="curricula-missing">
          <p className="empty-state">{t('curricula.none', { year })}</p>
          {canEdit ? (
            <div className="curricula-create">
              {createError ? <ErrorBanner message={createError} onDismiss={() => setCreateError(null)} testId="curricula-create-error" /> : null}
              <SelectField
                label={t('curricula.copyFrom')}
                value={copyFrom}
                onChange={setCopyFrom}
                emptyLabel={t('curricula.copyNone')}
                options={sources.map((c) => ({ value: String(c.intakeYear), label: t('curricula.copyOption', { year: c.intakeYear }) }))}
                testId="curricula-copy-from"
              />
              <button type="button" className="btn btn-primary" onClick={() => void create()} disabled={creating} data-testid="curricula-create">
                {t(creating ? 'curricula.creating' : 'curricula.create')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {shown ? (
        <div className="curricula-detail" data-testid="curricula-detail" data-curriculum-id={shown.id}>
          <p className="count-line" data-testid="curricula-summary">
            {t('curricula.summary', { items: shown.items.length, credits: shown.credits })}
          </p>
          <CurriculumSemesters
            curriculum={shown}
            canEdit={canEdit}
            onChange={(next) => {
              loadedDetail.set(next);
              setNotice(null);
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
