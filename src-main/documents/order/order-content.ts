/**
 * What an order says, worded in one language and laid out as lines and a table. The PDF and
 * the xlsx builders both print exactly this, so the two files never disagree
 * (DOMAIN.md §4: number, date, type, reason, effective date; the students and what changes).
 */
import { formatDate } from '../../../src-shared/domain/dates';
import { kyDateFrom, kyDateOf } from '../../../src-shared/domain/ky-dates';
import { compareNames, fullName, kyCollator } from '../../../src-shared/domain/person';
import type { OrderType } from '../../../src-shared/domain/orders';
import { translate, type Locale } from '../../../src-shared/i18n';
import type { OrderDocumentInput, OrderDocumentItem, OrderDocumentStudentState } from '../order-document.model';

/** The columns an order list may have besides №, name and record-book number. */
export type OrderColumnKey = 'group' | 'specialty' | 'specialtyFull' | 'qualification' | 'course' | 'form' | 'funding' | 'status' | 'leave' | 'newName' | 'note';

/** before: the state the order finds; after: what it makes; change: "before → after" where they differ. */
type Mode = 'before' | 'after' | 'change';

export interface OrderColumn {
  key: 'no' | 'fullName' | 'recordBook' | OrderColumnKey;
  header: string;
}

export interface OrderContent {
  university: string;
  faculty: string | null;
  title: string;
  /** DD.MM.YYYY, or a blank to fill in by hand while the order has no date */
  dateText: string;
  /** "№ 12-п", or a blank to fill in on a draft (whose title says it is a draft) */
  numberText: string;
  isDraft: boolean;
  place: string;
  subject: string;
  basis: string | null;
  expulsionReason: string | null;
  operative: string;
  action: string;
  columns: OrderColumn[];
  rows: string[][];
  total: string;
  totalHonours: string | null;
  signatories: { position: string; name: string }[];
  /** "СОГЛАСОВАНО:" and the visas under it; empty when there are none */
  visasTitle: string;
  visas: { position: string; name: string }[];
  /** "Исполнитель: …", or null */
  executor: string | null;
  stamp: string;
  /** diagonal mark on every page: draft or cancelled */
  mark: string | null;
  /** identifies a loose page: "БУЙРУК № 12-п, 01.09.2026" */
  footerNote: string;
  /** document title for metadata and file names */
  fileTitle: string;
  sheetName: string;
}

const COLUMNS: Record<OrderType, [OrderColumnKey, Mode][]> = {
  enrolment: [['group', 'after'], ['course', 'after'], ['form', 'after'], ['funding', 'after']],
  promotion: [['group', 'change'], ['course', 'change']],
  transfer: [['group', 'change']],
  academic_leave: [['group', 'before'], ['course', 'before'], ['leave', 'after']],
  return_from_leave: [['group', 'change'], ['course', 'after']],
  expulsion: [['group', 'before'], ['course', 'before'], ['funding', 'before']],
  reinstatement: [['group', 'after'], ['course', 'after'], ['form', 'after'], ['funding', 'after']],
  // a graduation order names what the diploma is for: the specialty in words and the qualification
  graduation: [['group', 'before'], ['specialtyFull', 'before'], ['qualification', 'before'], ['note', 'after']],
  name_change: [['group', 'before'], ['newName', 'after']],
  cancellation: [],
};

/**
 * A transfer may change specialty, course, form or funding, and a cancellation may undo any
 * change: those columns appear only when some student's value actually changes.
 */
const IF_CHANGED: Partial<Record<OrderType, OrderColumnKey[]>> = {
  transfer: ['specialty', 'course', 'form', 'funding'],
  cancellation: ['status', 'group', 'specialty', 'course', 'form', 'funding', 'newName'],
};

/** Orders whose students are listed by the group they end up in, not the one they leave. */
const GROUP_AFTER: ReadonlySet<OrderType> = new Set(['enrolment', 'reinstatement', 'return_from_leave']);

