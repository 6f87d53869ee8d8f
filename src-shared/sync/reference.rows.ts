/** Row schemas of the university's structure, accounts and staff (twins of migrations 0001, 0003, 0005). */
import { DEGREES, EMPLOYMENT_TYPES, LANGUAGES, LEVELS, POSITION_CATEGORIES, STUDY_FORMS, TITLES } from '../domain/enums';
import { ROLES } from '../domain/roles';
import { col, rowSchema, rule, versioned } from './row-schema';

/** What a device holds instead of the password hash of an account that signs in elsewhere (account-redaction.ts). */
export const NOT_ON_THIS_WORKSTATION = 'elsewhere';

const names = { name_ky: col.text(), name_ru: col.text(), name_en: col.text() };
/** a country of the replica's own list (not synced): its two-letter code */
export const countryCode = () => col.pattern(/^[A-Z]{2}$/, 'KG', 'a two-letter country code');
export const studyForm = () => col.oneOf(STUDY_FORMS);
export const pin = () => col.pattern(/^\d{14}$/, '21234199900000', 'a ПИН of 14 digits').orNull;

export const referenceRows = {
  university: rowSchema({ ...names, okpo: col.text().orNull, ...versioned }),
  faculty: rowSchema({ university_id: col.ref('university'), code: col.text('ECON'), ...names, ...versioned }),
  chair: rowSchema({ faculty_id: col.ref('faculty'), ...names, ...versioned }),
  specialty: rowSchema({
    faculty_id: col.ref('faculty'),
    code: col.pattern(/^\d{6}$/, '580100', 'a code of 6 digits'),
    ...names,
    level: col.oneOf(LEVELS),
    duration_years: col.int({ min: 1, max: 6 }, 4),
    ...versioned,
  }),
  student_group: rowSchema({
    faculty_id: col.ref('faculty'),
    specialty_id: col.ref('specialty'),
    name: col.text('ЭК-1-25'),
    form: studyForm(),
    intake_year: col.int({}, 2025),
    course: col.int({ min: 1, max: 6 }),
    language: col.oneOf(LANGUAGES),
    ...versioned,
  }),
  app_user: rowSchema(
    {
      username: col.text('user'),
      password_hash: col.text(),
      role: col.oneOf(ROLES, 'teaching'),
      faculty_id: col.ref('faculty').orNull,
      display_name: col.text(),
      active: col.flag(),
      version: col.int({ min: 1 }),
      created_at: col.time(),
      updated_at: col.time(),
    },
    [rule('faculty_id', "a dean's office clerk must belong to a faculty", (r) => r.role !== 'clerk' || r.faculty_id != null)],
  ),
  position: rowSchema({ category: col.oneOf(POSITION_CATEGORIES), ...names, order_visa: col.int({ min: 1, max: 20 }).orNull }),
  staff: rowSchema({
    last_name: col.nonEmpty(),
    first_name: col.nonEmpty(),
    patronymic: col.text().orNull,
    sex: col.oneOf(['F', 'M']),
    birth_date: col.date('1980-01-01'),
    pin: pin(),
    citizenship: countryCode(),
    degree: col.oneOf(DEGREES).orNull,
    title: col.oneOf(TITLES).orNull,
    hire_date: col.date(),
    leave_date: col.date().orNull,
    last_training_date: col.date().orNull,
    ...versioned,
  }),
  staff_position: rowSchema({
    staff_id: col.ref('staff'),
    position_id: col.ref('position'),
    faculty_id: col.ref('faculty').orNull,
    chair_id: col.ref('chair').orNull,
    rate: col.int({ min: 25, max: 150 }, 100),
    employment_type: col.oneOf(EMPLOYMENT_TYPES),
    start_date: col.date(),
    end_date: col.date().orNull,
    ...versioned,
  }),
};
