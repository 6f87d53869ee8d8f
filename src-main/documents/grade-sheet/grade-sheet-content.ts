/**
 * What a grade sheet (ведомость) says, worded in one language: header fields, the table and
 * the summary (DOMAIN.md §3 "Grade sheet document"). The PDF and the xlsx builders both print
 * exactly this, so the two files never disagree.
 */
import { formatDate } from '../../../src-shared/domain/dates';
import { fullName } from '../../../src-shared/domain/person';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import type { DocumentLanguage } from '../order-document.model';
import type { GradeSheetDocumentInput, GradeSheetDocumentRow } from '../grade-sheet-document.model';
import { SHEET_FORMS } from './sheet-forms';

export type GradeSheetColumnKey = 'no' | 'fullName' | 'recordBook' | 'part' | 'total' | 'letter' | 'traditional' | 'result' | 'signature';

export interface GradeSheetColumn {
  key: GradeSheetColumnKey;
  header: string;
  /** for a 'part' column: the part's key in the input */
  partKey?: string;
}

export interface GradeSheetRowContent {
  /** every cell as printed, in column order ('' where nothing is written) */
  texts: string[];
  /** the same cells with numbers as numbers (№, points, total): what the xlsx stores */
  values: (string | number)[];
  /** "келген жок" / "не допущен": printed once across the total, letter and traditional cells */
  mark: string | null;
}

export interface InfoField {
  label: string;
  value: string;
}

export interface SummaryLine {
  label: string;
  /** null on a blank sheet (filled in by hand) */
  value: number | null;
  /** the value as printed ('' on a blank sheet) */
  text: string;
}

export interface GradeSheetSummary {
  gradesTitle: string;
  lettersTitle: string;
  countTitle: string;
  /** 5, 4, 3, 2 with the grade in words; passed / not passed on a credit test */
  grades: SummaryLine[];
  /** absent, not admitted, students on the sheet, average points */
  others: SummaryLine[];
  /** empty on a credit test, which has no letters */
  letters: SummaryLine[];
}

export interface GradeSheetContent {
  university: string;
  faculty: string;
  /** ЭКЗАМЕНДИК ВЕДОМОСТЬ / ЗАЧЕТТИК ВЕДОМОСТЬ / ВЕДОМОСТЬ, by the control form */
  title: string;
  numberText: string;
  /** main / retake (with the attempt) / individual direction (with the attempt) */
  kindText: string;
  /** header lines of one or two fields each */
  info: InfoField[][];
  columns: GradeSheetColumn[];
  rows: GradeSheetRowContent[];
  /** index of the total column: a mark covers it and the next markSpan - 1 columns */
  markFrom: number;
  /** total, letter, traditional (3) — or total and passed / not passed (2) */
  markSpan: number;
  blank: boolean;
  /** across every page of a filled sheet that is not closed: its grades may still change */
  mark: string | null;
  summary: GradeSheetSummary;
  signatories: { role: string; name: string }[];
  signatureHint: string;
  dateLabel: string;
  dateBlank: string;
  /** identifies a loose page: "Ведомость № 15, ЭК-1-24, 2026-2027" */
  footerNote: string;
  /** document title for metadata and file names */
  fileTitle: string;
  /** metadata subject: discipline, group, academic year */
  subject: string;
  sheetName: string;
}


export const TRADITIONAL_GRADES = [5, 4, 3, 2] as const;
type Traditional = (typeof TRADITIONAL_GRADES)[number];

const isTraditional = (n: number | null): n is Traditional => n === 5 || n === 4 || n === 3 || n === 2;

/** Intl formatters are slow to build and a batch prints thousands of sheets: one per language and style. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: DocumentLanguage, decimals: 'points' | 'average'): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = decimals === 'points' ? { maximumFractionDigits: 2 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    f = new Intl.NumberFormat(lang, { ...digits, useGrouping: false });
    formatters.set(key, f);
  }
  return f;
}

/** Points as a clerk writes them: "27", "27,5" (comma decimals in Kyrgyz and Russian). */
export function formatPoints(n: number, lang: DocumentLanguage): string {
  return numberFormat(lang, 'points').format(n);
}

/** Average of the totals to one decimal, half away from zero: 78.45 → 78.5. */
export function averageOf(totals: number[]): number | null {
  if (!totals.length) return null;
  const sum = totals.reduce((a, b) => a + b, 0);
  return Math.round((sum * 10) / totals.length + 1e-9) / 10;
}

/** "5 (эң жакшы)", "3 (удовл.)": the digit and its word, short enough for a narrow column. */
export function traditionalText(grade: number | null, lang: DocumentLanguage): string {
  if (grade === null) return '';
  if (!isTraditional(grade)) return String(grade);
  return `${grade} (${translate(lang, `doc.sheet.gradeShort.${grade}`)})`;
}

