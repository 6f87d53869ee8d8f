import { beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '../../../src-shared/domain/person';
import { translate } from '../../../src-shared/i18n';
import type { GradeSheetDocumentInput } from '../grade-sheet-document.model';
import type { DocumentLanguage } from '../order-document.model';
import { MM } from '../pdf/pdf';
import { probePdf, type PdfProbe, type PdfWord } from '../pdf/poppler.fixture';
import { formatPoints, gradeSheetContent } from './grade-sheet-content';
import { renderGradeSheetPdf } from './grade-sheet.pdf';
import { LETTERS, LONG_NAME, sampleSheet } from './grade-sheet-sample.fixture';

const LANGS: DocumentLanguage[] = ['ky', 'ru'];
const SIZES = [25, 60] as const;
type Size = (typeof SIZES)[number];

const inputs = new Map<Size, GradeSheetDocumentInput>(SIZES.map((n) => [n, sampleSheet(n)]));
const probes = new Map<string, PdfProbe>();
const blanks = new Map<DocumentLanguage, PdfProbe>();

/** Whitespace folded: pdftotext -layout pads columns with runs of spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  for (const lang of LANGS) {
    for (const n of SIZES) probes.set(`${lang}-${n}`, probePdf(await renderGradeSheetPdf(inputs.get(n)!, lang), `sheet-${lang}-${n}`));
    blanks.set(lang, probePdf(await renderGradeSheetPdf(sampleSheet(25, { blank: true, examDate: null }), lang), `blank-${lang}`));
  }
}, 60_000);

/** The page (1-based) and the box of a student's record-book number, which is unique. */
function findRecordBook(p: PdfProbe, recordBookNo: string): { page: number; word: PdfWord } {
  for (let page = 1; page <= p.pages.length; page++) {
    if (!p.pages[page - 1]!.includes(recordBookNo)) continue;
    const word = p.words(page).find((w) => w.text === recordBookNo);
    if (word) return { page, word };
  }
  throw new Error(`${recordBookNo} is not printed`);
}

/** Words on the first line of a row, right of the record-book number, left to right. */
function gradeWords(words: PdfWord[], rb: PdfWord): string[] {
  return words
    .filter((w) => Math.abs(w.yMin - rb.yMin) < 2 && w.xMin > rb.xMax)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text);
}