/** Between before and after; a narrow cell wraps at its spaces, putting "after" under "before →". */
const ARROW = ' → ';

function stateValue(key: OrderColumnKey, s: OrderDocumentStudentState, lang: Locale): string {
  switch (key) {
    case 'group':
      return s.groupName;
    case 'specialty':
      // the code alone: the national 6-digit code is what offices use, and names run long
      return s.specialtyCode;
    case 'specialtyFull':
      return [s.specialtyCode, s.specialtyName[lang]].filter(Boolean).join(' ');
    case 'qualification':
      return s.level ? translate(lang, `doc.qualification.${s.level}`) : '';
    case 'course':
      return String(s.course);
    case 'form':
      return translate(lang, `doc.form.${s.form}`);
    case 'funding':
      return translate(lang, `doc.funding.${s.funding}`);
    case 'status':
      return translate(lang, `doc.status.${s.status}`);
    case 'newName':
      return fullName(s);
    default:
      return '';
  }
}

function cellValue(key: OrderColumnKey, mode: Mode, item: OrderDocumentItem, lang: Locale): string {
  if (key === 'leave') {
    return item.leaveFrom || item.leaveTo
      ? translate(lang, 'doc.order.leavePeriod', { from: formatDate(item.leaveFrom), to: formatDate(item.leaveTo) })
      : '';
  }
  if (key === 'note') return item.honours ? translate(lang, 'doc.order.honours') : '';
  const before = stateValue(key, item.before, lang);
  const after = stateValue(key, item.after, lang);
  if (mode === 'before') return before;
  if (mode === 'after' || before === after) return after;
  return `${before}${ARROW}${after}`;
}

function columnsFor(input: OrderDocumentInput, lang: Locale): [OrderColumnKey, Mode][] {
  const cols = [...COLUMNS[input.type]];
  for (const key of IF_CHANGED[input.type] ?? []) {
    if (cols.some(([k]) => k === key)) continue;
    const changes = input.items.some((it) => stateValue(key, it.before, lang) !== stateValue(key, it.after, lang));
    if (changes) cols.push([key, key === 'newName' ? 'after' : 'change']);
  }
  return cols;
}

/** By group (Kyrgyz collation, numbers in order), then by name: the way deans' lists read. */
function sortItems(input: OrderDocumentInput): OrderDocumentItem[] {
  const groupOf = (it: OrderDocumentItem) => (GROUP_AFTER.has(input.type) ? it.after : it.before).groupName;
  return [...input.items].sort((a, b) => kyCollator.compare(groupOf(a), groupOf(b)) || compareNames(a.before, b.before));
}

/** A date in running text: Kyrgyz spells it out in the case the sentence needs ("…-сентябрынан баштап"). */
function dateFrom(iso: string, lang: Locale): string {
  return lang === 'ky' ? kyDateFrom(iso) : formatDate(iso);
}

function dateOf(iso: string | null, lang: Locale): string {
  return lang === 'ky' && iso ? kyDateOf(iso) : formatDate(iso);
}

function subjectOf(input: OrderDocumentInput, lang: Locale): string {
  if (input.type !== 'cancellation') return translate(lang, `doc.order.subject.${input.type}`);
  const c = requireCancels(input);
  return translate(lang, 'doc.order.subject.cancellation', { number: c.number, date: dateOf(c.orderDate, lang) });
}

function requireCancels(input: OrderDocumentInput): NonNullable<OrderDocumentInput['cancels']> {
  // a cancellation that does not say what it cancels must not be printed and signed
  if (!input.cancels) throw new Error('A cancellation order document needs the order it cancels (input.cancels).');
  return input.cancels;
}

