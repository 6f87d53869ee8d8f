/**
 * A sample order for the document tests: 120 students in four groups, with the names that
 * break documents — Kyrgyz letters (ң ө ү), Kazakh ones (ұ қ ғ ә і), a two-word Kyrgyz
 * patronymic, no patronymic, and a name too long for any column.
 */
import type { OrderType } from '../../../src-shared/domain/orders';
import type { OrderDocumentInput, OrderDocumentItem, OrderDocumentStudentState } from '../order-document.model';

export const LONG_NAME = { lastName: 'Абдыкадыров-Сыдыкбеков', firstName: 'Нурбек-Эрмекбек', patronymic: 'Асанбек-Бакытбек уулу' };

/** Fixed students, placed among the generated ones. */
export const SPECIAL_NAMES = [
  LONG_NAME,
  { lastName: 'Өмүралиева', firstName: 'Айжаркын', patronymic: 'Төлөнбаевна' },
  { lastName: 'Жеңишбеков', firstName: 'Үмөтбек', patronymic: 'Асан уулу' },
  { lastName: 'Сейтқали', firstName: 'Нұрлан', patronymic: 'Ержанұлы' },
  { lastName: 'Әбілқасымова', firstName: 'Ғалия', patronymic: null },
  { lastName: 'Түгөлбаева', firstName: 'Гүлнара', patronymic: 'Сүйүнбек кызы' },
];

const LAST = ['Асанов', 'Бакиев', 'Үсөнов', 'Маматов', 'Токтогулов', 'Ормонов', 'Жумабеков', 'Сыдыков', 'Эркинов', 'Ниязов'];
const FIRST = ['Азамат', 'Бекжан', 'Нурлан', 'Эрлан', 'Талант', 'Мирлан', 'Өмүр', 'Үмүт', 'Жеңиш', 'Чыңгыз', 'Айбек', 'Дастан'];
const FATHER = ['Асанович', 'Бекович', 'Токтосун уулу', 'Маратович', 'Нурбек уулу', 'Садыкович', null];

export const GROUPS = ['ЭК-1-24', 'ЭК-2-24', 'ЭК-10-24', 'ФК-1-24'];

function state(i: number, name: { lastName: string; firstName: string; patronymic: string | null }): OrderDocumentStudentState {
  return {
    status: 'active',
    groupName: GROUPS[i % GROUPS.length]!,
    specialtyCode: '580100',
    specialtyName: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
    level: 'bachelor',
    course: 1,
    form: i % 7 === 0 ? 'correspondence' : 'full_time',
    funding: i % 3 === 0 ? 'contract' : 'budget',
    ...name,
  };
}

function nameOf(i: number) {
  const special = SPECIAL_NAMES[i / 20];
  if (Number.isInteger(i / 20) && special) return special;
  return {
    lastName: LAST[i % LAST.length]!,
    firstName: FIRST[(i * 7) % FIRST.length]!,
    patronymic: FATHER[(i * 5) % FATHER.length]!,
  };
}

/** What each type does to a student, so the change columns have something to show. */
function after(type: OrderType, s: OrderDocumentStudentState, i: number): OrderDocumentStudentState {
  switch (type) {
    case 'promotion':
      return { ...s, course: s.course + 1, groupName: s.groupName.replace('-24', '-23') };
    case 'transfer':
      return i % 2 ? { ...s, funding: 'budget', form: 'full_time' } : { ...s, groupName: GROUPS[(i + 1) % GROUPS.length]! };
    case 'academic_leave':
      return { ...s, status: 'on_leave' };
    case 'expulsion':
      return { ...s, status: 'expelled' };
    case 'graduation':
      return { ...s, status: 'graduated' };
    case 'name_change':
      return { ...s, lastName: 'Жаңыбекова' };
    default:
      return s;
  }
}

export function sampleOrder(type: OrderType = 'promotion', count = 120, overrides: Partial<OrderDocumentInput> = {}): OrderDocumentInput {
  const items: OrderDocumentItem[] = [];
  for (let i = 0; i < count; i++) {
    const before = state(i, nameOf(i));
    items.push({
      recordBookNo: `24-${String(1000 + i).padStart(5, '0')}`,
      // a cancelled expulsion: the order found them expelled and makes them students again
      before: type === 'enrolment' ? { ...before, status: 'applicant' } : type === 'cancellation' ? { ...before, status: 'expelled' } : before,
      after: after(type, before, i),
      leaveFrom: type === 'academic_leave' ? '2026-09-01' : null,
      leaveTo: type === 'academic_leave' ? '2027-08-31' : null,
      honours: type === 'graduation' && i % 9 === 0,
    });
  }
  return {
    university: {
      ky: 'Ж. Баласагын атындагы Кыргыз улуттук университети',
      ru: 'Кыргызский национальный университет имени Жусупа Баласагына',
      en: 'Jusup Balasagyn Kyrgyz National University',
    },
    faculty: { ky: 'Экономика факультети', ru: 'Экономический факультет', en: 'Faculty of Economics' },
    type,
    state: 'signed',
    number: '12-п',
    orderDate: '2026-08-28',
    effectiveDate: '2026-09-01',
    reason: 'Окумуштуулар кеңешинин чечими, 28.08.2026, №1',
    reasonRu: 'Решение учёного совета, 28.08.2026, №1',
    expulsionReason: type === 'expulsion' ? 'own_wish' : null,
    cancels: type === 'cancellation' ? { number: '7-ч', orderDate: '2026-03-15', type: 'expulsion' } : null,
    items,
    signatories: [
      { position: { ky: 'Ректор', ru: 'Ректор', en: 'Rector' }, name: 'Ч. Т. Асанов' },
      { position: { ky: 'Студенттик кадрлар бөлүмүнүн башчысы', ru: 'Начальник отдела кадров студентов', en: 'Head of students’ HR' }, name: 'Г. Ө. Үсөнова' },
    ],
    ...overrides,
  };
}
