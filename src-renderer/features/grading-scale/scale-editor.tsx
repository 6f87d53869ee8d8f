import { useIntl } from 'react-intl';
import { OUTCOMES, type GradeBand, type ScalePart } from '../../../src-shared/domain/grading';
import type { MessageKey } from '../../../src-shared/i18n';
import { CellInput, CellSelect, TableProblem, useProblemText } from './scale-cells';
import { emptyBand, emptyPart, partsSum, THRESHOLDS, type BandRow, type PartRow, type Problems, type ScaleForm } from './scale-form';

const TRADITIONAL: readonly GradeBand['traditional'][] = [5, 4, 3, 2];
const KINDS: readonly ScalePart['kind'][] = ['current', 'final'];
const BAND_COLUMNS: readonly { field: 'min' | 'max' | 'letter' | 'gpa'; label: MessageKey; mode: 'numeric' | 'decimal' | 'text' }[] = [
  { field: 'min', label: 'scale.band.from', mode: 'numeric' },
  { field: 'max', label: 'scale.band.to', mode: 'numeric' },
  { field: 'letter', label: 'scale.band.letter', mode: 'text' },
  { field: 'gpa', label: 'scale.band.gpa', mode: 'decimal' },
];
const PART_TEXT: readonly { field: 'ky' | 'ru' | 'en'; label: MessageKey }[] = [
  { field: 'ky', label: 'scale.part.labelKy' },
  { field: 'ru', label: 'scale.part.labelRu' },
  { field: 'en', label: 'scale.part.labelEn' },
];

interface EditorProps {
  form: ScaleForm;
  onChange(form: ScaleForm): void;
  problems: Problems;
}

