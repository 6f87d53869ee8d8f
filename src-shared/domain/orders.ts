/**
 * Orders (буйрук / приказ), DOMAIN.md §4: the only way a student's status, group, course,
 * form of study, funding or name changes.
 */
import type { Funding, StudentStatus, StudyForm } from './enums';

export const ORDER_TYPES = [
  'enrolment',
  'promotion',
  'transfer',
  'academic_leave',
  'return_from_leave',
  'expulsion',
  'reinstatement',
  'graduation',
  'name_change',
  'cancellation',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const ORDER_STATES = ['draft', 'signed', 'cancelled'] as const;
/**
 * The student row's columns only orders change: the row copies them from the history row in
 * force today (src-main/features/orders/order-in-force.ts; the server re-checks the copy).
 */
export const ORDER_STATE_COLUMNS = ['status', 'group_id', 'course', 'funding', 'last_name', 'first_name', 'patronymic'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const EXPULSION_REASONS = ['own_wish', 'academic_failure', 'non_payment', 'attendance', 'transfer_out'] as const;
export type ExpulsionReason = (typeof EXPULSION_REASONS)[number];

/**
 * Each type has its own number series per year: "12-п" is the 12th promotion order of the
 * year. The suffix letters are the customary Kyrgyz/Russian abbreviations of the type.
 */
export const ORDER_SERIES: Record<OrderType, string> = {
  enrolment: 'з',
  promotion: 'п',
  transfer: 'т',
  academic_leave: 'а',
  return_from_leave: 'к',
  expulsion: 'ч',
  reinstatement: 'р',
  graduation: 'б',
  name_change: 'ф',
  cancellation: 'ж',
};

export function formatOrderNumber(type: OrderType, seq: number): string {
  return `${seq}-${ORDER_SERIES[type]}`;
}

/** What an order changes about one student, on one date. */
export interface StudentState {
  status: StudentStatus;
  groupId: string;
  course: number;
  form: StudyForm;
  funding: Funding;
  lastName: string;
  firstName: string;
  patronymic: string | null;
}
