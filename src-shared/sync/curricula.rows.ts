/** Row schemas of curricula and the academic calendar (twins of migrations 0004, 0007, 0009). */
import { CONTROL_FORMS } from '../domain/enums';
import { studyForm } from './reference.rows';
import { col, rowSchema, rule, versioned } from './row-schema';

export const TERMS = ['autumn', 'spring', 'summer'] as const;

export const curriculaRows = {
  discipline: rowSchema({ chair_id: col.ref('chair').orNull, name_ky: col.text(), name_ru: col.text(), name_en: col.text(), ...versioned }),
  curriculum: rowSchema({ specialty_id: col.ref('specialty'), intake_year: col.int({}, 2025), form: studyForm(), ...versioned }),
  curriculum_item: rowSchema({
    curriculum_id: col.ref('curriculum'),
    discipline_id: col.ref('discipline'),
    semester: col.int({ min: 1, max: 12 }),
    credits: col.int({ min: 1, max: 60 }, 5),
    hours: col.int({ min: 1 }, 150),
    control_form: col.oneOf(CONTROL_FORMS),
    ...versioned,
  }),
};

export const calendarRows = {
  academic_year: rowSchema({
    id: col.pattern(/^\d{4}-\d{4}$/, '2026-2027', 'an academic year like 2026-2027'),
    starts_on: col.date('2026-09-01'),
    ends_on: col.date('2027-08-31'),
  }),
  academic_session: rowSchema(
    {
      academic_year_id: col.ref('academic_year'),
      faculty_id: col.ref('faculty').orNull,
      term: col.oneOf(TERMS),
      starts_on: col.date(),
      ends_on: col.date(),
      entry_opens_on: col.date(),
      entry_closes_on: col.date(),
      ...versioned,
    },
    [
      rule('ends_on', 'must not be before starts_on', (r) => String(r.starts_on) <= String(r.ends_on)),
      rule('entry_closes_on', 'must not be before entry_opens_on', (r) => String(r.entry_opens_on) <= String(r.entry_closes_on)),
    ],
  ),
  grading_scale: rowSchema({
    from_academic_year_id: col.ref('academic_year'),
    version: col.int({ min: 1 }),
    scale_json: col.text('{}'),
    created_by: col.ref('app_user').orNull,
    created_at: col.time(),
  }),
};
