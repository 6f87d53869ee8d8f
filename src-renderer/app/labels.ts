/**
 * Catalog keys for the closed vocabularies (DOMAIN.md §2, §4). The template literal types make
 * a new enum value without a catalog entry a type error.
 */
import type { Localized, SpecialtyRef } from '../../src-shared/contract';
import type { BaseEducation, Funding, Level, StudentFlag, StudentStatus, StudyForm } from '../../src-shared/domain/enums';
import { ORDER_TYPES, type ExpulsionReason, type OrderState, type OrderType } from '../../src-shared/domain/orders';
import type { Sex } from '../../src-shared/domain/person';
import type { Role } from '../../src-shared/domain/roles';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';

export const statusKey = (s: StudentStatus) => `status.${s}` as const satisfies MessageKey;
export const studyFormKey = (f: StudyForm) => `studyForm.${f}` as const satisfies MessageKey;
export const fundingKey = (f: Funding) => `funding.${f}` as const satisfies MessageKey;
export const baseEducationKey = (b: BaseEducation) => `baseEducation.${b}` as const satisfies MessageKey;
export const sexKey = (s: Sex) => `sex.${s}` as const satisfies MessageKey;
export const flagKey = (f: StudentFlag) => `flag.${f}` as const satisfies MessageKey;
export const roleKey = (r: Role) => `role.${r}` as const satisfies MessageKey;
export const orderTypeKey = (t: OrderType) => `orderType.${t}` as const satisfies MessageKey;
export const orderStateKey = (s: OrderState) => `orderState.${s}` as const satisfies MessageKey;
export const levelKey = (l: Level) => `level.${l}` as const satisfies MessageKey;
export const expulsionReasonKey = (r: ExpulsionReason) => `expulsionReason.${r}` as const satisfies MessageKey;

// Every history row is written by an order, so its kind is an order type.
const HISTORY_KINDS = ORDER_TYPES;
type HistoryKind = OrderType;

/** The status-history kind is open text in the contract; unknown kinds get a generic label. */
export function historyKindMessage(kind: string): { id: MessageKey; values?: { kind: string } } {
  return (HISTORY_KINDS as readonly string[]).includes(kind)
    ? { id: `historyKind.${kind as HistoryKind}` as const satisfies MessageKey }
    : { id: 'historyKind.other', values: { kind } };
}

/** Reference names come in all three languages; show the UI's one, falling back to any non-empty. */
export function localName(name: Localized | undefined, locale: Locale): string {
  if (!name) return '';
  return name[locale] || name.ky || name.ru || name.en || '';
}

/**
 * "580100 Экономика (бакалавриат)": a code is shared by a bachelor's and a master's programme,
 * so a list that showed code and name alone showed the same line twice.
 */
export function specialtyLabel(s: Pick<SpecialtyRef, 'code' | 'name' | 'level'>, locale: Locale): string {
  return `${s.code} ${localName(s.name, locale)} (${translate(locale, levelKey(s.level))})`;
}

/** Placeholder for an empty cell: not a word, so it needs no translation. */
export const EMPTY = '—';
