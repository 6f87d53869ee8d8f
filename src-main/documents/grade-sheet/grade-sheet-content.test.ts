import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import type { GradeSheetDocumentRow } from '../grade-sheet-document.model';
import { averageOf, gradeSheetContent, traditionalText } from './grade-sheet-content';
import { LETTERS, LONG_NAME, sampleSheet } from './grade-sheet-sample.fixture';

const col = (c: ReturnType<typeof gradeSheetContent>, key: string) => c.columns.findIndex((x) => x.key === key);

function student(lastName: string, over: Partial<GradeSheetDocumentRow> = {}): GradeSheetDocumentRow {
  return { position: 1, lastName, firstName: 'Азамат', patronymic: null, sex: 'M', recordBookNo: lastName, parts: {}, mark: null, total: null, letter: null, traditional: null, ...over };
}

describe('grade sheet content', () => {
  it('has №, name, record book, one column per part with its maximum, total of the maxima, letter, grade, signature', () => {
    const ky = gradeSheetContent(sampleSheet(3), 'ky');
    expect(ky.columns.map((c) => c.header)).toEqual([
      '№',
      'Фамилиясы, аты, атасынын аты',
      'Зачеттук китепче №',
      '1-модуль (30)',
      '2-модуль (30)',
      'Экзамен (40)',
      'Жалпы балл (100)',
      'Тамга',
      'Салттуу баа',
      'Колу',
    ]);
    const parts = [
      { key: 'cur', label: { ky: 'Учурдагы', ru: 'Текущий', en: 'Current' }, max: 60, kind: 'current' as const },
      { key: 'fin', label: { ky: 'Жыйынтык', ru: 'Итоговый', en: 'Final' }, max: 40, kind: 'final' as const },
    ];
    const ru = gradeSheetContent(sampleSheet(0, { parts }), 'ru');
    expect(ru.columns.slice(3, 6).map((c) => c.header)).toEqual(['Текущий (60)', 'Итоговый (40)', 'Всего баллов (100)']);
  });

  it('numbers and orders students by their place on the sheet: a renamed student keeps № 4, one added later is last', () => {
    // made alphabetically; then Орозов became Өмүрова by a change-of-name order, and Абдыраев joined late
    const rows = [
      student('Үсөнов', { position: 5 }),
      student('Абдыраев', { position: 6 }),
      student('Жеңишбеков', { position: 1, firstName: 'Үмөтбек', patronymic: 'Асан уулу' }),
      student('Өмүрова', { position: 3 }),
      student('Ноорузов', { position: 2 }),
      student('Усенов', { position: 4 }),
    ];
    const c = gradeSheetContent(sampleSheet(0, { rows }), 'ky');
    expect(c.rows.map((r) => r.texts[1])).toEqual([
      'Жеңишбеков Үмөтбек Асан уулу',
      'Ноорузов Азамат',
      'Өмүрова Азамат',
      'Усенов Азамат',
      'Үсөнов Азамат',
      'Абдыраев Азамат',
    ]);
    expect(c.rows.map((r) => r.values[0])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('prints points with a decimal comma and keeps numbers as numbers for the xlsx', () => {
    const rows = [student('Асанов', { parts: { m1: 27.5, m2: 30, exam: 40 }, total: 97.5, letter: 'A', traditional: 5 })];
    const c = gradeSheetContent(sampleSheet(0, { rows }), 'ru');
    const r = c.rows[0]!;
    expect(r.texts.slice(3)).toEqual(['27,5', '30', '40', '97,5', 'A', '5 (отл.)', '']);
    expect(r.values.slice(3, 7)).toEqual([27.5, 30, 40, 97.5]);
  });

  it('writes a mark in the total cell instead of numbers, keeps the entered parts, and counts marks apart from grades', () => {
    const rows = [
      student('Асанов', { parts: { m1: 20, m2: 18, exam: null }, mark: 'absent', traditional: 2, letter: 'F' }),
      student('Бакиев', { parts: { m1: 5, m2: 4, exam: null }, mark: 'not_admitted', total: 9 }),
      student('Сыдыков', { parts: { m1: 25, m2: 25, exam: 30 }, total: 80, letter: 'B', traditional: 4 }),
    ];
    for (const lang of ['ky', 'ru'] as const) {
      const c = gradeSheetContent(sampleSheet(0, { rows }), lang);
      const total = col(c, 'total');
      expect(c.markFrom).toBe(total);
      expect(c.rows[0]!.texts.slice(3, total + 3)).toEqual(['20', '18', '', translate(lang, 'doc.sheet.mark.absent', { sex: 'M' }), '', '']);
      expect(c.rows[1]!.texts[total]).toBe(translate(lang, 'doc.sheet.mark.not_admitted', { sex: 'M' }));
      expect(c.rows[1]!.mark).toBe(translate(lang, 'doc.sheet.mark.not_admitted', { sex: 'M' }));
      const s = c.summary;
      expect(s.grades.map((g) => g.value)).toEqual([0, 1, 0, 0]);
      expect(s.others.map((o) => o.text)).toEqual(['1', '1', '3', '80,0']);
      expect(s.letters.find((l) => l.label === 'F')!.value).toBe(0);
      expect(s.letters.find((l) => l.label === 'B')!.value).toBe(1);
    }
    expect(gradeSheetContent(sampleSheet(0, { rows }), 'ky').rows[0]!.texts[6]).toBe('келген жок');
    expect(gradeSheetContent(sampleSheet(0, { rows }), 'ru').rows[1]!.texts[6]).toBe('не допущен');
  });

  it('words the marks for each student: gendered in Russian, "экзаменге жиберилген жок" in Kyrgyz', () => {
    const rows = [
      student('Асанова', { firstName: 'Айгерим', sex: 'F', mark: 'absent' }),
      student('Бакиева', { firstName: 'Айгерим', sex: 'F', mark: 'not_admitted' }),
      student('Сыдыков', { mark: 'not_admitted' }),
    ];
    const marks = (lang: 'ky' | 'ru') => gradeSheetContent(sampleSheet(0, { rows }), lang).rows.map((r) => r.mark);
    expect(marks('ru')).toEqual(['не явилась', 'не допущена', 'не допущен']);
    expect(marks('ky')).toEqual(['келген жок', 'экзаменге жиберилген жок', 'экзаменге жиберилген жок']);
  });

  it('counts the sample: 3 absent, 2 not admitted, grades and letters adding up to the rows, average of the totals', () => {
    const input = sampleSheet(25);
    const c = gradeSheetContent(input, 'ky');
    const graded = input.rows.filter((r) => !r.mark);
    const [absent, notAdmitted, students, average] = c.summary.others;
    expect(absent!.value).toBe(3);
    expect(notAdmitted!.value).toBe(2);
    expect(students!.value).toBe(25);
    expect(c.summary.grades.map((g) => g.value)).toEqual([5, 4, 3, 2].map((g) => graded.filter((r) => r.traditional === g).length));
    expect(c.summary.grades.reduce((a, g) => a + g.value!, 0)).toBe(20);
    expect(c.summary.letters.map((l) => l.label)).toEqual(LETTERS);
    expect(c.summary.letters.reduce((a, l) => a + l.value!, 0)).toBe(20);
    const totals = graded.map((r) => r.total!);
    expect(average!.value).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / totals.length, 1);
    expect(average!.text).toMatch(/^\d+,\d$/);
    expect(c.summary.grades[2]!.label).toBe('3 (канааттандырарлык)');
  });

  it('leaves a blank sheet with names and record-book numbers only, and its counts empty', () => {
    const c = gradeSheetContent(sampleSheet(25, { blank: true }), 'ru');
    expect(c.rows).toHaveLength(25);
    for (const r of c.rows) {
      expect(r.texts[1]).not.toBe('');
      expect(r.texts[2]).toMatch(/^24-0\d{4}$/);
      expect(r.texts.slice(3)).toEqual(Array(7).fill(''));
      expect(r.mark).toBeNull();
    }
    expect(c.rows.map((r) => r.texts[1])).toContain([LONG_NAME.lastName, LONG_NAME.firstName, LONG_NAME.patronymic].join(' '));
    expect([...c.summary.grades, ...c.summary.letters].every((l) => l.value === null && l.text === '')).toBe(true);
    expect(c.summary.others.map((o) => o.text)).toEqual(['', '', '25', '']);
  });

  it('titles the sheet by control form and says the kind with the attempt', () => {
    expect(gradeSheetContent(sampleSheet(1), 'ky').title).toBe('ЭКЗАМЕНДИК ВЕДОМОСТЬ');
    expect(gradeSheetContent(sampleSheet(1, { controlForm: 'credit' }), 'ru').title).toBe('ЗАЧЁТНАЯ ВЕДОМОСТЬ');
    expect(gradeSheetContent(sampleSheet(1, { controlForm: 'practice' }), 'ky').title).toBe('ПРАКТИКА БОЮНЧА ВЕДОМОСТЬ');
    expect(gradeSheetContent(sampleSheet(1, { controlForm: 'course_work' }), 'ru').title).toBe('ВЕДОМОСТЬ ЗАЩИТЫ КУРСОВЫХ РАБОТ');
    expect(gradeSheetContent(sampleSheet(1), 'ru').numberText).toBe('№\u00a00457');
    const retake = { kind: 'retake', attempt: 2, parentNumber: '26-00042', closedOn: null } as const;
    expect(gradeSheetContent(sampleSheet(1, retake), 'ky').kindText).toBe('№ 26-00042 ведомость боюнча кайра тапшыруу, 2-аракет');
    expect(gradeSheetContent(sampleSheet(1, retake), 'ru').kindText).toBe('пересдача по ведомости № 26-00042, попытка 2');
    expect(gradeSheetContent(sampleSheet(1, { kind: 'individual', attempt: 3, parentNumber: '26-00042', closedOn: null }), 'ky').kindText).toBe(
      '№ 26-00042 ведомость боюнча жеке багыттама, 3-аракет',
    );
    expect(gradeSheetContent(sampleSheet(1, { kind: 'individual', attempt: 3 }), 'ru').kindText).toContain('направление');
  });

  it('marks a filled open sheet "not closed" and says when a closed one was closed; a blank sheet carries neither', () => {
    const open = gradeSheetContent(sampleSheet(3, { closedOn: null }), 'ru');
    expect(open.mark).toBe('НЕ ЗАКРЫТА');
    expect(gradeSheetContent(sampleSheet(3, { closedOn: null }), 'ky').mark).toBe('ЖАБЫЛА ЭЛЕК');
    const closed = gradeSheetContent(sampleSheet(3, { closedOn: '2027-01-16' }), 'ru');
    expect(closed.mark).toBeNull();
    expect(closed.kindText).toBe('основная сдача, закрыта 16.01.2027');
    const blank = gradeSheetContent(sampleSheet(3, { closedOn: null, blank: true }), 'ru');
    expect([blank.mark, blank.kindText]).toEqual([null, 'основная сдача']);
  });

  it('shows the header fields: date DD.MM.YYYY or a line to fill in, credits and hours, control form', () => {
    const fields = (c: ReturnType<typeof gradeSheetContent>) => new Map(c.info.flat().map((f) => [f.label, f.value]));
    const ru = fields(gradeSheetContent(sampleSheet(1, { controlForm: 'graded_credit' }), 'ru'));
    expect(ru.get('Дата сдачи')).toBe('15.01.2027');
    expect(ru.get('Объём')).toBe('5 кредитов, 150 ч.');
    expect(ru.get('Форма контроля')).toBe('дифференцированный зачёт');
    expect(ru.get('Специальность')).toBe('580100 Экономика');
    expect(ru.get('Учебный год')).toBe('2026-2027');
    const ky = fields(gradeSheetContent(sampleSheet(1, { examDate: null }), 'ky'));
    expect(ky.get('Тапшыруу күнү')).toBe(translate('ky', 'doc.dateBlank'));
    expect(ky.get('Окуу формасы')).toBe('күндүзгү');
    expect(ky.get('Окутуучу (экзаменатор)')).toBe('Т. Б. Сүйүнбаева');
  });

  it('words the traditional grade and rounds the average half up', () => {
    expect([5, 4, 3, 2].map((g) => traditionalText(g, 'ky'))).toEqual(['5 (эң жакшы)', '4 (жакшы)', '3 (канаат.)', '2 (канаат. эмес)']);
    expect([5, 4, 3, 2].map((g) => traditionalText(g, 'ru'))).toEqual(['5 (отл.)', '4 (хор.)', '3 (удовл.)', '2 (неуд.)']);
    expect(traditionalText(null, 'ru')).toBe('');
    expect(averageOf([78, 79])).toBe(78.5);
    expect(averageOf([78.45])).toBe(78.5);
    expect(averageOf([60, 61, 61])).toBe(60.7);
    expect(averageOf([])).toBeNull();
  });

  it('prints a credit test as passed / not passed from the credit-test pass mark, with no letters or 5-point grades', () => {
    const rows = [
      student('Асанов', { position: 1, parts: { m1: 20, m2: 15, exam: 15 }, total: 50, letter: 'D', traditional: 3 }),
      student('Бакиев', { position: 2, parts: { m1: 20, m2: 15, exam: 14 }, total: 49, letter: 'FX', traditional: 2 }),
      student('Осмонова', { position: 3, sex: 'F', parts: { m1: 20, m2: 20 }, mark: 'absent' }),
    ];
    const c = gradeSheetContent(sampleSheet(0, { controlForm: 'credit', rows, creditTestPassMark: 50 }), 'ru');
    expect(c.columns.map((col) => col.header).slice(3)).toEqual(['1-модуль (30)', '2-модуль (30)', 'Зачёт (40)', 'Всего баллов (100)', 'Зачтено / не зачтено', 'Подпись']);
    expect(c.rows.map((r) => r.texts.slice(6, 8))).toEqual([
      ['50', 'зачтено'],
      ['49', 'не зачтено'],
      ['не явилась', ''],
    ]);
    expect(c.markSpan).toBe(2);
    expect(c.summary.gradesTitle).toBe('Результаты');
    expect(c.summary.grades.map((l) => [l.label, l.value])).toEqual([
      ['Зачтено', 1],
      ['Не зачтено', 1],
    ]);
    expect(c.summary.letters).toEqual([]);
  });

  it('prints course work, practice and a state exam by the total alone, signed by who judges them', () => {
    const rows = [student('Асанов', { parts: { m1: 25, m2: 25, exam: 35 }, total: 85, letter: 'B+', traditional: 4 })];
    const course = gradeSheetContent(sampleSheet(0, { controlForm: 'course_work', rows, examiner: 'С. Б. Козлов', dean: 'А. А. Дean' }), 'ru');
    expect(course.columns.map((col) => col.key)).toEqual(['no', 'fullName', 'recordBook', 'total', 'letter', 'traditional', 'signature']);
    expect(course.rows[0]!.texts.slice(3, 6)).toEqual(['85', 'B+', '4 (хор.)']);
    expect(course.signatories.map((s) => s.role)).toEqual(['Руководитель курсовой работы', 'Член комиссии', 'Член комиссии', 'Декан факультета']);
    expect(course.signatories[0]!.name).toBe('С. Б. Козлов');
    expect(course.info.flat().map((f) => f.label)).toContain('Руководитель курсовой работы');
    const state = gradeSheetContent(sampleSheet(0, { controlForm: 'state_exam', rows }), 'ky');
    expect(state.title).toBe('МАМЛЕКЕТТИК ЭКЗАМЕНДИН ВЕДОМОСТУ');
    expect(state.signatories.map((s) => s.role)).toEqual(['МАКтын төрагасы', 'Комиссиянын мүчөсү', 'Комиссиянын мүчөсү', 'Факультеттин деканы']);
    const practice = gradeSheetContent(sampleSheet(0, { controlForm: 'practice', rows }), 'ru');
    expect(practice.signatories[0]!.role).toBe('Руководитель практики');
    expect(practice.columns.some((col) => col.key === 'part')).toBe(false);
  });
});