function rowContent(
  row: GradeSheetDocumentRow,
  no: number,
  input: GradeSheetDocumentInput,
  lang: DocumentLanguage,
): GradeSheetRowContent {
  const head: (string | number)[] = [no, fullName(row), row.recordBookNo];
  const signature = '';
  const form = SHEET_FORMS[input.controlForm];
  const printed = form.parts ? input.parts : [];
  if (input.blank) {
    const empty = [...printed.map(() => ''), ...(form.result === 'grade' ? ['', '', ''] : ['', ''])];
    return { texts: [String(no), fullName(row), row.recordBookNo, ...empty, signature], values: [...head, ...empty, signature], mark: null };
  }
  const parts = printed.map((p) => row.parts[p.key] ?? null);
  const partTexts = parts.map((v) => (v === null ? '' : formatPoints(v, lang)));
  const partValues = parts.map((v) => v ?? '');
  const mark = row.mark ? translate(lang, `doc.sheet.mark.${row.mark}`, { sex: row.sex }) : null;
  const totalText = row.total === null ? '' : formatPoints(row.total, lang);
  const grade: string[] =
    form.result === 'passFail'
      ? mark
        ? [mark, '']
        : [totalText, row.total === null ? '' : translate(lang, passed(row, input) ? 'doc.sheet.result.passed' : 'doc.sheet.result.failed')]
      : mark
        ? [mark, '', '']
        : [totalText, row.letter ?? '', traditionalText(row.traditional, lang)];
  const gradeValues: (string | number)[] = mark ? grade : [row.total ?? '', ...grade.slice(1)];
  return {
    texts: [String(no), fullName(row), row.recordBookNo, ...partTexts, ...grade, signature],
    values: [...head, ...partValues, ...gradeValues, signature],
    mark,
  };
}

function line(label: string, value: number | null, text?: string): SummaryLine {
  return { label, value, text: value === null ? '' : (text ?? String(value)) };
}

function summaryOf(input: GradeSheetDocumentInput, lang: DocumentLanguage): GradeSheetSummary {
  const t = (key: MessageKey) => translate(lang, key);
  // a mark (absent, not admitted) is counted as such, never also as a grade
  const graded = input.rows.filter((r) => !r.mark);
  const count = (pred: (r: GradeSheetDocumentRow) => boolean, rows = graded) => (input.blank ? null : rows.filter(pred).length);
  // letters outside the scale in force still show up, so that the counts add up to the rows
  const letters = [...input.letters];
  for (const r of graded) if (r.letter && !letters.includes(r.letter)) letters.push(r.letter);
  const average = input.blank ? null : averageOf(graded.filter((r) => r.total !== null).map((r) => r.total!));
  const passFail = SHEET_FORMS[input.controlForm].result === 'passFail';
  return {
    gradesTitle: t(passFail ? 'doc.sheet.sum.results' : 'doc.sheet.sum.grades'),
    lettersTitle: t('doc.sheet.sum.letters'),
    countTitle: t('doc.sheet.sum.count'),
    grades: passFail
      ? [
          line(t('doc.sheet.sum.passed'), count((r) => r.total !== null && passed(r, input))),
          line(t('doc.sheet.sum.failed'), count((r) => r.total !== null && !passed(r, input))),
        ]
      : TRADITIONAL_GRADES.map((g) => line(`${g} (${translate(lang, `doc.sheet.grade.${g}`)})`, count((r) => r.traditional === g))),
    others: [
      line(t('doc.sheet.sum.absent'), count((r) => r.mark === 'absent', input.rows)),
      line(t('doc.sheet.sum.notAdmitted'), count((r) => r.mark === 'not_admitted', input.rows)),
      // how many names the sheet holds is known before the exam: printed on a blank too
      line(t('doc.sheet.sum.students'), input.rows.length),
      line(t('doc.sheet.sum.average'), average, average === null ? '' : numberFormat(lang, 'average').format(average)),
    ],
    letters: passFail ? [] : letters.map((l) => line(l, count((r) => r.letter === l))),
  };
}

/** A credit test is passed from the scale's credit-test pass mark (DOMAIN.md §3). */
function passed(row: GradeSheetDocumentRow, input: GradeSheetDocumentInput): boolean {
  return row.total !== null && row.total >= input.creditTestPassMark;
}

function kindText(input: GradeSheetDocumentInput, lang: DocumentLanguage): string {
  if (input.kind === 'main') return translate(lang, 'doc.sheet.kind.main');
  return translate(lang, `doc.sheet.kind.${input.kind}`, { number: input.attempt, parent: input.parentNumber ?? '—' });
}

