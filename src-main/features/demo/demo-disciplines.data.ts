/**
 * Disciplines of the demo university (DOMAIN.md §2): ~16 per faculty, the state-standard
 * common ones every bachelor takes, and the practices and final attestations that close a
 * curriculum. `chair` is an index into the faculty's chairs in demo-structure.data.ts.
 */
import type { Names } from './demo-structure.data';

export interface DisciplineSeed extends Names {
  readonly key: string;
  /** owning chair: faculty code + chair index; null for university-wide attestations */
  readonly chair: readonly [faculty: string, index: number] | null;
  /** when it is taught: 1 foundations (first years), 2 core, 3 advanced; orders the curriculum */
  readonly stage?: 1 | 2 | 3;
  /** limits a faculty discipline to some specialties (keys); all of the faculty by default */
  readonly only?: readonly string[];
}

/** Taken by every bachelor and specialist in the first two years. */
export const COMMON_DISCIPLINES: readonly DisciplineSeed[] = [
  { key: 'kyrgyz', chair: ['PED', 0], ky: 'Кыргыз тили', ru: 'Кыргызский язык', en: 'Kyrgyz Language' },
  { key: 'russian', chair: ['PED', 1], ky: 'Орус тили', ru: 'Русский язык', en: 'Russian Language' },
  { key: 'english', chair: ['PED', 1], ky: 'Англис тили', ru: 'Английский язык', en: 'English Language' },
  { key: 'history', chair: ['PED', 3], ky: 'Кыргызстандын тарыхы', ru: 'История Кыргызстана', en: 'History of Kyrgyzstan' },
  { key: 'manas', chair: ['PED', 0], ky: 'Манас таануу', ru: 'Манасоведение', en: 'Manas Studies' },
  { key: 'philosophy', chair: ['PED', 3], ky: 'Философия', ru: 'Философия', en: 'Philosophy' },
  { key: 'informatics', chair: ['IT', 2], ky: 'Информатика', ru: 'Информатика', en: 'Informatics' },
  { key: 'geography', chair: ['PED', 3], ky: 'Кыргызстандын географиясы', ru: 'География Кыргызстана', en: 'Geography of Kyrgyzstan' },
];

/** Practices and final attestations; the curriculum places them by semester. */
export const CLOSING_DISCIPLINES: readonly DisciplineSeed[] = [
  { key: 'practice_study', chair: null, ky: 'Окуу практикасы', ru: 'Учебная практика', en: 'Educational Practice' },
  { key: 'practice_work', chair: null, ky: 'Өндүрүштүк практика', ru: 'Производственная практика', en: 'Work Placement' },
  { key: 'practice_final', chair: null, ky: 'Диплом алдындагы практика', ru: 'Преддипломная практика', en: 'Pre-Graduation Practice' },
  { key: 'state_exam', chair: null, ky: 'Мамлекеттик комплекстүү экзамен', ru: 'Государственный комплексный экзамен', en: 'State Comprehensive Examination' },
  { key: 'thesis', chair: null, ky: 'Бүтүрүү квалификациялык ишин коргоо', ru: 'Защита выпускной квалификационной работы', en: 'Final Qualification Thesis Defence' },
  { key: 'research_method', chair: null, ky: 'Илимий изилдөөнүн методологиясы', ru: 'Методология научных исследований', en: 'Research Methodology' },
  { key: 'practice_research', chair: null, ky: 'Илимий-изилдөө практикасы', ru: 'Научно-исследовательская практика', en: 'Research Practice' },
  { key: 'master_thesis', chair: null, ky: 'Магистрдик диссертацияны коргоо', ru: 'Защита магистерской диссертации', en: "Master's Thesis Defence" },
  { key: 'pedagogy_hs', chair: null, ky: 'Жогорку мектептин педагогикасы', ru: 'Педагогика высшей школы', en: 'Higher Education Pedagogy' },
];

