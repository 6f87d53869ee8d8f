import { z } from 'zod';
import { FUNDINGS, type Funding } from '../domain/enums';
import { EXPULSION_REASONS, ORDER_STATES, ORDER_TYPES, type ExpulsionReason, type OrderState, type OrderType, type StudentState } from '../domain/orders';
import { id, isoDate, type Localized } from './common';
import { operation } from './define';

const nameText = z.string().trim().min(1).max(80);

export const orderItemInput = z
  .object({
    studentId: id,
    targetGroupId: id.nullable().optional(),
    targetCourse: z.number().int().min(1).max(6).nullable().optional(),
    targetFunding: z.enum(FUNDINGS).nullable().optional(),
    leaveFrom: isoDate.nullable().optional(),
    leaveTo: isoDate.nullable().optional(),
    honours: z.boolean().optional(),
    newLastName: nameText.nullable().optional(),
    newFirstName: nameText.nullable().optional(),
    newPatronymic: z.string().trim().max(80).nullable().optional(),
  })
  .strict();
export type OrderItemInput = z.infer<typeof orderItemInput>;

const orderFields = {
  effectiveDate: isoDate,
  /** the basis in Kyrgyz and in Russian: each language's paper prints its own; both before signing */
  reason: z.string().trim().max(2000),
  reasonRu: z.string().trim().max(2000).default(''),
  expulsionReason: z.enum(EXPULSION_REASONS).nullable().optional(),
  items: z.array(orderItemInput).max(5000),
};

export interface StudentStateView extends StudentState {
  groupName: string;
}

/** A student's state on a date, with the order it came from (its number) and when it took effect. */
export interface StudentStateOnView extends StudentStateView {
  orderNo: string | null;
  effectiveDate: string;
}

export interface OrderSummary {
  id: string;
  type: OrderType;
  state: OrderState;
  number: string | null;
  orderDate: string | null;
  effectiveDate: string;
  reason: string;
  /** null: an order written before the Russian basis was asked for (its one basis serves both papers) */
  reasonRu: string | null;
  facultyId: string | null;
  studentCount: number;
  createdBy: string | null;
  signedBy: string | null;
  cancelsOrderId: string | null;
  cancelledByOrderId: string | null;
  version: number;
}

/** A draft in the signer's in-tray, with what still stands in the way of signing it. */
/** A university position that may visa students' orders ("СОГЛАСОВАНО:"), as settings show it. */
export interface VisaPosition {
  id: string;
  name: Localized;
  /** who holds it now, "С. Б. Козлов"; null when nobody does (the visa then prints the position only) */
  holder: string | null;
  /** its place among the visas, 1 = first; null when it does not visa */
  place: number | null;
}

export interface OrderToSign extends OrderSummary {
  createdAt: string;
  updatedAt: string;
  /** students the order cannot apply to as it stands */
  problems: number;
  /** which basis is still empty ('reason' Kyrgyz, 'reasonRu' Russian) */
  missingBasis: ('reason' | 'reasonRu')[];
}

export interface OrderItemView {
  id: string;
  position: number;
  studentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  recordBookNo: string;
  params: OrderItemInput;
  /** the state before and after: fixed on signing; for a draft, what signing now would do */
  before: StudentStateView | null;
  after: StudentStateView | null;
  /** for a draft: why signing would refuse this student, in the caller's language */
  problem: string | null;
}

export interface OrderDetail extends OrderSummary {
  expulsionReason: ExpulsionReason | null;
  cancels: { id: string; number: string | null; orderDate: string | null; type: OrderType } | null;
  /** the order that cancelled this one, if any */
  cancelledBy: { id: string; number: string | null; orderDate: string | null; signedBy: string | null } | null;
  items: OrderItemView[];
  canEdit: boolean;
  canSign: boolean;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export type { Funding };

export const ordersContract = {
  'orders.list': operation<{ total: number; rows: OrderSummary[] }>()(
    z.object({
      state: z.enum(ORDER_STATES).optional(),
      type: z.enum(ORDER_TYPES).optional(),
      query: z.string().max(50).optional(),
      studentId: id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'orders.get': operation<OrderDetail>()(z.object({ id })),
  'orders.toSign': operation<{ rows: OrderToSign[] }>()(z.object({}).strict()),
  'orders.visas': operation<{ positions: VisaPosition[] }>()(z.object({}).strict()),
  /** the positions that visa every order, in the order they print; the others stop */
  'orders.setVisas': operation<{ positions: VisaPosition[] }>()(z.object({ positionIds: z.array(id).max(12) }).strict()),
  'orders.create': operation<OrderDetail>()(
    z.object({ type: z.enum(ORDER_TYPES), cancelsOrderId: id.nullable().optional(), ...orderFields }).strict(),
  ),
  'orders.update': operation<OrderDetail>()(
    z
      .object({ id, version: z.number().int().min(1), ...orderFields })
      .partial({ effectiveDate: true, reason: true, reasonRu: true, items: true })
      .strict(),
  ),
  'orders.delete': operation<null>()(z.object({ id, version: z.number().int().min(1) })),
  'orders.sign': operation<OrderDetail>()(z.object({ id, version: z.number().int().min(1), orderDate: isoDate.optional() })),
  'orders.export': operation<ExportedFile>()(
    z.object({ id, format: z.enum(['pdf', 'xlsx']), lang: z.enum(['ky', 'ru']) }),
  ),
  'students.stateOn': operation<StudentStateOnView | null>()(z.object({ id, date: isoDate })),
};