export function gradeSheetContent(input: GradeSheetDocumentInput, lang: DocumentLanguage): GradeSheetContent {
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);
  const form = SHEET_FORMS[input.controlForm];
  const title = t(form.title);
  const numberText = translate(lang, 'doc.sheet.number', { number: input.number });
  const maxTotal = input.parts.length ? input.parts.reduce((sum, p) => sum + p.max, 0) : 100;

  const columns: GradeSheetColumn[] = [
    { key: 'no', header: t('doc.col.no') },
    { key: 'fullName', header: t('doc.col.fullName') },
    { key: 'recordBook', header: t('doc.sheet.col.recordBook') },
    ...(form.parts ? input.parts : []).map((p) => {
      // the final control is called what this form calls it ("Зачёт (40)", not "Экзамен (40)")
      const label = form.finalLabel && p.kind === 'final' ? t(form.finalLabel) : p.label[lang];
      return { key: 'part' as const, partKey: p.key, header: `${label} (${formatPoints(p.max, lang)})` };
    }),
    { key: 'total', header: translate(lang, 'doc.sheet.col.total', { number: formatPoints(maxTotal, lang) }) },
    ...(form.result === 'passFail'
      ? [{ key: 'result' as const, header: t('doc.sheet.col.result') }]
      : [
          { key: 'letter' as const, header: t('doc.sheet.col.letter') },
          { key: 'traditional' as const, header: t('doc.sheet.col.traditional') },
        ]),
    { key: 'signature', header: t('doc.sheet.col.signature') },
  ];
  // the sheet's own numbering (alphabetical when it was made), never re-sorted at print time
  const sorted = [...input.rows].sort((a, b) => a.position - b.position);
  const rows = sorted.map((r) => rowContent(r, r.position, input, lang));

  const examDate = input.examDate ? formatDate(input.examDate) : t('doc.dateBlank');
  const info: InfoField[][] = [
    [
      { label: t('doc.sheet.academicYear'), value: input.academicYear },
      { label: t('doc.sheet.semester'), value: String(input.semester) },
    ],
    [
      { label: t('doc.col.course'), value: String(input.course) },
      { label: t('doc.col.group'), value: input.groupName },
    ],
    [
      { label: t('doc.col.form'), value: translate(lang, `doc.form.${input.form}`) },
      { label: t('doc.sheet.volume'), value: translate(lang, 'doc.sheet.volumeValue', { count: input.credits, total: input.hours }) },
    ],
    [{ label: t('doc.col.specialty'), value: `${input.specialty.code} ${input.specialty.name[lang]}` }],
    [{ label: t('doc.sheet.discipline'), value: input.discipline[lang] }],
    [
      { label: t('doc.sheet.controlForm'), value: translate(lang, `doc.sheet.control.${input.controlForm}`) },
      { label: t('doc.sheet.examDate'), value: examDate },
    ],
    [{ label: t(form.signatories[0]!), value: input.examiner }],
  ];

  return {
    university: input.university[lang].toLocaleUpperCase(lang),
    faculty: input.faculty[lang],
    title,
    numberText,
    // a closed sheet says when, under its title
    kindText: kindText(input, lang) + (input.closedOn && !input.blank ? `, ${t('doc.sheet.closedOn', { date: formatDate(input.closedOn) })}` : ''),
    info,
    columns,
    rows,
    markFrom: columns.findIndex((c) => c.key === 'total'),
    markSpan: form.result === 'passFail' ? 2 : 3,
    blank: input.blank,
    summary: summaryOf(input, lang),
    // the examiner (supervisor, chair) is named; commission members sign on their own lines
    signatories: [
      ...form.signatories.map((role, i) => ({ role: t(role), name: i === 0 ? input.examiner : '' })),
      { role: t('doc.sheet.dean'), name: input.dean },
    ],
    signatureHint: t('doc.sheet.signatureHint'),
    dateLabel: t('doc.sheet.date'),
    dateBlank: t('doc.dateBlank'),
    mark: input.blank || input.closedOn ? null : t('doc.sheet.notFinal'),
    // short enough for half the footer line
    footerNote: `${t('doc.sheet.sheetName')} ${numberText}, ${input.groupName}, ${input.academicYear}`,
    fileTitle: `${title} ${numberText}. ${input.discipline[lang]}, ${input.groupName}`,
    subject: `${input.discipline[lang]}, ${input.groupName}, ${input.academicYear}`,
    sheetName: t('doc.sheet.sheetName'),
  };
}
