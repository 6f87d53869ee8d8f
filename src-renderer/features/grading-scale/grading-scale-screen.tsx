import type { GradingScale, ScalePart } from '../../../src-shared/domain/grading';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { GradingScaleDetail, GradingScaleList } from '../../../src-shared/contract';
import { call, errorMessage, isApiError } from '../../api/client';
import { useLocale } from '../../app/locale-context';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { ScaleEditor } from './scale-editor';
import { checkForm, formOf, serverProblems, type Problems, type ScaleForm } from './scale-form';
import { ScaleVersionsTable } from './scale-versions-table';
import { useLoad } from '../../ui/use-load';

const NONE: Problems = new Map();

/**
 * The administrator's grading scale (issue 4): the stored versions, and an editor that starts
 * from the scale in force for the chosen academic year and saves a new version of it.
 */
export function GradingScaleScreen() {
  const intl = useIntl();
  const { locale } = useLocale();
  const decimal = locale === 'en' ? '.' : ',';
  const scales = useLoad(() => call('gradingScale.list', {}), [], { keepPrevious: true });
  const list: GradingScaleList | null = scales.data;
  const [year, setYear] = useState<string | null>(null);
  // the GPA separator is read once per load: retyping a half-edited table on a language switch would lose edits
  const loaded = useLoad(() => call('gradingScale.get', { academicYearId: year! }), [year], { enabled: year !== null });
  const detail: GradingScaleDetail | null = year !== null ? loaded.data : null;
  const [form, setForm] = useState<ScaleForm | null>(null);
  // problems show once a save was tried, then follow every edit; main's until the next edit
  const [checking, setChecking] = useState(false);
  const [fromServer, setFromServer] = useState<Problems>(NONE);
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    // a new scale is most often for the coming year: the last one offered
    if (list) setYear((y) => y ?? list.academicYears[list.academicYears.length - 1] ?? null);
  }, [list]);
  // a freshly loaded version replaces the form (a save sets the saved one the same way)
  useEffect(() => {
    if (!loaded.data) return;
    setForm(formOf(loaded.data.scale, decimal));
    setChecking(false);
    setFromServer(NONE);
  }, [loaded.data]);
  const loadError = scales.state.phase === 'error' ? scales.state.message : loaded.state.phase === 'error' ? loaded.state.message : null;
  useEffect(() => {
    if (loadError) setBanner(loadError);
  }, [loadError]);

  const checked = useMemo(() => (form ? checkForm(form) : null), [form]);
  const problems = checking && checked ? checked.problems : fromServer;

  function edit(next: ScaleForm) {
    setForm(next);
    setFromServer(NONE);
    setNotice(null);
  }

  async function save() {
    if (!checked || !detail || !year) return;
    setChecking(true);
    setBanner(null);
    setNotice(null);
    if (!checked.scale) return;
    setSaving(true);
    try {
      const d = await call('gradingScale.save', { academicYearId: year, baseVersion: detail.baseVersion, scale: { ...checked.scale, bands: [...checked.scale.bands], parts: [...checked.scale.parts], ...formPartsOf(checked.scale) } });
      loaded.set(d);
      setNotice(intl.formatMessage({ id: 'scale.saved' }, { version: d.inForce?.version ?? d.baseVersion, year }));
      scales.reload();
    } catch (e) {
      setBanner(errorMessage(e));
      if (isApiError(e) && e.fields.length) {
        setChecking(false);
        setFromServer(serverProblems(e.fields));
      }
    } finally {
      setSaving(false);
    }
  }

  const loading = list === null || (year !== null && detail === null);
  return (
    <section className="scale-screen" data-testid="grading-scale-screen" data-loading={loading ? 'true' : 'false'}>
      <div className="page-head">
        <h1 className="page-title">{intl.formatMessage({ id: 'scale.title' })}</h1>
      </div>
      <p className="muted scale-intro">{intl.formatMessage({ id: 'scale.intro' })}</p>
      {banner ? <ErrorBanner message={banner} onDismiss={() => setBanner(null)} testId="scale-error" /> : null}
      {notice ? <Notice message={notice} testId="scale-saved" /> : null}
      {list ? <ScaleVersionsTable rows={list.rows} /> : <div className="muted">{intl.formatMessage({ id: 'app.loading' })}</div>}

      {list && year ? (
        <div className="scale-editor-head">
          <h2 className="section-title">{intl.formatMessage({ id: 'scale.editor' })}</h2>
          <SelectField
            label={intl.formatMessage({ id: 'scale.year' })}
            value={year}
            onChange={setYear}
            options={list.academicYears.map((y) => ({ value: y, label: y }))}
            testId="scale-year"
          />
          {detail ? (
            <p className="muted" data-testid="scale-base">
              {detail.inForce
                ? intl.formatMessage({ id: 'scale.baseVersion' }, { version: detail.inForce.version, year: detail.inForce.academicYearId })
                : intl.formatMessage({ id: 'scale.baseDefault' })}{' '}
              {intl.formatMessage({ id: 'scale.nextVersion' }, { version: detail.baseVersion + 1, year })}
            </p>
          ) : null}
        </div>
      ) : null}

      {detail && form ? (
        <>
          <ScaleEditor form={form} onChange={edit} problems={problems} />
          {checking && checked && checked.count > 0 ? (
            <p className="field-error" role="alert" data-testid="scale-problems">
              {intl.formatMessage({ id: 'scale.problems' }, { count: checked.count })}
            </p>
          ) : null}
          <div className="scale-actions">
            <button type="button" className="btn btn-primary" onClick={save} disabled={saving} data-testid="scale-save">
              {intl.formatMessage({ id: saving ? 'scale.saving' : 'scale.save' })}
            </button>
            <button type="button" className="btn" onClick={() => edit(formOf(detail.scale, decimal))} disabled={saving} data-testid="scale-reset">
              {intl.formatMessage({ id: 'scale.reset' })}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The forms' own parts are not edited on this screen: a save keeps those the scale came with. */
function formPartsOf(scale: GradingScale): { formParts?: Record<string, ScalePart[]> } {
  if (!scale.formParts) return {};
  const entries = Object.entries(scale.formParts) as [string, readonly ScalePart[] | undefined][];
  return { formParts: Object.fromEntries(entries.map(([form, parts]) => [form, [...(parts ?? [])]])) };
}