describe.each(LANGS.flatMap((lang) => SIZES.map((n) => [lang, n] as const)))('grade sheet PDF (%s, %i students)', (lang, n) => {
  const p = () => probes.get(`${lang}-${n}`)!;
  const input = () => inputs.get(n)!;
  const all = () => p().pages.join('\n');

  it('is A4 portrait, titled, and embeds DejaVu only', () => {
    expect(p().info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    expect(p().info['Creator']).toBe('UniDesk');
    expect(p().info['Title']).toContain(translate(lang, 'doc.sheet.title.exam'));
    expect(p().info['Title']).toContain('0457');
    expect(p().fonts.length).toBeGreaterThan(0);
    for (const f of p().fonts) {
      expect(f.name, `${f.name} is DejaVu`).toMatch(/\+DejaVu/);
      expect(f.embedded, `${f.name} embedded`).toBe(true);
    }
  });

  it('keeps Kyrgyz letters (ң ө ү) as text: names, header fields, signatories', () => {
    for (const word of ['Жеңишбеков', 'Үмөтбек', 'Өмүралиева', 'Төлөнбаевна', 'Түгөлбаева', 'Гүлнара', 'Сүйүнбек', 'Сүйүнбаева', 'Ч. Ө. Үсөнов']) {
      expect(all(), word).toContain(word);
    }
    if (lang === 'ky') for (const word of ['Көзөмөлдүн', 'күнү', 'Көлөмү', 'жиберилген', 'Факультеттин']) expect(all(), word).toContain(word);
  });

  it('opens with university, faculty, title and number, kind, and the header fields', () => {
    const first = flat(p().pages[0]!);
    expect(first).toContain(input().university[lang].toLocaleUpperCase(lang).split(' ').slice(0, 3).join(' '));
    expect(first).toContain(input().faculty[lang]);
    expect(first).toContain(`${translate(lang, 'doc.sheet.title.exam')} № 0457`);
    expect(first).toContain(translate(lang, 'doc.sheet.kind.main'));
    for (const text of ['2026-2027', 'ЭК-1-25', '580100 Экономика', 'Микроэкономика', '15.01.2027', 'Т. Б. Сүйүнбаева', translate(lang, 'doc.form.full_time')]) {
      expect(first, text).toContain(text);
    }
    expect(first).toContain(translate(lang, 'doc.sheet.volumeValue', { count: 5, total: 150 }));
  });

  it('repeats the table header, with the parts and their maxima, on every page, and numbers "page X of Y"', () => {
    const pages = p().pages;
    expect(pages.length).toBe(Number(p().info['Pages']));
    expect(pages.length).toBeGreaterThanOrEqual(n === 60 ? 3 : 2);
    pages.forEach((text, i) => {
      for (const word of ['модуль', '(30)', 'Экзамен', '(40)', '(100)', translate(lang, 'doc.sheet.col.letter'), translate(lang, 'doc.sheet.col.signature')]) {
        expect(text, `page ${i + 1}: header word "${word}"`).toContain(word);
      }
      expect(text, `page ${i + 1}`).toContain(translate(lang, 'doc.page', { page: i + 1, total: pages.length }));
    });
  });

  it('prints every row whole on one page, its points, total, letter and grade on the row', () => {
    const c = gradeSheetContent(input(), lang);
    const byRecordBook = new Map(input().rows.map((r) => [r.recordBookNo, r]));
    let marks = 0;
    c.rows.forEach((row, i) => {
      const src = byRecordBook.get(row.texts[2]!)!;
      const { page, word: rb } = findRecordBook(p(), src.recordBookNo);
      const words = p().words(page);
      // № at the left of the row, every word of the name within the row and left of the record book
      expect(words.some((w) => w.text === String(i + 1) && Math.abs(w.yMin - rb.yMin) < 2 && w.xMax < rb.xMin)).toBe(true);
      const nameWords = words.filter((w) => w.yMin >= rb.yMin - 1 && w.yMin < rb.yMin + 40 && w.xMax < rb.xMin && !/^\d+$/.test(w.text));
      const printed = nameWords.map((w) => w.text).join(' ');
      for (const token of fullName(src).split(/[\s-]+/)) expect(printed, `row ${i + 1}: "${token}"`).toContain(token);

      const parts = ['m1', 'm2', 'exam'].map((k) => src.parts[k]).filter((v): v is number => v !== null && v !== undefined).map((v) => formatPoints(v, lang));
      if (src.mark) {
        // a mark spans the total, letter and grade cells and may wrap inside them ("экзаменге жиберилген / жок")
        expect(gradeWords(words, rb).slice(0, parts.length), `row ${i + 1} (${src.recordBookNo})`).toEqual(parts);
        const inRow = words.filter((w) => w.yMin >= rb.yMin - 1 && w.yMin < rb.yMin + 20 && w.xMin > rb.xMax).map((w) => w.text);
        for (const word of translate(lang, `doc.sheet.mark.${src.mark}`, { sex: src.sex }).split(' ')) expect(inRow, `row ${i + 1}: "${word}"`).toContain(word);
        marks++;
      } else {
        const expected = [...parts, formatPoints(src.total!, lang), src.letter!, String(src.traditional)];
        expect(gradeWords(words, rb).slice(0, expected.length), `row ${i + 1} (${src.recordBookNo})`).toEqual(expected);
      }
    });
    expect(marks).toBeGreaterThan(0);
  });

  it('wraps the long name inside its cell, never past the record-book column', () => {
    const long = input().rows.find((r) => r.lastName === LONG_NAME.lastName)!;
    const { page, word: rb } = findRecordBook(p(), long.recordBookNo);
    const words = p().words(page).filter((w) => w.yMin >= rb.yMin - 1 && w.yMin < rb.yMin + 40 && w.xMax < rb.xMin && /\p{L}/u.test(w.text));
    expect(new Set(words.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(1);
    for (const w of words) expect(w.xMax, w.text).toBeLessThan(rb.xMin - 2);
  });

  it('keeps every word inside the page margins', () => {
    const [left, right] = [25 * MM - 1, 595.28 - 15 * MM + 1];
    p().pages.forEach((_, i) => {
      for (const w of p().words(i + 1)) {
        expect(w.xMin, `page ${i + 1} "${w.text}"`).toBeGreaterThanOrEqual(left);
        expect(w.xMax, `page ${i + 1} "${w.text}"`).toBeLessThanOrEqual(right);
      }
    });
  });

  it('sums up under the table: grades, letters, absent, not admitted, students and average match the rows', () => {
    const last = p().pages.at(-1)!;
    const rows = input().rows;
    const graded = rows.filter((r) => !r.mark);
    // the grades' labels start their lines (the rows above hold "4 (жакшы)" too); the others stand mid-line
    const countAfter = (label: string, lineStart = false) => {
      const m = new RegExp(`${lineStart ? '^\\s*' : ''}${escape(label)}\\s+(\\d+(?:,\\d)?)`, 'm').exec(last);
      expect(m, `"${label}" and its count on the last page`).not.toBeNull();
      return m![1]!;
    };
    for (const g of [5, 4, 3, 2]) {
      const label = `${g} (${translate(lang, `doc.sheet.grade.${g}` as 'doc.sheet.grade.5')})`;
      expect(countAfter(label, true), label).toBe(String(graded.filter((r) => r.traditional === g).length));
    }
    const absent = rows.filter((r) => r.mark === 'absent').length;
    const notAdmitted = rows.filter((r) => r.mark === 'not_admitted').length;
    if (n === 25) expect([absent, notAdmitted]).toEqual([3, 2]);
    expect(countAfter(translate(lang, 'doc.sheet.sum.absent'))).toBe(String(absent));
    expect(countAfter(translate(lang, 'doc.sheet.sum.notAdmitted'))).toBe(String(notAdmitted));
    expect(countAfter(translate(lang, 'doc.sheet.sum.students'))).toBe(String(n));
    const totals = graded.map((r) => r.total!);
    const average = (Math.round((totals.reduce((a, b) => a + b, 0) * 10) / totals.length) / 10).toFixed(1).replace('.', ',');
    expect(countAfter(translate(lang, 'doc.sheet.sum.average'))).toBe(average);

    // the letters in a row and their counts in the row under them
    const lines = last.split('\n');
    const head = lines.findIndex((l) => l.trim().startsWith(translate(lang, 'doc.sheet.sum.letters')));
    expect(head).toBeGreaterThan(0);
    expect(lines[head]!.trim().split(/\s+/).slice(-LETTERS.length)).toEqual(LETTERS);
    const counts = lines[head + 1]!.trim().split(/\s+/).slice(-LETTERS.length);
    expect(counts).toEqual(LETTERS.map((l) => String(graded.filter((r) => r.letter === l).length)));
  });

  it('ends with the signatures (examiner, dean, date lines) on a page that still has students', () => {
    const last = p().pages.at(-1)!;
    expect(last).toContain('Т. Б. Сүйүнбаева');
    expect(last).toContain('Ч. Ө. Үсөнов');
    expect(last).toMatch(new RegExp(`^\\s*${translate(lang, 'doc.sheet.dean').split(' ')[0]}`, 'm'));
    expect(last.split(translate(lang, 'doc.sheet.signatureHint')).length - 1).toBe(2);
    expect(last).toMatch(new RegExp(`^\\s*${n}\\s+\\S`, 'm'));
  });
});

describe.each(LANGS)('blank grade sheet PDF (%s)', (lang) => {
  const p = () => blanks.get(lang)!;

  it('has every name and record-book number and nothing in the grade cells', () => {
    const input = sampleSheet(25, { blank: true });
    const all = p().pages.join('\n');
    expect(all).toContain('Жеңишбеков');
    expect(all).toContain('Өмүралиева');
    for (const row of input.rows) {
      const { page, word: rb } = findRecordBook(p(), row.recordBookNo);
      expect(gradeWords(p().words(page), rb), row.recordBookNo).toEqual([]);
    }
    // no marks, no grade words
    for (const word of [translate(lang, 'doc.sheet.mark.absent', { sex: 'M' }), translate(lang, 'doc.sheet.gradeShort.3')]) expect(all).not.toContain(word);
  });

  it('leaves the counts empty (the number of students excepted) and the date to be written in', () => {
    const last = p().pages.at(-1)!;
    // each label printed, and no number after it on its line
    const empty = (label: string, lineStart = false) =>
      expect(last, label).toMatch(new RegExp(`${lineStart ? '^\\s*' : ''}${escape(label)}(?![ \\t]*\\d)`, 'm'));
    for (const g of [5, 4, 3, 2]) empty(`${g} (${translate(lang, `doc.sheet.grade.${g}` as 'doc.sheet.grade.5')})`, true);
    empty(translate(lang, 'doc.sheet.sum.absent'));
    empty(translate(lang, 'doc.sheet.sum.notAdmitted'));
    empty(translate(lang, 'doc.sheet.sum.average'));
    expect(last).toMatch(new RegExp(`${escape(translate(lang, 'doc.sheet.sum.students'))}\\s+25`));
    const letters = last.split('\n').findIndex((l) => l.trim().startsWith(translate(lang, 'doc.sheet.sum.letters')));
    expect(last.split('\n')[letters + 1]!.trim()).toBe(translate(lang, 'doc.sheet.sum.count'));
    expect(p().pages[0]).toContain(translate(lang, 'doc.dateBlank'));
  });

  it('gives each row room to write in by hand', () => {
    const input = sampleSheet(25, { blank: true });
    const first = p().words(1);
    const ys = input.rows
      .map((r) => first.find((w) => w.text === r.recordBookNo)?.yMin)
      .filter((y): y is number => y !== undefined)
      .sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThan(5);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(21);
  });
});

/** The row numbers of the students' lines on a page (a number, a name, a record-book number). */
function studentRows(page: string): number[] {
  return [...page.matchAll(/^\s*(\d+)\s+\p{Lu}.*\d{2}-\d{5}/gmu)].map((m) => Number(m[1]));
}

describe('grade sheet PDF: layout rules', () => {
  it.each(LANGS)('carries the last rows over when the signatures would start a page alone (%s)', async (lang) => {
    // 40 students end the table near the foot of page 2, and the counts and signatures do not fit under it
    const p = probePdf(await renderGradeSheetPdf(sampleSheet(40), lang), `carried-${lang}`);
    const rowsOn = studentRows;
    const last = p.pages.at(-1)!;
    const before = p.pages.at(-2)!;
    // the last three rows moved together, under the repeated header, with the closing block
    expect(rowsOn(last)).toEqual([38, 39, 40]);
    expect(rowsOn(before).at(-1)).toBe(37);
    expect(last).toContain(translate(lang, 'doc.sheet.col.letter'));
    expect(last).toContain('Ч. Ө. Үсөнов');
  });

  it('keeps the rows where they are when the closing block fits under them', async () => {
    const p = probePdf(await renderGradeSheetPdf(sampleSheet(25), 'ky'), 'not-carried');
    const first = studentRows(p.pages[0]!);
    const last = studentRows(p.pages.at(-1)!);
    expect(p.pages).toHaveLength(2);
    // page 1 is filled as far as it goes; what follows starts page 2 with the closing block under it
    expect(first.at(-1)! + 1).toBe(last[0]);
    expect(last.at(-1)).toBe(25);
    expect(last.length).toBeGreaterThan(3);
  });

  /** Every header word printed whole (a break after a hyphen allowed), every word inside the margins. */
  function expectFitted(probe: PdfProbe, input: GradeSheetDocumentInput, lang: DocumentLanguage, pageWidth: number) {
    const words = new Set(probe.words(1).map((w) => w.text));
    for (const col of gradeSheetContent(input, lang).columns) {
      for (const word of col.header.split(/\s+/)) {
        for (const piece of word.split(/(?<=-)(?=\p{L})/u)) expect(words, `${lang}: header word "${piece}"`).toContain(piece);
      }
    }
    const [left, right] = [25 * MM - 1, pageWidth - 15 * MM + 1];
    probe.pages.forEach((_, i) => {
      for (const w of probe.words(i + 1)) {
        expect(w.xMin, `${lang} page ${i + 1} "${w.text}"`).toBeGreaterThanOrEqual(left);
        expect(w.xMax, `${lang} page ${i + 1} "${w.text}"`).toBeLessThanOrEqual(right);
      }
    });
    expect(probe.pages.join('\n')).toContain('Абдыкадыров-');
  }

  it('fits five parts on A4 portrait (smaller type), every header word whole, nothing past the margins', async () => {
    const parts = [
      { key: 'm1', label: { ky: '1-модуль', ru: '1-модуль', en: 'M1' }, max: 15, kind: 'current' as const },
      { key: 'm2', label: { ky: '2-модуль', ru: '2-модуль', en: 'M2' }, max: 15, kind: 'current' as const },
      { key: 'ind', label: { ky: 'Өз алдынча иш', ru: 'СРС', en: 'Self-study' }, max: 10, kind: 'current' as const },
      { key: 'att', label: { ky: 'Катышуу', ru: 'Посещение', en: 'Attendance' }, max: 20, kind: 'current' as const },
      { key: 'exam', label: { ky: 'Экзамен', ru: 'Экзамен', en: 'Exam' }, max: 40, kind: 'final' as const },
    ];
    for (const lang of LANGS) {
      const input = sampleSheet(25, { parts });
      const probe = probePdf(await renderGradeSheetPdf(input, lang), `five-${lang}`);
      expect(probe.info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
      expectFitted(probe, input, lang, 595.28);
    }
  });

  it('wraps one unbroken 41-letter surname inside its cell instead of turning the sheet landscape', async () => {
    const input = sampleSheet(5);
    const long = 'Абдыкадыровабдыкадыровабдыкадыровабдыкады';
    expect(long).toHaveLength(41);
    input.rows[0] = { ...input.rows[0]!, lastName: long };
    const probe = probePdf(await renderGradeSheetPdf(input, 'ky'), 'long-name');
    expect(probe.info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    // every letter is printed, in pieces on consecutive lines of the same cell
    const pieces = probe.words(1).filter((w) => /^[А-Яа-я]+$/.test(w.text) && long.includes(w.text) && w.text.length > 5).map((w) => w.text);
    expect(pieces.join('')).toContain(long.slice(0, 30));
  });

  it('turns to landscape only when the parts cannot fit portrait at all', async () => {
    const parts = ['Жыйынтыктоочу', 'Самостоятельная', 'Посещаемость', 'Коллоквиум', 'Реферативная', 'Лабораторная'].map((label, i) => ({
      key: `p${i}`,
      label: { ky: label, ru: label, en: label },
      max: 10,
      kind: i === 5 ? ('final' as const) : ('current' as const),
    }));
    const input = sampleSheet(12, { parts });
    const probe = probePdf(await renderGradeSheetPdf(input, 'ru'), 'six-long');
    expect(probe.info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    expectFitted(probe, input, 'ru', 841.89);
  });

  it('prints a retake sheet with its attempt and a credit sheet with its title', async () => {
    const retake = probePdf(await renderGradeSheetPdf(sampleSheet(5, { kind: 'retake', attempt: 2, parentNumber: '26-00042' }), 'ky'), 'retake');
    expect(flat(retake.pages[0]!)).toContain('№ 26-00042 ведомость боюнча кайра тапшыруу, 2-аракет');
    const credit = probePdf(await renderGradeSheetPdf(sampleSheet(5, { controlForm: 'credit', kind: 'individual', attempt: 3 }), 'ru'), 'credit');
    expect(flat(credit.pages[0]!)).toContain('ЗАЧЁТНАЯ ВЕДОМОСТЬ № 0457');
    expect(flat(credit.pages[0]!)).toContain('направление (индивидуальная сдача) по ведомости № —, попытка 3');
  });

  // one PDF per control form, read back through pdftotext: title, columns, counts, who signs
  // words, since a heading may wrap inside its cell: each word must be printed, or must not be
  const FORMS = [
    { form: 'exam', title: 'ЭКЗАМЕНАЦИОННАЯ ВЕДОМОСТЬ', has: ['Экзамен', 'Буква', 'Традиц.', 'Традиционные', 'Буквенные', 'Экзаменатор'], not: ['Зачтено', 'Зачёт'] },
    { form: 'graded_credit', title: 'ВЕДОМОСТЬ ДИФФЕРЕНЦИРОВАННОГО ЗАЧЁТА', has: ['Зачёт', 'Буква', 'Традиционные'], not: ['Экзамен'] },
    { form: 'credit', title: 'ЗАЧЁТНАЯ ВЕДОМОСТЬ', has: ['Зачёт', 'Зачтено', 'зачтено', 'Результаты'], not: ['Экзамен', 'Буква', 'Традиционные', 'Буквенные', '(отл.)'] },
    { form: 'course_work', title: 'ВЕДОМОСТЬ ЗАЩИТЫ КУРСОВЫХ РАБОТ', has: ['(100)', 'Руководитель', 'курсовой', 'Член', 'комиссии'], not: ['1-модуль', 'Экзамен', 'Экзаменатор'] },
    { form: 'practice', title: 'ВЕДОМОСТЬ ПО ПРАКТИКЕ', has: ['(100)', 'Руководитель', 'практики'], not: ['1-модуль', 'Экзамен', 'Экзаменатор'] },
    { form: 'state_exam', title: 'ВЕДОМОСТЬ ГОСУДАРСТВЕННОГО ЭКЗАМЕНА', has: ['Председатель', 'ГАК', 'Член', 'комиссии'], not: ['1-модуль', 'Экзаменатор'] },
  ] as const;
  for (const f of FORMS) {
    it(`prints a ${f.form} sheet with its own title, columns, counts and signatures`, async () => {
      const input = sampleSheet(25, { controlForm: f.form });
      const text = flat(probePdf(await renderGradeSheetPdf(input, 'ru'), `form-${f.form}`).pages.join('\n'));
      expect(text).toContain(`${f.title} № 0457`);
      const words = new Set(text.split(' '));
      for (const w of f.has) expect(words.has(w), w).toBe(true);
      for (const w of f.not) expect(words.has(w), w).toBe(false);
      expect(text).toContain('Декан факультета');
      if (f.form === 'credit') {
        // the counts add up: passed + not passed + absent + not admitted = the students on the sheet
        const graded = input.rows.filter((r) => !r.mark && r.total !== null);
        const passed = graded.filter((r) => r.total! >= input.creditTestPassMark).length;
        expect(text).toMatch(new RegExp(`Зачтено\\s+${passed}\\b`));
        expect(text).toMatch(new RegExp(`Не зачтено\\s+${graded.length - passed}\\b`));
      }
    });
  }
});
