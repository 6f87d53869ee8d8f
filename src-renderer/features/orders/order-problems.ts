/**
 * Where the server's field problems go in the order editor. Paths are the request's:
 * `effectiveDate` → the date field, `items.3.targetCourse` → the 4th student's course input,
 * `items.3` or `items.3.studentId` → the 4th student as a whole, `items` → the students list.
 */
import type { FieldProblem } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { ITEM_PARAMS } from './order-type-params';
import { ORDER_FIELDS, type ItemField, type LocalProblems, type OrderField } from './order-draft';

export interface ItemProblems {
  /** about the student as a whole (signing refuses them, they appear twice, another faculty) */
  general: string[];
  fields: Partial<Record<ItemField, string>>;
}

export interface PlacedOrderProblems {
  order: Partial<Record<OrderField, string>>;
  /** by item key */
  items: Record<string, ItemProblems>;
  /** problems that name no field the editor shows */
  unplaced: string[];
}

export const NO_PROBLEMS: PlacedOrderProblems = { order: {}, items: {}, unplaced: [] };

const isOrderField = (s: string): s is OrderField => (ORDER_FIELDS as readonly string[]).includes(s);
const isItemParam = (s: string): s is ItemField => (ITEM_PARAMS as readonly string[]).includes(s);

function append(existing: string | undefined, message: string): string {
  return existing ? `${existing} ${message}` : message;
}

/**
 * `itemKeys` are the keys of the items in the order they were sent: the server numbers
 * items by their position in the request.
 */
export function placeOrderProblems(fields: readonly FieldProblem[], itemKeys: readonly string[]): PlacedOrderProblems {
  const placed: PlacedOrderProblems = { order: {}, items: {}, unplaced: [] };
  for (const f of fields) {
    const [head, index, field] = f.path.split('.');
    if (head === 'items' && index !== undefined && /^\d+$/.test(index)) {
      const key = itemKeys[Number(index)];
      if (key === undefined) {
        placed.unplaced.push(f.message);
        continue;
      }
      const item = (placed.items[key] ??= { general: [], fields: {} });
      if (field && field !== 'studentId' && isItemParam(field)) item.fields[field] = append(item.fields[field], f.message);
      else item.general.push(f.message);
    } else if (head !== undefined && isOrderField(head) && index === undefined) {
      placed.order[head] = append(placed.order[head], f.message);
    } else {
      placed.unplaced.push(f.message);
    }
  }
  return placed;
}

/** The editor's own checks in the same shape, so both show in the same places. */
export function placeLocalProblems(local: LocalProblems, text: (key: MessageKey) => string): PlacedOrderProblems {
  const placed: PlacedOrderProblems = { order: {}, items: {}, unplaced: [] };
  for (const [field, key] of Object.entries(local.order) as [OrderField, MessageKey][]) placed.order[field] = text(key);
  for (const [itemKey, byField] of local.items) {
    const item: ItemProblems = { general: [], fields: {} };
    for (const [field, key] of Object.entries(byField) as [ItemField, MessageKey][]) item.fields[field] = text(key);
    placed.items[itemKey] = item;
  }
  return placed;
}

/** A field the user edited loses its problem; the next save says whether it is fixed. */
export function withoutOrderProblems(p: PlacedOrderProblems, fields: readonly OrderField[]): PlacedOrderProblems {
  if (!fields.some((f) => p.order[f] !== undefined)) return p;
  const order = { ...p.order };
  for (const f of fields) delete order[f];
  return { ...p, order };
}

export function withoutItemProblems(p: PlacedOrderProblems, key: string, fields: readonly ItemField[]): PlacedOrderProblems {
  const item = p.items[key];
  if (!item || !fields.some((f) => item.fields[f] !== undefined)) return p;
  const itemFields = { ...item.fields };
  for (const f of fields) delete itemFields[f];
  return { ...p, items: { ...p.items, [key]: { ...item, fields: itemFields } } };
}

export function hasProblems(p: PlacedOrderProblems): boolean {
  return Object.keys(p.order).length > 0 || Object.keys(p.items).length > 0 || p.unplaced.length > 0;
}
