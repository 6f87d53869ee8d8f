import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { BASE_EDUCATIONS, STUDENT_FLAGS, type BaseEducation } from '../../../src-shared/domain/enums';
import { baseEducationKey, flagKey, localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import type { EditDraft, EditField } from './student-edit';

interface StudentEditFormProps {
  draft: EditDraft;
  onChange(draft: EditDraft): void;
  errors: Partial<Record<EditField, string>>;
  reference: ReferenceIndex;
  disabled: boolean;
}

/** The fields a clerk may correct directly; the rest of the card stays read-only. */
export function StudentEditForm({ draft, onChange, errors, reference, disabled }: StudentEditFormProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const set = (patch: Partial<EditDraft>) => onChange({ ...draft, ...patch });

  const countries = useMemo(() => {
    const collator = new Intl.Collator(locale);
    const list = reference.scope.countries
      .map((c) => ({ value: c.code, label: localName(c.name, locale) || c.code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // a code the reference does not know is still the student's value: keep it selectable
    if (draft.citizenship && !list.some((c) => c.value === draft.citizenship)) {
      list.unshift({ value: draft.citizenship, label: draft.citizenship });
    }
    return list;
  }, [reference, locale, draft.citizenship]);

  return (
    <div className="edit-form" data-testid="student-edit-form">
      <TextField
        label={intl.formatMessage({ id: 'card.recordBookNo' })}
        value={draft.recordBookNo}
        onChange={(v) => set({ recordBookNo: v })}
        maxLength={20}
        error={errors.recordBookNo}
        errorName="recordBookNo"
        testId="edit-recordBookNo"
        disabled={disabled}
      />
      <TextField
        label={intl.formatMessage({ id: 'card.pin' })}
        value={draft.pin}
        onChange={(v) => set({ pin: v })}
        maxLength={20}
        inputMode="numeric"
        error={errors.pin}
        errorName="pin"
        testId="edit-pin"
        disabled={disabled}
      />
      <TextField
        label={intl.formatMessage({ id: 'card.birthDate' })}
        value={draft.birthDate}
        onChange={(v) => set({ birthDate: v })}
        maxLength={10}
        placeholder={intl.formatMessage({ id: 'card.dateHint' })}
        hint={intl.formatMessage({ id: 'card.dateHint' })}
        error={errors.birthDate}
        errorName="birthDate"
        testId="edit-birthDate"
        disabled={disabled}
      />
      <TextField
        label={intl.formatMessage({ id: 'label.latinName' })}
        value={draft.latinName}
        onChange={(v) => set({ latinName: v })}
        maxLength={100}
        error={errors.latinName}
        errorName="latinName"
        testId="edit-latinName"
        disabled={disabled}
      />
      <SelectField
        label={intl.formatMessage({ id: 'card.citizenship' })}
        value={draft.citizenship}
        onChange={(v) => set({ citizenship: v })}
        options={countries}
        error={errors.citizenship}
        errorName="citizenship"
        testId="edit-citizenship"
        disabled={disabled}
      />
      <SelectField
        label={intl.formatMessage({ id: 'card.baseEducation' })}
        value={draft.baseEducation}
        onChange={(v) => set({ baseEducation: v as BaseEducation })}
        options={BASE_EDUCATIONS.map((b) => ({ value: b, label: intl.formatMessage({ id: baseEducationKey(b) }) }))}
        error={errors.baseEducation}
        errorName="baseEducation"
        testId="edit-baseEducation"
        disabled={disabled}
      />
      <fieldset className={errors.flags ? 'fieldset field-invalid' : 'fieldset'} disabled={disabled}>
        <legend className="field-label">{intl.formatMessage({ id: 'card.flags' })}</legend>
        {STUDENT_FLAGS.map((f) => (
          <label key={f} className="checkbox">
            <input
              type="checkbox"
              checked={draft.flags[f]}
              onChange={(e) => set({ flags: { ...draft.flags, [f]: e.target.checked } })}
              data-testid={`edit-flag-${f}`}
            />
            {intl.formatMessage({ id: flagKey(f) })}
          </label>
        ))}
        {errors.flags ? (
          <span className="field-error" role="alert" data-testid="field-error-flags">
            {errors.flags}
          </span>
        ) : null}
      </fieldset>
      <p className="muted small">{intl.formatMessage({ id: 'card.editHint' })}</p>
    </div>
  );
}
