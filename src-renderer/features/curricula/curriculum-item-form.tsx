import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CurriculumDetail, CurriculumItemView } from '../../../src-shared/contract';
import { CONTROL_FORMS, type ControlForm } from '../../../src-shared/domain/enums';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { controlFormKey } from './curricula-labels';
import { checkDraft, draftOf, emptyDraft, hoursAfterCredits, splitServerProblems, type DraftField, type ItemDraft } from './curriculum-draft';
import { DisciplinePicker } from './discipline-picker';

/** The label a problem names, the same words as the form's own labels. */
const FIELD_LABEL: Record<DraftField, MessageKey> = {
  disciplineId: 'curricula.col.discipline',
  semester: 'label.semester',
  credits: 'curricula.col.credits',
  hours: 'curricula.col.hours',
  controlForm: 'curricula.col.controlForm',
};

interface CurriculumItemFormProps {
  curriculum: CurriculumDetail;
  /** the item to change; none: a new item in `semester` */
  item: CurriculumItemView | null;
  semester: number;
  onSaved(next: CurriculumDetail): void;
  onCancel(): void;
}

/** Add or change one item in place; every problem is shown next to its field. */
export function CurriculumItemForm({ curriculum, item, semester, onSaved, onCancel }: CurriculumItemFormProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [draft, setDraft] = useState<ItemDraft>(() => (item ? draftOf(item) : emptyDraft(semester)));
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: DraftField, value: string) => {
    setDraft((d) => (field === 'credits' ? { ...d, credits: value, hours: hoursAfterCredits(d, value) } : { ...d, [field]: value }));
    // a problem goes away as soon as the user touches its field
    setErrors((e) => ({ ...e, [field]: undefined, ...(field === 'credits' ? { hours: undefined } : {}) }));
  };

  async function save() {
    setBanner(null);
    const checked = checkDraft(draft, curriculum.semesters);
    if (!checked.ok) {
      const shown: Partial<Record<DraftField, string>> = {};
      for (const [field, p] of Object.entries(checked.problems) as [DraftField, { key: MessageKey; values?: Record<string, number> }][]) {
        shown[field] = t(p.key, { ...p.values, field: t(FIELD_LABEL[field]) });
      }
      setErrors(shown);
      return;
    }
    setSaving(true);
    try {
      const identity = item ? { itemId: item.id, version: item.version } : {};
      onSaved(await call('curricula.setItem', { curriculumId: curriculum.id, ...identity, ...checked.input }));
    } catch (e) {
      if (!isApiError(e)) {
        setBanner(String(e));
        return;
      }
      const { byField, other } = splitServerProblems(e.fields);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || other.length > 0) setBanner(other.length > 0 ? other.join('; ') : e.message);
    } finally {
      setSaving(false);
    }
  }

  const semesterOptions = Array.from({ length: curriculum.semesters }, (_, k) => ({ value: String(k + 1), label: t('curricula.semester', { semester: k + 1 }) }));
  return (
    <form
      className="curricula-item-form"
      data-testid="curricula-item-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      {banner ? <ErrorBanner message={banner} onDismiss={() => setBanner(null)} testId="curricula-item-error" /> : null}
      <DisciplinePicker
        value={draft.disciplineId}
        current={item ? { id: item.disciplineId, name: item.discipline, chairId: null } : null}
        onChange={(v) => set('disciplineId', v)}
        error={errors.disciplineId ?? null}
      />
      <div className="curricula-item-numbers">
        <SelectField
          label={t('label.semester')}
          value={draft.semester}
          onChange={(v) => set('semester', v)}
          options={semesterOptions}
          error={errors.semester}
          errorName="semester"
          testId="curricula-item-semester"
        />
        <TextField
          label={t('curricula.col.credits')}
          value={draft.credits}
          onChange={(v) => set('credits', v)}
          inputMode="numeric"
          maxLength={6}
          error={errors.credits}
          errorName="credits"
          testId="curricula-item-credits"
        />
        <TextField
          label={t('curricula.col.hours')}
          value={draft.hours}
          onChange={(v) => set('hours', v)}
          inputMode="numeric"
          maxLength={6}
          hint={t('curricula.hoursHint')}
          error={errors.hours}
          errorName="hours"
          testId="curricula-item-hours"
        />
        <SelectField
          label={t('curricula.col.controlForm')}
          value={draft.controlForm}
          onChange={(v) => set('controlForm', v as ControlForm)}
          options={CONTROL_FORMS.map((f) => ({ value: f, label: t(controlFormKey(f)) }))}
          error={errors.controlForm}
          errorName="controlForm"
          testId="curricula-item-control"
        />
      </div>
      <div className="curricula-form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={saving} data-testid="curricula-item-save">
          {t(saving ? 'curricula.saving' : 'curricula.save')}
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={onCancel} disabled={saving} data-testid="curricula-item-cancel">
          {t('curricula.cancel')}
        </button>
      </div>
    </form>
  );
}