export const FACULTY_DISCIPLINES: readonly DisciplineSeed[] = [
  // ECON
  { key: 'econ_theory', stage: 1, chair: ['ECON', 0], ky: 'Экономикалык теория', ru: 'Экономическая теория', en: 'Economic Theory' },
  { key: 'micro', stage: 1, chair: ['ECON', 0], ky: 'Микроэкономика', ru: 'Микроэкономика', en: 'Microeconomics' },
  { key: 'macro', stage: 2, chair: ['ECON', 0], ky: 'Макроэкономика', ru: 'Макроэкономика', en: 'Macroeconomics' },
  { key: 'econometrics', stage: 3, chair: ['ECON', 0], ky: 'Эконометрика', ru: 'Эконометрика', en: 'Econometrics' },
  { key: 'world_econ', stage: 3, chair: ['ECON', 0], ky: 'Дүйнөлүк экономика', ru: 'Мировая экономика', en: 'World Economy' },
  { key: 'econ_math', stage: 1, chair: ['ECON', 0], ky: 'Экономисттер үчүн математика', ru: 'Математика для экономистов', en: 'Mathematics for Economists' },
  { key: 'management', stage: 1, chair: ['ECON', 1], ky: 'Менеджмент', ru: 'Менеджмент', en: 'Management' },
  { key: 'marketing', stage: 2, chair: ['ECON', 1], ky: 'Маркетинг', ru: 'Маркетинг', en: 'Marketing' },
  { key: 'public_admin', stage: 2, chair: ['ECON', 1], ky: 'Мамлекеттик башкаруу', ru: 'Государственное управление', en: 'Public Administration' },
  { key: 'hr_mgmt', stage: 3, chair: ['ECON', 1], ky: 'Персоналды башкаруу', ru: 'Управление персоналом', en: 'Human Resource Management' },
  { key: 'finance_credit', stage: 2, chair: ['ECON', 2], ky: 'Финансы жана кредит', ru: 'Финансы и кредит', en: 'Finance and Credit' },
  { key: 'accounting', stage: 2, chair: ['ECON', 2], ky: 'Бухгалтердик эсеп', ru: 'Бухгалтерский учёт', en: 'Accounting' },
  { key: 'statistics', stage: 2, chair: ['ECON', 2], ky: 'Статистика', ru: 'Статистика', en: 'Statistics' },
  { key: 'taxation', stage: 3, chair: ['ECON', 2], ky: 'Салыктар жана салык салуу', ru: 'Налоги и налогообложение', en: 'Taxes and Taxation' },
  { key: 'audit', stage: 3, chair: ['ECON', 2], ky: 'Аудит', ru: 'Аудит', en: 'Auditing' },
  { key: 'banking', stage: 3, chair: ['ECON', 2], ky: 'Банк иши', ru: 'Банковское дело', en: 'Banking' },
  // LAW
  { key: 'state_law_theory', stage: 1, chair: ['LAW', 0], ky: 'Мамлекет жана укук теориясы', ru: 'Теория государства и права', en: 'Theory of State and Law' },
  { key: 'constitutional', stage: 1, chair: ['LAW', 0], ky: 'Конституциялык укук', ru: 'Конституционное право', en: 'Constitutional Law' },
  { key: 'administrative', stage: 2, chair: ['LAW', 0], ky: 'Административдик укук', ru: 'Административное право', en: 'Administrative Law' },
  { key: 'international_law', stage: 2, chair: ['LAW', 0], ky: 'Эл аралык укук', ru: 'Международное право', en: 'International Law' },
  { key: 'financial_law', stage: 3, chair: ['LAW', 0], ky: 'Каржы укугу', ru: 'Финансовое право', en: 'Financial Law' },
  { key: 'customs_law', stage: 3, chair: ['LAW', 0], ky: 'Бажы укугу', ru: 'Таможенное право', en: 'Customs Law', only: ['530300', '530500'] },
  { key: 'diplomacy', stage: 3, chair: ['LAW', 0], ky: 'Дипломатия жана консулдук кызмат', ru: 'Дипломатическая и консульская служба', en: 'Diplomatic and Consular Service', only: ['530200'] },
  { key: 'civil_law', stage: 2, chair: ['LAW', 1], ky: 'Жарандык укук', ru: 'Гражданское право', en: 'Civil Law' },
  { key: 'civil_procedure', stage: 3, chair: ['LAW', 1], ky: 'Жарандык процесстик укук', ru: 'Гражданское процессуальное право', en: 'Civil Procedure' },
  { key: 'labour_law', stage: 3, chair: ['LAW', 1], ky: 'Эмгек укугу', ru: 'Трудовое право', en: 'Labour Law' },
  { key: 'family_law', stage: 2, chair: ['LAW', 1], ky: 'Үй-бүлө укугу', ru: 'Семейное право', en: 'Family Law' },
  { key: 'roman_law', stage: 1, chair: ['LAW', 1], ky: 'Рим укугу', ru: 'Римское право', en: 'Roman Law' },
  { key: 'criminal_law', stage: 2, chair: ['LAW', 2], ky: 'Кылмыш укугу', ru: 'Уголовное право', en: 'Criminal Law' },
  { key: 'criminal_procedure', stage: 3, chair: ['LAW', 2], ky: 'Кылмыш-процесстик укук', ru: 'Уголовно-процессуальное право', en: 'Criminal Procedure' },
  { key: 'criminology', stage: 3, chair: ['LAW', 2], ky: 'Криминология', ru: 'Криминология', en: 'Criminology' },
  { key: 'forensics', stage: 3, chair: ['LAW', 2], ky: 'Криминалистика', ru: 'Криминалистика', en: 'Forensic Science' },
  // MED
  { key: 'anatomy', stage: 1, chair: ['MED', 0], ky: 'Адамдын анатомиясы', ru: 'Анатомия человека', en: 'Human Anatomy' },
  { key: 'histology', stage: 1, chair: ['MED', 0], ky: 'Гистология, эмбриология, цитология', ru: 'Гистология, эмбриология, цитология', en: 'Histology, Embryology, Cytology' },
  { key: 'latin', stage: 1, chair: ['MED', 0], ky: 'Латын тили', ru: 'Латинский язык', en: 'Latin' },
  { key: 'med_biology', stage: 1, chair: ['MED', 0], ky: 'Медициналык биология', ru: 'Медицинская биология', en: 'Medical Biology' },
  { key: 'physiology', stage: 1, chair: ['MED', 0], ky: 'Нормалдык физиология', ru: 'Нормальная физиология', en: 'Normal Physiology' },
  { key: 'pathanatomy', stage: 2, chair: ['MED', 0], ky: 'Патологиялык анатомия', ru: 'Патологическая анатомия', en: 'Pathological Anatomy' },
  { key: 'internal', stage: 3, chair: ['MED', 1], ky: 'Ички оорулар', ru: 'Внутренние болезни', en: 'Internal Medicine' },
  { key: 'pediatrics', stage: 3, chair: ['MED', 1], ky: 'Балдар оорулары', ru: 'Детские болезни', en: 'Paediatrics', only: ['560001', '560002'] },
  { key: 'neurology', stage: 3, chair: ['MED', 1], ky: 'Неврология', ru: 'Неврология', en: 'Neurology', only: ['560001', '560002'] },
  { key: 'infectious', stage: 3, chair: ['MED', 1], ky: 'Жугуштуу оорулар', ru: 'Инфекционные болезни', en: 'Infectious Diseases', only: ['560001', '560002', '560004'] },
  { key: 'surgery', stage: 2, chair: ['MED', 2], ky: 'Жалпы хирургия', ru: 'Общая хирургия', en: 'General Surgery', only: ['560001', '560002', '560004'] },
  { key: 'obstetrics', stage: 3, chair: ['MED', 2], ky: 'Акушердик жана гинекология', ru: 'Акушерство и гинекология', en: 'Obstetrics and Gynaecology', only: ['560001', '560002'] },
  { key: 'dentistry', stage: 3, chair: ['MED', 2], ky: 'Терапиялык стоматология', ru: 'Терапевтическая стоматология', en: 'Therapeutic Dentistry', only: ['560004'] },
  { key: 'biochemistry', stage: 1, chair: ['MED', 3], ky: 'Биохимия', ru: 'Биохимия', en: 'Biochemistry' },
  { key: 'microbiology', stage: 2, chair: ['MED', 3], ky: 'Микробиология жана вирусология', ru: 'Микробиология и вирусология', en: 'Microbiology and Virology' },
  { key: 'pharmacology', stage: 2, chair: ['MED', 3], ky: 'Фармакология', ru: 'Фармакология', en: 'Pharmacology' },
  { key: 'pharm_chemistry', stage: 2, chair: ['MED', 3], ky: 'Фармацевтикалык химия', ru: 'Фармацевтическая химия', en: 'Pharmaceutical Chemistry', only: ['560005'] },
  { key: 'drug_technology', stage: 3, chair: ['MED', 3], ky: 'Дары-дармектердин технологиясы', ru: 'Технология лекарственных форм', en: 'Drug Formulation Technology', only: ['560005'] },
  // IT
  { key: 'programming', stage: 1, chair: ['IT', 0], ky: 'Программалоо негиздери', ru: 'Основы программирования', en: 'Programming Fundamentals' },
  { key: 'oop', stage: 1, chair: ['IT', 0], ky: 'Объектке багытталган программалоо', ru: 'Объектно-ориентированное программирование', en: 'Object-Oriented Programming' },
  { key: 'algorithms', stage: 2, chair: ['IT', 0], ky: 'Маалымат структуралары жана алгоритмдер', ru: 'Структуры данных и алгоритмы', en: 'Data Structures and Algorithms' },
  { key: 'soft_eng', stage: 2, chair: ['IT', 0], ky: 'Программалык камсыздоонун инженериясы', ru: 'Инженерия программного обеспечения', en: 'Software Engineering' },
  { key: 'testing', stage: 3, chair: ['IT', 0], ky: 'Программалык камсыздоону тестирлөө', ru: 'Тестирование программного обеспечения', en: 'Software Testing' },
  { key: 'mobile', stage: 3, chair: ['IT', 0], ky: 'Мобилдик тиркемелерди иштеп чыгуу', ru: 'Разработка мобильных приложений', en: 'Mobile Application Development' },
  { key: 'databases', stage: 2, chair: ['IT', 1], ky: 'Маалымат базалары', ru: 'Базы данных', en: 'Databases' },
  { key: 'networks', stage: 2, chair: ['IT', 1], ky: 'Компьютердик тармактар', ru: 'Компьютерные сети', en: 'Computer Networks' },
  { key: 'os', stage: 2, chair: ['IT', 1], ky: 'Операциялык системалар', ru: 'Операционные системы', en: 'Operating Systems' },
  { key: 'web', stage: 2, chair: ['IT', 1], ky: 'Веб-технологиялар', ru: 'Веб-технологии', en: 'Web Technologies' },
  { key: 'security', stage: 3, chair: ['IT', 1], ky: 'Маалыматтык коопсуздук', ru: 'Информационная безопасность', en: 'Information Security' },
  { key: 'architecture', stage: 1, chair: ['IT', 1], ky: 'Компьютердин архитектурасы', ru: 'Архитектура компьютера', en: 'Computer Architecture' },
  { key: 'discrete', stage: 1, chair: ['IT', 2], ky: 'Дискреттик математика', ru: 'Дискретная математика', en: 'Discrete Mathematics' },
  { key: 'higher_math', stage: 1, chair: ['IT', 2], ky: 'Жогорку математика', ru: 'Высшая математика', en: 'Higher Mathematics' },
  { key: 'probability', stage: 2, chair: ['IT', 2], ky: 'Ыктымалдуулук теориясы жана математикалык статистика', ru: 'Теория вероятностей и математическая статистика', en: 'Probability and Mathematical Statistics' },
  { key: 'ai', stage: 3, chair: ['IT', 2], ky: 'Жасалма интеллекттин негиздери', ru: 'Основы искусственного интеллекта', en: 'Foundations of Artificial Intelligence' },
  // PED
  { key: 'linguistics', stage: 1, chair: ['PED', 0], ky: 'Тил илимине киришүү', ru: 'Введение в языкознание', en: 'Introduction to Linguistics', only: ['520300', '550300', '520300m'] },
  { key: 'modern_kyrgyz', stage: 1, chair: ['PED', 0], ky: 'Азыркы кыргыз тили', ru: 'Современный кыргызский язык', en: 'Modern Kyrgyz Language', only: ['520300', '550300', '520300m'] },
  { key: 'kyrgyz_literature', stage: 2, chair: ['PED', 0], ky: 'Кыргыз адабиятынын тарыхы', ru: 'История кыргызской литературы', en: 'History of Kyrgyz Literature', only: ['520300', '550300', '520300m'] },
  { key: 'literary_theory', stage: 2, chair: ['PED', 0], ky: 'Адабият теориясы', ru: 'Теория литературы', en: 'Literary Theory', only: ['520300', '550300', '520300m'] },
  { key: 'modern_russian', stage: 1, chair: ['PED', 1], ky: 'Азыркы орус тили', ru: 'Современный русский язык', en: 'Modern Russian Language', only: ['520300', '550300', '520300m'] },
  { key: 'russian_literature', stage: 2, chair: ['PED', 1], ky: 'Орус адабиятынын тарыхы', ru: 'История русской литературы', en: 'History of Russian Literature', only: ['520300', '550300', '520300m'] },
  { key: 'stylistics', stage: 3, chair: ['PED', 1], ky: 'Стилистика жана сүйлөө маданияты', ru: 'Стилистика и культура речи', en: 'Stylistics and Speech Culture', only: ['520300', '550300', '520300m'] },
  { key: 'pedagogy', stage: 1, chair: ['PED', 2], ky: 'Педагогика', ru: 'Педагогика', en: 'Pedagogy', only: ['550200', '550300'] },
  { key: 'psychology', stage: 1, chair: ['PED', 2], ky: 'Психология', ru: 'Психология', en: 'Psychology' },
  { key: 'teaching_methods', stage: 3, chair: ['PED', 2], ky: 'Окутуунун методикасы', ru: 'Методика преподавания', en: 'Teaching Methods', only: ['550200', '550300'] },
  { key: 'ped_psychology', stage: 2, chair: ['PED', 2], ky: 'Педагогикалык психология', ru: 'Педагогическая психология', en: 'Educational Psychology', only: ['550200', '550300'] },
  { key: 'math_analysis', stage: 1, chair: ['PED', 2], ky: 'Математикалык анализ', ru: 'Математический анализ', en: 'Mathematical Analysis', only: ['550200'] },
  { key: 'geometry', stage: 1, chair: ['PED', 2], ky: 'Аналитикалык геометрия', ru: 'Аналитическая геометрия', en: 'Analytic Geometry', only: ['550200'] },
  { key: 'elementary_math', stage: 1, chair: ['PED', 2], ky: 'Элементардык математика', ru: 'Элементарная математика', en: 'Elementary Mathematics', only: ['550200'] },
  { key: 'algebra', stage: 2, chair: ['PED', 2], ky: 'Алгебра жана сандар теориясы', ru: 'Алгебра и теория чисел', en: 'Algebra and Number Theory', only: ['550200'] },
  { key: 'theoretical_physics', stage: 3, chair: ['PED', 2], ky: 'Теориялык физика', ru: 'Теоретическая физика', en: 'Theoretical Physics', only: ['550200'] },
  { key: 'general_physics', stage: 2, chair: ['PED', 2], ky: 'Жалпы физика', ru: 'Общая физика', en: 'General Physics', only: ['550200'] },
  { key: 'physics_methods', stage: 3, chair: ['PED', 2], ky: 'Физиканы окутуунун методикасы', ru: 'Методика преподавания физики', en: 'Physics Teaching Methods', only: ['550200'] },
];
