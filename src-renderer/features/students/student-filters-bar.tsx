import { useIntl } from 'react-intl';
import { FUNDINGS, STUDENT_STATUSES, type Funding, type StudentStatus, type StudyForm } from '../../../src-shared/domain/enums';
import { fundingKey, localName, specialtyLabel, statusKey, studyFormKey } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { SelectField } from '../../ui/select';
import {
  coursesFor,
  fixedFaculty,
  formsFor,
  groupsFor,
  hasFilters,
  NO_FILTERS,
  normalizeFilters,
  specialtiesFor,
  type StudentFilters,
} from './student-filters';

interface FiltersBarProps {
  reference: ReferenceIndex;
  filters: StudentFilters;
  onChange(filters: StudentFilters): void;
}

/** Faculty → specialty → course → form → group, then funding and status; each list narrowed by those before it. */
export function StudentFiltersBar({ reference, filters, onChange }: FiltersBarProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const { scope } = reference;
  const all = intl.formatMessage({ id: 'filter.all' });
  const fixed = fixedFaculty(scope);
  const set = (patch: Partial<StudentFilters>) => onChange(normalizeFilters(scope, { ...filters, ...patch }));

  return (
    <div className="filters" data-testid="students-filters">
      {fixed ? (
        <div className="field field-fixed" data-testid="filter-faculty-fixed">
          <span className="field-label">{intl.formatMessage({ id: 'filter.faculty' })}</span>
          <span className="fixed-value" title={localName(reference.faculty.get(fixed)?.name, locale)}>
            {localName(reference.faculty.get(fixed)?.name, locale)}
          </span>
        </div>
      ) : (
        <SelectField
          label={intl.formatMessage({ id: 'filter.faculty' })}
          value={filters.facultyId}
          onChange={(v) => set({ facultyId: v })}
          emptyLabel={all}
          options={scope.faculties.map((f) => ({ value: f.id, label: localName(f.name, locale) }))}
          testId="filter-faculty"
          className="filter-wide"
        />
      )}
      <SelectField
        label={intl.formatMessage({ id: 'filter.specialty' })}
        value={filters.specialtyId}
        onChange={(v) => set({ specialtyId: v })}
        emptyLabel={all}
        options={specialtiesFor(scope, filters).map((s) => ({ value: s.id, label: specialtyLabel(s, locale) }))}
        testId="filter-specialty"
        className="filter-wide"
      />
      <SelectField
        label={intl.formatMessage({ id: 'filter.course' })}
        value={filters.course}
        onChange={(v) => set({ course: v })}
        emptyLabel={all}
        options={coursesFor(scope, filters).map((c) => ({
          value: String(c),
          label: intl.formatMessage({ id: 'filter.courseValue' }, { course: c }),
        }))}
        testId="filter-course"
      />
      <SelectField
        label={intl.formatMessage({ id: 'filter.form' })}
        value={filters.form}
        onChange={(v) => set({ form: v as StudyForm | '' })}
        emptyLabel={all}
        options={formsFor(scope, filters).map((f) => ({ value: f, label: intl.formatMessage({ id: studyFormKey(f) }) }))}
        testId="filter-form"
      />
      <SelectField
        label={intl.formatMessage({ id: 'filter.group' })}
        value={filters.groupId}
        onChange={(v) => set({ groupId: v })}
        emptyLabel={all}
        options={groupsFor(scope, filters).map((g) => ({ value: g.id, label: g.name }))}
        testId="filter-group"
      />
      <SelectField
        label={intl.formatMessage({ id: 'filter.funding' })}
        value={filters.funding}
        onChange={(v) => set({ funding: v as Funding | '' })}
        emptyLabel={all}
        options={FUNDINGS.map((f) => ({ value: f, label: intl.formatMessage({ id: fundingKey(f) }) }))}
        testId="filter-funding"
      />
      <SelectField
        label={intl.formatMessage({ id: 'filter.status' })}
        value={filters.status}
        onChange={(v) => set({ status: v as StudentStatus | '' })}
        emptyLabel={all}
        options={STUDENT_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: statusKey(s) }) }))}
        testId="filter-status"
      />
      <button
        type="button"
        className="btn btn-quiet filters-reset"
        onClick={() => onChange(NO_FILTERS)}
        disabled={!hasFilters(filters)}
        data-testid="filters-reset"
      >
        {intl.formatMessage({ id: 'filter.reset' })}
      </button>
    </div>
  );
}
