/**
 * The demo university's structure (DOMAIN.md §2): faculties, chairs, specialties with
 * 6-digit national codes, the plan of 120 groups, and the staff positions. Invented, but
 * shaped like a Kyrgyz state university.
 */
import type { Level, PositionCategory, StudyForm } from '../../../src-shared/domain/enums';

export interface Names {
  readonly ky: string;
  readonly ru: string;
  readonly en: string;
}

export const UNIVERSITY: Names & { readonly okpo: string } = {
  ky: 'Ала-Тоо мамлекеттик университети',
  ru: 'Ала-Тооский государственный университет',
  en: 'Ala-Too State University',
  okpo: '02114562',
};

export interface FacultySeed extends Names {
  readonly code: string;
  readonly chairs: readonly Names[];
  /** share of women among its students */
  readonly femaleShare: number;
}

/** The first faculty is the demo clerk's, the second the second clerk's (see DEMO_USERS). */
export const FACULTIES: readonly FacultySeed[] = [
  {
    code: 'ECON',
    ky: 'Экономика жана башкаруу факультети',
    ru: 'Факультет экономики и управления',
    en: 'Faculty of Economics and Management',
    femaleShare: 0.6,
    chairs: [
      { ky: 'Экономикалык теория кафедрасы', ru: 'Кафедра экономической теории', en: 'Chair of Economic Theory' },
      { ky: 'Менеджмент жана маркетинг кафедрасы', ru: 'Кафедра менеджмента и маркетинга', en: 'Chair of Management and Marketing' },
      { ky: 'Финансы жана бухгалтердик эсеп кафедрасы', ru: 'Кафедра финансов и бухгалтерского учёта', en: 'Chair of Finance and Accounting' },
    ],
  },
  {
    code: 'LAW',
    ky: 'Юридикалык факультет',
    ru: 'Юридический факультет',
    en: 'Faculty of Law',
    femaleShare: 0.5,
    chairs: [
      { ky: 'Мамлекеттик-укуктук дисциплиналар кафедрасы', ru: 'Кафедра государственно-правовых дисциплин', en: 'Chair of Public Law' },
      { ky: 'Жарандык укук жана процесс кафедрасы', ru: 'Кафедра гражданского права и процесса', en: 'Chair of Civil Law and Procedure' },
      { ky: 'Кылмыш укугу жана криминология кафедрасы', ru: 'Кафедра уголовного права и криминологии', en: 'Chair of Criminal Law and Criminology' },
    ],
  },
  {
    code: 'MED',
    ky: 'Медицина факультети',
    ru: 'Медицинский факультет',
    en: 'Faculty of Medicine',
    femaleShare: 0.66,
    chairs: [
      { ky: 'Анатомия жана гистология кафедрасы', ru: 'Кафедра анатомии и гистологии', en: 'Chair of Anatomy and Histology' },
      { ky: 'Ички оорулар кафедрасы', ru: 'Кафедра внутренних болезней', en: 'Chair of Internal Medicine' },
      { ky: 'Хирургия кафедрасы', ru: 'Кафедра хирургии', en: 'Chair of Surgery' },
      { ky: 'Фармакология жана фармация кафедрасы', ru: 'Кафедра фармакологии и фармации', en: 'Chair of Pharmacology and Pharmacy' },
    ],
  },
  {
    code: 'IT',
    ky: 'Маалыматтык технологиялар факультети',
    ru: 'Факультет информационных технологий',
    en: 'Faculty of Information Technology',
    femaleShare: 0.3,
    chairs: [
      { ky: 'Программалык инженерия кафедрасы', ru: 'Кафедра программной инженерии', en: 'Chair of Software Engineering' },
      { ky: 'Маалыматтык системалар кафедрасы', ru: 'Кафедра информационных систем', en: 'Chair of Information Systems' },
      { ky: 'Колдонмо математика жана информатика кафедрасы', ru: 'Кафедра прикладной математики и информатики', en: 'Chair of Applied Mathematics and Informatics' },
    ],
  },
  {
    code: 'PED',
    ky: 'Филология жана педагогика факультети',
    ru: 'Факультет филологии и педагогики',
    en: 'Faculty of Philology and Education',
    femaleShare: 0.8,
    chairs: [
      { ky: 'Кыргыз филологиясы кафедрасы', ru: 'Кафедра кыргызской филологии', en: 'Chair of Kyrgyz Philology' },
      { ky: 'Орус филологиясы жана чет тилдер кафедрасы', ru: 'Кафедра русской филологии и иностранных языков', en: 'Chair of Russian Philology and Foreign Languages' },
      { ky: 'Педагогика жана психология кафедрасы', ru: 'Кафедра педагогики и психологии', en: 'Chair of Education and Psychology' },
      { ky: 'Кыргызстандын тарыхы жана философия кафедрасы', ru: 'Кафедра истории Кыргызстана и философии', en: 'Chair of History of Kyrgyzstan and Philosophy' },
    ],
  },
];

