/**
 * What each order type asks for (DOMAIN.md §4), as the editor needs it: which per-student
 * parameters it shows, which students "add a whole group" brings in, and what the order as a
 * whole needs. The rules themselves (what is refused and why) are main's: the editor only
 * shows the inputs those rules read (src-main/features/orders/order-rules.ts).
 */
import type { StudentStatus } from '../../../src-shared/domain/enums';
import { ORDER_TYPES, type OrderType } from '../../../src-shared/domain/orders';

/** Named as in the contract (OrderItemInput), so a server problem at `items.3.targetCourse` finds its input. */
export const ITEM_PARAMS = [
  'targetGroupId',
  'targetCourse',
  'targetFunding',
  'leaveFrom',
  'leaveTo',
  'honours',
  'newLastName',
  'newFirstName',
  'newPatronymic',
] as const;
export type ItemParam = (typeof ITEM_PARAMS)[number];

const MOVE: readonly ItemParam[] = ['targetGroupId', 'targetCourse'];
const MOVE_AND_FUND: readonly ItemParam[] = ['targetGroupId', 'targetCourse', 'targetFunding'];

const PARAMS_BY_TYPE: Record<OrderType, readonly ItemParam[]> = {
  enrolment: MOVE_AND_FUND,
  promotion: MOVE,
  transfer: MOVE_AND_FUND,
  academic_leave: ['leaveFrom', 'leaveTo'],
  return_from_leave: MOVE,
  expulsion: [],
  reinstatement: MOVE_AND_FUND,
  graduation: ['honours'],
  name_change: ['newLastName', 'newFirstName', 'newPatronymic'],
  cancellation: [],
};

/** The per-student inputs of an order type, in the order the items table shows them. */
export function itemParamsFor(type: OrderType): readonly ItemParam[] {
  return PARAMS_BY_TYPE[type];
}

export function showsParam(type: OrderType, param: ItemParam): boolean {
  return PARAMS_BY_TYPE[type].includes(param);
}

/** Parameters that "set for everyone" can fill in one go (the ones a whole group usually shares). */
export const BULK_PARAMS: readonly ItemParam[] = ['targetGroupId', 'targetCourse', 'targetFunding'];

export function bulkParamsFor(type: OrderType): readonly ItemParam[] {
  return PARAMS_BY_TYPE[type].filter((p) => BULK_PARAMS.includes(p));
}

const GROUP_STATUS: Record<Exclude<OrderType, 'cancellation'>, StudentStatus | null> = {
  enrolment: 'applicant',
  promotion: 'active',
  transfer: 'active',
  academic_leave: 'active',
  return_from_leave: 'on_leave',
  expulsion: 'active',
  reinstatement: 'expelled',
  graduation: 'active',
  // a name changes whatever the status: the whole group as it is
  name_change: null,
};

/**
 * The status a whole group is filtered by when it is added: a promotion takes the students
 * who study, a return from leave those on leave, and so on. `null`: no status filter.
 */
export function groupAddStatus(type: OrderType): StudentStatus | null {
  return type === 'cancellation' ? null : GROUP_STATUS[type];
}

/** A cancellation takes its students from the cancelled order; every other type lists them. */
export function takesStudents(type: OrderType): boolean {
  return type !== 'cancellation';
}

export function needsExpulsionReason(type: OrderType): boolean {
  return type === 'expulsion';
}

/** The types a new order may have, in the order the type list shows them. */
export const NEW_ORDER_TYPES: readonly OrderType[] = ORDER_TYPES;
