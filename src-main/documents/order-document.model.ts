/**
 * Everything an order document shows, already resolved from the database (names of groups,
 * specialties, people). The orders service builds it; the PDF and xlsx builders only lay it out.
 */
import type { Localized } from '../../src-shared/contract/common';
import type { Funding, Level, StudentStatus, StudyForm } from '../../src-shared/domain/enums';
import type { ExpulsionReason, OrderState, OrderType } from '../../src-shared/domain/orders';

export type DocumentLanguage = 'ky' | 'ru';

export interface OrderDocumentStudentState {
  status: StudentStatus;
  groupName: string;
  specialtyCode: string;
  specialtyName: Localized;
  /** the specialty's level: the qualification a graduation order awards */
  level: Level | null;
  course: number;
  form: StudyForm;
  funding: Funding;
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

export interface OrderDocumentItem {
  recordBookNo: string;
  /** the student's state just before the order … */
  before: OrderDocumentStudentState;
  /** … and what the order makes of it */
  after: OrderDocumentStudentState;
  leaveFrom: string | null;
  leaveTo: string | null;
  honours: boolean;
}

export interface OrderDocumentInput {
  university: Localized;
  /** the faculty the order concerns, when it concerns one */
  faculty: Localized | null;
  type: OrderType;
  state: OrderState;
  /** null while a draft: numbers are given on signing */
  number: string | null;
  orderDate: string | null;
  effectiveDate: string;
  /** the basis, as typed by students' HR ("Окумуштуулар кеңешинин чечими, 28.08.2026, №1") */
  reason: string;
  /** the basis for the Russian paper; null for an order written before it was asked for (prints `reason`) */
  reasonRu: string | null;
  expulsionReason: ExpulsionReason | null;
  /** for a cancellation: the order it cancels */
  cancels: { number: string; orderDate: string; type: OrderType } | null;
  items: OrderDocumentItem[];
  signatories: { position: Localized; name: string }[];
  /** who agreed the draft before it went to be signed (the faculty's dean for a faculty's order), initials first */
  visas?: { position: Localized; name: string }[];
  /** who prepared the order: the user who drafted it */
  executor?: string | null;
  /** where the order is issued; the catalogs' "Бишкек ш." / "г. Бишкек" when not given */
  place?: Localized | null;
}
