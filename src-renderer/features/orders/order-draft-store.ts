/**
 * An order's unsaved edits kept on this computer from the moment they are typed until the
 * server has them, so that clicking another section, closing the window or a crash loses
 * nothing (a whole group added by hand is half an hour of a clerk's day). One entry per
 * existing order, and one for a new order not yet saved.
 */
import type { DraftStorage } from '../../ui/local-store';
import { nextItemKey, type OrderDraft } from './order-draft';
import type { CancelTarget } from './use-order-editor';

export interface StoredOrderDraft {
  v: 1;
  savedAt: string;
  /** null: a new order */
  orderId: string | null;
  /** the order's version the edits were made on; another version means someone saved since */
  baseVersion: number | null;
  cancels: CancelTarget | null;
  draft: OrderDraft;
}

export const orderDraftKey = (orderId: string | null) => `unidesk.orderDraft.${orderId ?? 'new'}`;

function looksLikeDraft(x: unknown): x is OrderDraft {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<OrderDraft>;
  return typeof d.type === 'string' && typeof d.effectiveDate === 'string' && typeof d.reason === 'string' && Array.isArray(d.items);
}

/** The stored edits of an order (or of the new one); anything unreadable counts as none. */
export function readOrderDraft(storage: DraftStorage | null, orderId: string | null): StoredOrderDraft | null {
  try {
    const raw = storage?.getItem(orderDraftKey(orderId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredOrderDraft>;
    if (parsed.v !== 1 || !looksLikeDraft(parsed.draft) || typeof parsed.savedAt !== 'string') return null;
    // keys are unique within one editor's life only: give the restored rows fresh ones
    const draft = { ...parsed.draft, reasonRu: parsed.draft.reasonRu ?? '', items: parsed.draft.items.map((i) => ({ ...i, key: nextItemKey() })) };
    return { v: 1, savedAt: parsed.savedAt, orderId, baseVersion: parsed.baseVersion ?? null, cancels: parsed.cancels ?? null, draft };
  } catch {
    return null;
  }
}

/** Stores the edits; storage full or off: they stay in memory, as before. */
export function writeOrderDraft(storage: DraftStorage | null, stored: Omit<StoredOrderDraft, 'v'>): void {
  try {
    storage?.setItem(orderDraftKey(stored.orderId), JSON.stringify({ v: 1, ...stored } satisfies StoredOrderDraft));
  } catch {
    // quota exceeded or storage disabled by policy: nothing more can be done here
  }
}

export function forgetOrderDraft(storage: DraftStorage | null, orderId: string | null): void {
  try {
    storage?.removeItem(orderDraftKey(orderId));
  } catch {
    // as above
  }
}

/** A new order is worth keeping once it holds something typed: students, or a basis. */
export function worthKeeping(draft: OrderDraft): boolean {
  return draft.items.length > 0 || draft.reason.trim() !== '' || draft.reasonRu.trim() !== '';
}
