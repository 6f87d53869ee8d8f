/** Closed vocabularies of DOMAIN.md §2 and §4, shared by schema checks, UI and documents. */
export const STUDY_FORMS = ['full_time', 'evening', 'correspondence', 'distance'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

export const FUNDINGS = ['budget', 'contract'] as const;
export type Funding = (typeof FUNDINGS)[number];

export const STUDENT_STATUSES = ['applicant', 'active', 'on_leave', 'expelled', 'graduated'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const LEVELS = ['bachelor', 'specialist', 'master', 'postgraduate'] as const;
export type Level = (typeof LEVELS)[number];

export const BASE_EDUCATIONS = ['school', 'college'] as const;
export type BaseEducation = (typeof BASE_EDUCATIONS)[number];

export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type InstructionLanguage = (typeof LANGUAGES)[number];

export const CONTROL_FORMS = ['exam', 'credit', 'graded_credit', 'course_work', 'practice', 'state_exam'] as const;
export type ControlForm = (typeof CONTROL_FORMS)[number];

export const EMPLOYMENT_TYPES = ['main', 'internal_part_time', 'external_part_time', 'hourly', 'civil_contract'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const DEGREES = ['doctor', 'candidate', 'phd'] as const;
export type Degree = (typeof DEGREES)[number];

export const TITLES = ['professor', 'docent'] as const;
export type AcademicTitle = (typeof TITLES)[number];

export const POSITION_CATEGORIES = [
  'rector',
  'dean',
  'head_of_chair',
  'professor',
  'docent',
  'senior_lecturer',
  'lecturer',
  'assistant',
  'administrative',
] as const;
export type PositionCategory = (typeof POSITION_CATEGORIES)[number];

export const STUDENT_FLAGS = ['disability', 'orphan', 'targeted', 'dormitory', 'quotaForeigner'] as const;
export type StudentFlag = (typeof STUDENT_FLAGS)[number];