export interface SpecialtySeed extends Names {
  /** key used by the group plan and discipline lists: code, plus "m" for the master's */
  readonly key: string;
  readonly faculty: string;
  readonly code: string;
  readonly level: Level;
  readonly durationYears: number;
  /** group-name prefix: "ЭК" gives "ЭК-1-26" */
  readonly prefix: string;
}

export const SPECIALTIES: readonly SpecialtySeed[] = [
  { key: '580100', faculty: 'ECON', code: '580100', level: 'bachelor', durationYears: 4, prefix: 'ЭК', ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
  { key: '580200', faculty: 'ECON', code: '580200', level: 'bachelor', durationYears: 4, prefix: 'МН', ky: 'Менеджмент', ru: 'Менеджмент', en: 'Management' },
  { key: '580400', faculty: 'ECON', code: '580400', level: 'bachelor', durationYears: 4, prefix: 'МБ', ky: 'Мамлекеттик жана муниципалдык башкаруу', ru: 'Государственное и муниципальное управление', en: 'Public and Municipal Administration' },
  { key: '580100m', faculty: 'ECON', code: '580100', level: 'master', durationYears: 2, prefix: 'ЭКм', ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
  { key: '530500', faculty: 'LAW', code: '530500', level: 'bachelor', durationYears: 4, prefix: 'ЮР', ky: 'Юриспруденция', ru: 'Юриспруденция', en: 'Law' },
  { key: '530200', faculty: 'LAW', code: '530200', level: 'bachelor', durationYears: 4, prefix: 'ЭМ', ky: 'Эл аралык мамилелер', ru: 'Международные отношения', en: 'International Relations' },
  { key: '530300', faculty: 'LAW', code: '530300', level: 'specialist', durationYears: 5, prefix: 'БИ', ky: 'Бажы иши', ru: 'Таможенное дело', en: 'Customs Affairs' },
  { key: '530500m', faculty: 'LAW', code: '530500', level: 'master', durationYears: 2, prefix: 'ЮРм', ky: 'Юриспруденция', ru: 'Юриспруденция', en: 'Law' },
  { key: '560001', faculty: 'MED', code: '560001', level: 'specialist', durationYears: 6, prefix: 'ЛД', ky: 'Дарылоо иши', ru: 'Лечебное дело', en: 'General Medicine' },
  { key: '560002', faculty: 'MED', code: '560002', level: 'specialist', durationYears: 6, prefix: 'ПД', ky: 'Педиатрия', ru: 'Педиатрия', en: 'Pediatrics' },
  { key: '560004', faculty: 'MED', code: '560004', level: 'specialist', durationYears: 5, prefix: 'СТ', ky: 'Стоматология', ru: 'Стоматология', en: 'Dentistry' },
  { key: '560005', faculty: 'MED', code: '560005', level: 'specialist', durationYears: 5, prefix: 'ФР', ky: 'Фармация', ru: 'Фармация', en: 'Pharmacy' },
  { key: '710400', faculty: 'IT', code: '710400', level: 'bachelor', durationYears: 4, prefix: 'ПИ', ky: 'Программалык инженерия', ru: 'Программная инженерия', en: 'Software Engineering' },
  { key: '710200', faculty: 'IT', code: '710200', level: 'bachelor', durationYears: 4, prefix: 'ИС', ky: 'Маалыматтык системалар жана технологиялар', ru: 'Информационные системы и технологии', en: 'Information Systems and Technologies' },
  { key: '710100', faculty: 'IT', code: '710100', level: 'bachelor', durationYears: 4, prefix: 'ИВТ', ky: 'Информатика жана эсептөө техникасы', ru: 'Информатика и вычислительная техника', en: 'Informatics and Computer Engineering' },
  { key: '710400m', faculty: 'IT', code: '710400', level: 'master', durationYears: 2, prefix: 'ПИм', ky: 'Программалык инженерия', ru: 'Программная инженерия', en: 'Software Engineering' },
  { key: '520300', faculty: 'PED', code: '520300', level: 'bachelor', durationYears: 4, prefix: 'ФЛ', ky: 'Филология', ru: 'Филология', en: 'Philology' },
  { key: '550200', faculty: 'PED', code: '550200', level: 'bachelor', durationYears: 4, prefix: 'ФМБ', ky: 'Физика-математикалык билим берүү', ru: 'Физико-математическое образование', en: 'Physics and Mathematics Education' },
  { key: '550300', faculty: 'PED', code: '550300', level: 'bachelor', durationYears: 4, prefix: 'ФЛБ', ky: 'Филологиялык билим берүү', ru: 'Филологическое образование', en: 'Philological Education' },
  { key: '520300m', faculty: 'PED', code: '520300', level: 'master', durationYears: 2, prefix: 'ФЛм', ky: 'Филология', ru: 'Филология', en: 'Philology' },
];

/** which language a planned group teaches in: fixed, or drawn ("ky" with the given chance, else "ru") */
export type LanguagePlan = 'ky' | 'ru' | 'en' | { readonly kyShare: number };

export interface GroupLine {
  readonly specialty: string;
  readonly form: StudyForm;
  /** courses 1..n that have such a group; defaults to the whole duration */
  readonly courses?: number;
  readonly language: LanguagePlan;
  /** overrides the specialty prefix (English-medium medical groups are "GM-1-26") */
  readonly prefix?: string;
}

/**
 * 120 groups: one full-time group per specialty and course (79), then parallel full-time
 * groups of the popular specialties, English-medium medicine for foreign students, and
 * evening and correspondence groups.
 */
export const GROUP_PLAN: readonly GroupLine[] = [
  // where a Russian-medium parallel group follows, the first group teaches in Kyrgyz
  ...SPECIALTIES.map(
    (s): GroupLine => ({
      specialty: s.key,
      form: 'full_time',
      language: ['580100', '530500', '710400', '560001'].includes(s.key) ? 'ky' : { kyShare: 0.6 },
    }),
  ),
  { specialty: '580100', form: 'full_time', language: 'ru' },
  { specialty: '530500', form: 'full_time', language: 'ru' },
  { specialty: '710400', form: 'full_time', language: 'ru' },
  { specialty: '560001', form: 'full_time', courses: 3, language: 'ru' },
  { specialty: '560001', form: 'full_time', language: 'en', prefix: 'GM' },
  { specialty: '580100', form: 'evening', language: { kyShare: 0.3 } },
  { specialty: '530500', form: 'evening', language: { kyShare: 0.3 } },
  { specialty: '580200', form: 'correspondence', language: { kyShare: 0.5 } },
  { specialty: '530500', form: 'correspondence', language: { kyShare: 0.5 } },
  { specialty: '550200', form: 'correspondence', language: { kyShare: 0.7 } },
];

/** group-name suffix of the form: "ЮРс-1-24" is a correspondence law group */
export const FORM_SUFFIX: Record<StudyForm, string> = {
  full_time: '',
  evening: 'к',
  correspondence: 'с',
  distance: 'д',
};

export interface PositionSeed extends Names {
  readonly key: string;
  readonly category: PositionCategory;
}

export const POSITIONS: readonly PositionSeed[] = [
  { key: 'rector', category: 'rector', ky: 'Ректор', ru: 'Ректор', en: 'Rector' },
  { key: 'vice_rector_academic', category: 'administrative', ky: 'Окуу иштери боюнча проректор', ru: 'Проректор по учебной работе', en: 'Vice-Rector for Academic Affairs' },
  { key: 'vice_rector_research', category: 'administrative', ky: 'Илимий иштер боюнча проректор', ru: 'Проректор по научной работе', en: 'Vice-Rector for Research' },
  { key: 'vice_rector_finance', category: 'administrative', ky: 'Финансы-чарба иштери боюнча проректор', ru: 'Проректор по финансово-хозяйственной работе', en: 'Vice-Rector for Finance and Operations' },
  { key: 'dean', category: 'dean', ky: 'Декан', ru: 'Декан', en: 'Dean' },
  { key: 'head_of_chair', category: 'head_of_chair', ky: 'Кафедра башчысы', ru: 'Заведующий кафедрой', en: 'Head of Chair' },
  { key: 'professor', category: 'professor', ky: 'Профессор', ru: 'Профессор', en: 'Professor' },
  { key: 'docent', category: 'docent', ky: 'Доцент', ru: 'Доцент', en: 'Associate Professor (Docent)' },
  { key: 'senior_lecturer', category: 'senior_lecturer', ky: 'Улук окутуучу', ru: 'Старший преподаватель', en: 'Senior Lecturer' },
  { key: 'lecturer', category: 'lecturer', ky: 'Окутуучу', ru: 'Преподаватель', en: 'Lecturer' },
  { key: 'assistant', category: 'assistant', ky: 'Ассистент', ru: 'Ассистент', en: 'Assistant Lecturer' },
  { key: 'deanery_specialist', category: 'administrative', ky: 'Деканаттын адиси', ru: 'Специалист деканата', en: "Dean's Office Specialist" },
  { key: 'methodologist', category: 'administrative', ky: 'Методист', ru: 'Методист', en: 'Methodologist' },
  { key: 'hr_head', category: 'administrative', ky: 'Кадрлар бөлүмүнүн башчысы', ru: 'Начальник отдела кадров', en: 'Head of Human Resources' },
  { key: 'hr_inspector', category: 'administrative', ky: 'Кадрлар боюнча инспектор', ru: 'Инспектор по кадрам', en: 'HR Officer' },
  { key: 'chief_accountant', category: 'administrative', ky: 'Башкы бухгалтер', ru: 'Главный бухгалтер', en: 'Chief Accountant' },
  { key: 'accountant', category: 'administrative', ky: 'Бухгалтер', ru: 'Бухгалтер', en: 'Accountant' },
  { key: 'teaching_head', category: 'administrative', ky: 'Окуу бөлүмүнүн башчысы', ru: 'Начальник учебного отдела', en: 'Head of the Teaching Department' },
  { key: 'registrar_officer', category: 'administrative', ky: 'Офис-регистратордун адиси', ru: 'Специалист офиса-регистратора', en: 'Registrar Officer' },
  { key: 'programmer', category: 'administrative', ky: 'Программист', ru: 'Программист', en: 'Programmer' },
  { key: 'lab_assistant', category: 'administrative', ky: 'Лаборант', ru: 'Лаборант', en: 'Laboratory Assistant' },
];

/**
 * Administrative staff besides the rector's office: [position key, how many, bound to a
 * faculty?]. With 1 rector, 3 vice-rectors, 5 deans, 17 heads of chair and 234 teachers this
 * makes 300 people.
 */
export const ADMIN_STAFF_PLAN: readonly (readonly [string, number, boolean])[] = [
  ['deanery_specialist', 10, true],
  ['methodologist', 5, true],
  ['lab_assistant', 6, true],
  ['hr_head', 1, false],
  ['hr_inspector', 3, false],
  ['chief_accountant', 1, false],
  ['accountant', 5, false],
  ['teaching_head', 1, false],
  ['registrar_officer', 4, false],
  ['programmer', 4, false],
];

/** teaching staff by position category (chair members besides the heads) */
export const TEACHER_PLAN: readonly (readonly [PositionCategory, number])[] = [
  ['professor', 22],
  ['docent', 70],
  ['senior_lecturer', 64],
  ['lecturer', 55],
  ['assistant', 23],
];