/** The editable scale: points → letter → GPA → grade, the parts with their maxima, thresholds. */
export function ScaleEditor({ form, onChange, problems }: EditorProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const problemAt = useProblemText(problems);
  const setBand = (i: number, patch: Partial<BandRow>) => onChange({ ...form, bands: form.bands.map((b, k) => (k === i ? { ...b, ...patch } : b)) });
  const setPart = (i: number, patch: Partial<PartRow>) => onChange({ ...form, parts: form.parts.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  const cell = (n: number, column: MessageKey, kind: 'band' | 'part') =>
    t(kind === 'band' ? 'scale.band.cell' : 'scale.part.cell', { [kind]: n, column: t(column) });
  const sum = partsSum(form);

  return (
    <div className="scale-editor">
      <h2 className="section-title">{t('scale.bands')}</h2>
      <TableProblem path="bands" text={problemAt('bands')} />
      <div className="table-wrap">
        <table className="table table-compact scale-table" data-testid="scale-bands">
          <thead>
            <tr>
              <th scope="col">{t('scale.band.no')}</th>
              {BAND_COLUMNS.map((c) => (
                <th key={c.field} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th scope="col">{t('scale.band.traditional')}</th>
              <th scope="col">{t('scale.band.outcome')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {form.bands.map((b, i) => (
              <tr key={i} data-testid="scale-band-row">
                <td className="num">{i + 1}</td>
                {BAND_COLUMNS.map((c) => (
                  <td key={c.field}>
                    <CellInput
                      path={`bands.${i}.${c.field}`}
                      label={cell(i + 1, c.label, 'band')}
                      value={b[c.field]}
                      onChange={(v) => setBand(i, { [c.field]: v })}
                      error={problemAt(`bands.${i}.${c.field}`)}
                      className={c.field === 'letter' ? 'scale-input-letter' : 'scale-input-number'}
                      inputMode={c.mode}
                      maxLength={c.field === 'letter' ? 5 : 6}
                    />
                  </td>
                ))}
                <td>
                  <CellSelect
                    path={`bands.${i}.traditional`}
                    label={cell(i + 1, 'scale.band.traditional', 'band')}
                    value={b.traditional}
                    options={TRADITIONAL.map((g) => ({ value: g, label: t(`grades.traditional.${g}`) }))}
                    onChange={(traditional) => setBand(i, { traditional })}
                    error={problemAt(`bands.${i}.traditional`)}
                  />
                </td>
                <td>
                  <CellSelect
                    path={`bands.${i}.outcome`}
                    label={cell(i + 1, 'scale.band.outcome', 'band')}
                    value={b.outcome}
                    options={OUTCOMES.map((o) => ({ value: o, label: t(`scale.outcome.${o}`) }))}
                    onChange={(outcome) => setBand(i, { outcome })}
                    error={problemAt(`bands.${i}.outcome`)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn-icon"
                    onClick={() => onChange({ ...form, bands: form.bands.filter((_, k) => k !== i) })}
                    disabled={form.bands.length <= 1}
                    aria-label={t('scale.removeBand', { band: i + 1 })}
                    title={t('scale.removeBand', { band: i + 1 })}
                    data-testid={`scale-remove-band-${i}`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="btn btn-small scale-add" onClick={() => onChange({ ...form, bands: [...form.bands, emptyBand()] })} data-testid="scale-add-band">
        {t('scale.addBand')}
      </button>

      <h2 className="section-title">{t('scale.parts')}</h2>
      <TableProblem path="parts" text={problemAt('parts')} />
      <div className="table-wrap">
        <table className="table table-compact scale-table" data-testid="scale-parts">
          <thead>
            <tr>
              <th scope="col">{t('scale.part.no')}</th>
              <th scope="col">{t('scale.part.key')}</th>
              <th scope="col">{t('scale.part.kind')}</th>
              <th scope="col">{t('scale.part.max')}</th>
              {PART_TEXT.map((c) => (
                <th key={c.field} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {form.parts.map((p, i) => (
              <tr key={i} data-testid="scale-part-row">
                <td className="num">{i + 1}</td>
                <td>
                  <CellInput path={`parts.${i}.key`} label={cell(i + 1, 'scale.part.key', 'part')} value={p.key} onChange={(key) => setPart(i, { key })} error={problemAt(`parts.${i}.key`)} className="scale-input-letter" maxLength={20} />
                </td>
                <td>
                  <CellSelect
                    path={`parts.${i}.kind`}
                    label={cell(i + 1, 'scale.part.kind', 'part')}
                    value={p.kind}
                    options={KINDS.map((k) => ({ value: k, label: t(`scale.kind.${k}`) }))}
                    onChange={(kind) => setPart(i, { kind })}
                    error={problemAt(`parts.${i}.kind`)}
                  />
                </td>
                <td>
                  <CellInput path={`parts.${i}.max`} label={cell(i + 1, 'scale.part.max', 'part')} value={p.max} onChange={(max) => setPart(i, { max })} error={problemAt(`parts.${i}.max`)} className="scale-input-number" inputMode="numeric" maxLength={4} />
                </td>
                {PART_TEXT.map((c) => (
                  <td key={c.field}>
                    <CellInput
                      path={`parts.${i}.label.${c.field}`}
                      label={cell(i + 1, c.label, 'part')}
                      value={p[c.field]}
                      onChange={(v) => setPart(i, { [c.field]: v })}
                      // validateScale names the label as a whole: shown once, under the Kyrgyz name
                      error={c.field === 'ky' ? problemAt(`parts.${i}.label`) : null}
                      className="scale-input-name"
                      maxLength={40}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="btn-icon"
                    onClick={() => onChange({ ...form, parts: form.parts.filter((_, k) => k !== i) })}
                    disabled={form.parts.length <= 1}
                    aria-label={t('scale.removePart', { part: i + 1 })}
                    title={t('scale.removePart', { part: i + 1 })}
                    data-testid={`scale-remove-part-${i}`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="scale-parts-foot">
        <button type="button" className="btn btn-small" onClick={() => onChange({ ...form, parts: [...form.parts, emptyPart()] })} data-testid="scale-add-part">
          {t('scale.addPart')}
        </button>
        <span className={sum === 100 ? 'muted' : 'scale-sum-off'} data-testid="scale-parts-sum">
          {t('scale.partsSum', { sum })}
        </span>
      </div>

      <h2 className="section-title">{t('scale.thresholds')}</h2>
      <div className="scale-thresholds">
        {THRESHOLDS.map((field) => (
          <label key={field} className="field scale-threshold">
            <span className="field-label">{t(`scale.${field}`)}</span>
            <CellInput
              path={field}
              label={t(`scale.${field}`)}
              value={form[field]}
              onChange={(v) => onChange({ ...form, [field]: v })}
              error={problemAt(field)}
              className="scale-input-number"
              inputMode="numeric"
              maxLength={4}
            />
          </label>
        ))}
      </div>
    </div>
  );
}