function actionOf(input: OrderDocumentInput, lang: Locale): string {
  const date = dateFrom(input.effectiveDate, lang);
  if (input.type !== 'cancellation') return translate(lang, `doc.order.action.${input.type}`, { date });
  const c = requireCancels(input);
  const subject =
    c.type === 'cancellation'
      ? translate(lang, 'doc.order.subject.cancellationAny')
      : translate(lang, `doc.order.subject.${c.type}`);
  return translate(lang, 'doc.order.action.cancellation', {
    date,
    number: c.number,
    cancelledDate: dateOf(c.orderDate, lang),
    subject,
  });
}

/** The basis as this language's paper prints it: a Russian order never carries the Kyrgyz text of a new order. */
function basisIn(input: OrderDocumentInput, lang: Locale): string {
  const text = lang === 'ru' && input.reasonRu !== null ? input.reasonRu : input.reason;
  return text.trim();
}

export function orderContent(input: OrderDocumentInput, lang: Locale): OrderContent {
  const isDraft = input.state === 'draft' || !input.number;
  // a draft is headed "ПРОЕКТ ПРИКАЗА" with a blank for the number, not "ПРИКАЗ … ПРОЕКТ"
  const title = translate(lang, isDraft ? 'doc.order.draftTitle' : 'doc.order.title');
  const numberText = isDraft ? translate(lang, 'doc.order.numberBlank') : translate(lang, 'doc.order.number', { number: input.number });
  const dateText = input.orderDate ? formatDate(input.orderDate) : translate(lang, 'doc.dateBlank');
  const subject = subjectOf(input, lang);

  const cols = columnsFor(input, lang);
  const columns: OrderColumn[] = [
    { key: 'no', header: translate(lang, 'doc.col.no') },
    { key: 'fullName', header: translate(lang, 'doc.col.fullName') },
    { key: 'recordBook', header: translate(lang, 'doc.col.recordBook') },
    ...cols.map(([key]) => ({ key, header: translate(lang, `doc.col.${key}`) })),
  ];
  const rows = sortItems(input).map((item, i) => [
    String(i + 1),
    fullName(item.before),
    item.recordBookNo,
    ...cols.map(([key, mode]) => cellValue(key, mode, item, lang)),
  ]);

  const honours = input.items.filter((it) => it.honours).length;
  const mark =
    input.state === 'cancelled' ? translate(lang, 'doc.order.cancelledMark') : isDraft ? translate(lang, 'doc.order.draft') : null;

  return {
    university: input.university[lang].toLocaleUpperCase(lang),
    faculty: input.faculty ? input.faculty[lang] : null,
    title,
    dateText,
    numberText,
    isDraft,
    place: input.place ? input.place[lang] : translate(lang, 'doc.order.place'),
    subject,
    basis: basisIn(input, lang) ? translate(lang, 'doc.order.basis', { reason: basisIn(input, lang) }) : null,
    expulsionReason:
      input.type === 'expulsion' && input.expulsionReason
        ? translate(lang, 'doc.order.expulsionReason', {
            reason: translate(lang, `doc.expulsionReason.${input.expulsionReason}`),
          })
        : null,
    operative: translate(lang, 'doc.order.operative'),
    action: actionOf(input, lang),
    columns,
    rows,
    total: translate(lang, 'doc.order.total', { count: input.items.length }),
    totalHonours: input.type === 'graduation' ? translate(lang, 'doc.order.totalHonours', { count: honours }) : null,
    signatories: input.signatories.map((s) => ({ position: s.position[lang], name: s.name })),
    visasTitle: translate(lang, 'doc.order.visas'),
    visas: (input.visas ?? []).map((s) => ({ position: s.position[lang], name: s.name })),
    executor: input.executor ? translate(lang, 'doc.order.executor', { name: input.executor }) : null,
    stamp: translate(lang, 'doc.order.stamp'),
    mark,
    footerNote: isDraft ? title : `${title} ${numberText}${input.orderDate ? `, ${formatDate(input.orderDate)}` : ''}`,
    fileTitle: isDraft ? `${title}. ${subject}` : `${title} ${numberText}. ${subject}`,
    sheetName: translate(lang, 'doc.order.sheetName'),
  };
}
