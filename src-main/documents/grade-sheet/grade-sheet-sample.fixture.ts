/**
 * Sample grade sheets for the document tests: a group with the names that break documents
 * (Kyrgyz letters ң ө ү, a two-word Kyrgyz patronymic, no patronymic, a name too long for any
 * column), points for 30 + 30 + 40, three absent and two not admitted among 25 students, and
 * letters and traditional grades by the default scale of DOMAIN.md §3.
 */
import type { GradeSheetDocumentInput, GradeSheetDocumentRow, GradeSheetPart } from '../grade-sheet-document.model';

export const LONG_NAME = { lastName: 'Абдыкадыров-Сыдыкбеков', firstName: 'Нурбек-Эрмекбек', patronymic: 'Асанбек-Бакытбек уулу' };

/** Fixed students, placed among the generated ones (every fifth). */
export const SPECIAL_NAMES = [
  { lastName: 'Жеңишбеков', firstName: 'Үмөтбек', patronymic: 'Асан уулу' },
  { lastName: 'Өмүралиева', firstName: 'Айжаркын', patronymic: 'Төлөнбаевна' },
  LONG_NAME,
  { lastName: 'Түгөлбаева', firstName: 'Гүлнара', patronymic: 'Сүйүнбек кызы' },
  { lastName: 'Әбілқасымова', firstName: 'Ғалия', patronymic: null },
  { lastName: 'Сейтқали', firstName: 'Нұрлан', patronymic: 'Ержанұлы' },
];

const LAST = ['Асанов', 'Бакиев', 'Үсөнов', 'Маматов', 'Токтогулов', 'Ормонов', 'Жумабеков', 'Сыдыков', 'Эркинов', 'Ниязов'];
const FIRST = ['Азамат', 'Бекжан', 'Нурлан', 'Эрлан', 'Талант', 'Мирлан', 'Өмүр', 'Үмүт', 'Жеңиш', 'Чыңгыз', 'Айбек', 'Дастан'];
const FATHER = ['Асанович', 'Бекович', 'Токтосун уулу', 'Маратович', 'Нурбек уулу', 'Садыкович', null];

export const PARTS: GradeSheetPart[] = [
  { key: 'm1', label: { ky: '1-модуль', ru: '1-модуль', en: 'Module 1' }, max: 30, kind: 'current' },
  { key: 'm2', label: { ky: '2-модуль', ru: '2-модуль', en: 'Module 2' }, max: 30, kind: 'current' },
  { key: 'exam', label: { ky: 'Экзамен', ru: 'Экзамен', en: 'Exam' }, max: 40, kind: 'final' },
];

export const LETTERS = ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'FX', 'F'];

/** The default scale of DOMAIN.md §3: lower bound, letter, traditional grade. */
const SCALE: [number, string, number][] = [
  [95, 'A', 5],
  [90, 'A-', 5],
  [85, 'B+', 4],
  [80, 'B', 4],
  [75, 'B-', 4],
  [70, 'C+', 3],
  [65, 'C', 3],
  [60, 'C-', 3],
  [55, 'D+', 3],
  [50, 'D', 3],
  [25, 'FX', 2],
  [0, 'F', 2],
];

export function gradeOf(total: number): { letter: string; traditional: number } {
  const [, letter, traditional] = SCALE.find(([min]) => total >= min)!;
  return { letter, traditional };
}

function nameOf(i: number) {
  const special = SPECIAL_NAMES[i / 5];
  if (Number.isInteger(i / 5) && special) return special;
  // unique (last, first) pairs for up to 120 students, so a test can find a row by its name
  return { lastName: LAST[i % LAST.length]!, firstName: FIRST[Math.floor(i / LAST.length) % FIRST.length]!, patronymic: FATHER[(i * 5) % FATHER.length]! };
}

/** Absent: i % 8 === 4; not admitted: i % 12 === 7 (3 and 2 of them among 25 students). */
export function markOf(i: number): GradeSheetDocumentRow['mark'] {
  if (i % 8 === 4) return 'absent';
  if (i % 12 === 7) return 'not_admitted';
  return null;
}

function row(i: number): GradeSheetDocumentRow {
  const name = nameOf(i);
  // the sample's women are the -ова/-ева surnames
  const base = { position: i + 1, ...name, sex: /[ое]ва$/.test(name.lastName) ? ('F' as const) : ('M' as const), recordBookNo: `24-${String(1000 + i).padStart(5, '0')}` };
  const mark = markOf(i);
  // a half point now and then: points are not always whole
  const m1 = i % 9 === 3 ? 27.5 : 10 + ((i * 7) % 21);
  const m2 = mark === 'not_admitted' ? 5 + (i % 4) : 8 + ((i * 11) % 23);
  if (mark) return { ...base, parts: { m1, m2, exam: null }, mark, total: null, letter: null, traditional: null };
  const exam = 6 + ((i * 13) % 35);
  const total = m1 + m2 + exam;
  return { ...base, parts: { m1, m2, exam }, mark: null, total, ...gradeOf(total) };
}

/**
 * The rows always carry points and marks, also with `blank: true`: a blank sheet must print
 * none of them, whatever the input holds.
 */
export function sampleSheet(count = 25, overrides: Partial<GradeSheetDocumentInput> = {}): GradeSheetDocumentInput {
  return {
    university: {
      ky: 'Ж. Баласагын атындагы Кыргыз улуттук университети',
      ru: 'Кыргызский национальный университет имени Жусупа Баласагына',
      en: 'Jusup Balasagyn Kyrgyz National University',
    },
    faculty: { ky: 'Экономика факультети', ru: 'Экономический факультет', en: 'Faculty of Economics' },
    number: '0457',
    kind: 'main',
    attempt: 1,
    parentNumber: null,
    academicYear: '2026-2027',
    semester: 1,
    course: 2,
    groupName: 'ЭК-1-25',
    form: 'full_time',
    specialty: { code: '580100', name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' } },
    discipline: { ky: 'Микроэкономика', ru: 'Микроэкономика', en: 'Microeconomics' },
    credits: 5,
    hours: 150,
    controlForm: 'exam',
    examiner: 'Т. Б. Сүйүнбаева',
    examDate: '2027-01-15',
    dean: 'Ч. Ө. Үсөнов',
    parts: PARTS,
    rows: Array.from({ length: count }, (_, i) => row(i)),
    blank: false,
    // the sample is a closed sheet; tests of an open one say closedOn: null
    closedOn: '2027-01-16',
    letters: LETTERS,
    creditTestPassMark: 50,
    ...overrides,
  };
}
