import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { OrderDetail, StudentRow } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { OrderType } from '../../../src-shared/domain/orders';
import { call, errorMessage, isApiError } from '../../api/client';
import { downloadFile } from '../../ui/file-download';
import {
  addStudents,
  buildOrderFields,
  draftFromDetail,
  newDraft,
  patchItem,
  type DraftItem,
  type ItemField,
  type ItemInputs,
  type OrderDraft,
  type OrderField,
} from './order-draft';
import {
  NO_PROBLEMS,
  placeLocalProblems,
  placeOrderProblems,
  withoutItemProblems,
  withoutOrderProblems,
  type PlacedOrderProblems,
} from './order-problems';
import { takesStudents } from './order-type-params';
import { todayIso } from '../../app/university-today';
import { localStorageOrNull } from '../../ui/local-store';
import { forgetOrderDraft, readOrderDraft, worthKeeping, writeOrderDraft } from './order-draft-store';

/** An order to cancel, as the editor shows it before the cancellation is saved. */
export interface CancelTarget {
  id: string;
  number: string | null;
  orderDate: string | null;
  type: OrderType;
}

/** `restore`: open the new order kept on this computer (order-draft-store.ts) */
export type EditorTarget = { kind: 'existing'; id: string } | { kind: 'new'; type: OrderType; cancels: CancelTarget | null; restore?: boolean };

export type Busy = null | 'loading' | 'saving' | 'signing' | 'deleting' | 'exporting';
export type ExportFormat = 'pdf' | 'xlsx';
export type ExportLang = 'ky' | 'ru';



/**
 * The order editor's state and what it can do: load, save (create or update, with the
 * version the user saw), sign, delete, export. The server's answer to every save is the
 * order with its preview, which replaces what the editor shows.
 */
export function useOrderEditor(target: EditorTarget, onDeleted: () => void) {
  const intl = useIntl();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const storage = useMemo(localStorageOrNull, []);
  const [restoredNew] = useState(() => (target.kind === 'new' && target.restore ? readOrderDraft(storage, null) : null));
  const [draft, setDraftState] = useState<OrderDraft>(() =>
    restoredNew
      ? restoredNew.draft
      : target.kind === 'new'
        ? newDraft(target.type, todayIso(), target.cancels?.id ?? '')
        : newDraft('promotion', todayIso()),
  );
  /** edits brought back from this computer: when they were typed, and whether the order moved on since */
  const [restored, setRestored] = useState<{ savedAt: string; stale: boolean } | null>(
    restoredNew ? { savedAt: restoredNew.savedAt, stale: false } : null,
  );
  const [dirty, setDirty] = useState(target.kind === 'new');
  const [busy, setBusy] = useState<Busy>(target.kind === 'existing' ? 'loading' : null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<PlacedOrderProblems>(NO_PROBLEMS);
  const [banner, setBanner] = useState<{ message: string; stale: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signRefusal, setSignRefusal] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const orderId = order?.id ?? (target.kind === 'existing' ? target.id : null);
  const itemsRef = useRef<DraftItem[]>(draft.items);
  itemsRef.current = draft.items;

  const show = useCallback((d: OrderDetail, sent: readonly DraftItem[] = itemsRef.current) => {
    setOrder(d);
    setDraftState(draftFromDetail(d, sent));
    setDirty(false);
  }, []);

  useEffect(() => {
    // a new order loads nothing until saved; after that, only on reload
    if (!orderId || (attempt === 0 && target.kind === 'new')) return;
    let live = true;
    setBusy('loading');
    const first = attempt === 0;
    call('orders.get', { id: orderId }).then(
      (d) => {
        if (!live) return;
        show(d);
        // edits typed here and never saved (the window closed, the clerk went elsewhere) come back on top
        const kept = first && d.canEdit ? readOrderDraft(storage, d.id) : null;
        if (kept) {
          setDraftState(kept.draft);
          setDirty(true);
          setRestored({ savedAt: kept.savedAt, stale: kept.baseVersion !== d.version });
        }
        setLoadError(null);
        setBusy(null);
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(errorMessage(e));
        setBusy(null);
      },
    );
    return () => {
      live = false;
    };
    // not on `orderId`: it changes when a new order is first saved, and that answer is shown already
  }, [attempt]);

  const reload = useCallback(() => {
    setBanner(null);
    setProblems(NO_PROBLEMS);
    setSignRefusal([]);
    setAttempt((a) => a + 1);
  }, []);

  // every edit is on this computer at once; a save, a signature or "undo" forgets it
  const keyId = order?.id ?? (target.kind === 'existing' ? target.id : null);
  const editable = order ? order.canEdit : target.kind === 'new';
  /** edits the server does not have, worth keeping (a new order once it holds something typed) */
  const unsaved = editable && dirty && (keyId !== null || worthKeeping(draft));
  useEffect(() => {
    if (!editable) return;
    if (unsaved) {
      writeOrderDraft(storage, {
        savedAt: new Date().toISOString(),
        orderId: keyId,
        baseVersion: order?.version ?? null,
        cancels: target.kind === 'new' ? target.cancels : null,
        draft,
      });
    } else if (!dirty && keyId !== null) forgetOrderDraft(storage, keyId);
  }, [draft, dirty, keyId, editable]);

  /** Drops the edits kept on this computer and shows the order as the server has it. */
  const undoRestored = useCallback(() => {
    forgetOrderDraft(storage, keyId);
    setRestored(null);
    if (order) show(order);
    else if (target.kind === 'new') {
      setDraftState(newDraft(target.type, todayIso(), target.cancels?.id ?? ''));
      setDirty(true);
    }
  }, [storage, keyId, order, show, target]);

  /** Any edit: the preview is now older than what the user sees. */
  const edit = useCallback((fn: (d: OrderDraft) => OrderDraft) => {
    setDraftState(fn);
    setDirty(true);
    setNotice(null);
    setSignRefusal([]);
  }, []);

  const setHeader = useCallback(
    (patch: Partial<Omit<OrderDraft, 'items'>>) => {
      edit((d) => ({ ...d, ...patch }));
      setProblems((p) => withoutOrderProblems(p, Object.keys(patch) as OrderField[]));
    },
    [edit],
  );
  const updateItem = useCallback(
    (key: string, patch: Partial<ItemInputs>) => {
      edit((d) => ({ ...d, items: d.items.map((i) => (i.key === key ? patchItem(i, patch) : i)) }));
      setProblems((p) => withoutItemProblems(p, key, Object.keys(patch) as ItemField[]));
    },
    [edit],
  );
  const updateAll = useCallback(
    (patch: Partial<ItemInputs>) => edit((d) => ({ ...d, items: d.items.map((i) => patchItem(i, patch)) })),
    [edit],
  );
  const removeItem = useCallback((key: string) => edit((d) => ({ ...d, items: d.items.filter((i) => i.key !== key) })), [edit]);

  /** Adds students (by group or one found); returns how many were new and how many already there. */
  const addRows = useCallback(
    (rows: readonly StudentRow[], groupName: (groupId: string) => string) => {
      const r = addStudents(itemsRef.current, rows, groupName);
      if (r.added > 0) {
        edit((d) => ({ ...d, items: addStudents(d.items, rows, groupName).items }));
        setProblems((p) => withoutOrderProblems(p, ['items']));
      }
      return { added: r.added, skipped: r.skipped };
    },
    [edit],
  );

  async function save(): Promise<void> {
    if (busy) return;
    const sent = draft.items;
    const { fields, problems: local } = buildOrderFields(draft);
    setNotice(null);
    setSignRefusal([]);
    if (!fields) {
      setProblems(placeLocalProblems(local, (key) => intl.formatMessage({ id: key })));
      setBanner({ message: intl.formatMessage({ id: 'orders.fixBeforeSave' }), stale: false });
      return;
    }
    setBusy('saving');
    setBanner(null);
    setProblems(NO_PROBLEMS);
    try {
      let d: OrderDetail;
      if (!order) {
        d = await call('orders.create', {
          type: draft.type,
          ...(draft.type === 'cancellation' ? { cancelsOrderId: draft.cancelsOrderId } : {}),
          ...fields,
        });
      } else {
        const { items, ...rest } = fields;
        d = await call('orders.update', { id: order.id, version: order.version, ...rest, ...(takesStudents(order.type) ? { items } : {}) });
      }
      if (!order) forgetOrderDraft(storage, null);
      show(d, sent);
      setRestored(null);
      setNotice(intl.formatMessage({ id: 'orders.saved' }));
    } catch (e) {
      if (isApiError(e)) {
        setProblems(placeOrderProblems(e.fields, sent.map((i) => i.key)));
        setBanner({ message: e.message, stale: e.code === 'conflict' });
      } else setBanner({ message: String(e), stale: false });
    } finally {
      setBusy(null);
    }
  }

  async function sign(orderDate: string): Promise<boolean> {
    if (busy || !order) return false;
    setBusy('signing');
    setBanner(null);
    setNotice(null);
    setSignRefusal([]);
    const sent = itemsRef.current;
    try {
      const d = await call('orders.sign', { id: order.id, version: order.version, orderDate });
      forgetOrderDraft(storage, order.id);
      show(d);
      setProblems(NO_PROBLEMS);
      setNotice(intl.formatMessage({ id: 'orders.signedNotice' }, { number: d.number ?? '', date: formatDate(d.orderDate) }));
      return true;
    } catch (e) {
      if (!isApiError(e)) {
        setBanner({ message: String(e), stale: false });
        return false;
      }
      setBanner({ message: e.code === 'validation' && e.fields.length ? intl.formatMessage({ id: 'orders.signRefused' }) : e.message, stale: e.code === 'conflict' });
      setSignRefusal(e.fields.map((f) => f.message));
      setProblems(placeOrderProblems(e.fields, sent.map((i) => i.key)));
      // the students' state moved on since the preview: show what signing would do now
      call('orders.get', { id: order.id }).then((d2) => show(d2), () => undefined);
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function remove(): Promise<void> {
    if (busy || !order) return;
    setBusy('deleting');
    setBanner(null);
    try {
      await call('orders.delete', { id: order.id, version: order.version });
      forgetOrderDraft(storage, order.id);
      onDeleted();
    } catch (e) {
      setBanner({ message: errorMessage(e), stale: isApiError(e) && e.code === 'conflict' });
      setBusy(null);
    }
  }

  async function exportFile(format: ExportFormat, lang: ExportLang): Promise<void> {
    if (busy || !order) return;
    setBusy('exporting');
    setBanner(null);
    try {
      downloadFile(await call('orders.export', { id: order.id, format, lang }));
    } catch (e) {
      setBanner({ message: errorMessage(e), stale: false });
    } finally {
      setBusy(null);
    }
  }

  return {
    order,
    draft,
    dirty,
    busy,
    loadError,
    problems,
    banner,
    notice,
    signRefusal,
    unsaved,
    restored,
    undoRestored,
    dismissBanner: () => setBanner(null),
    reload,
    setHeader,
    updateItem,
    updateAll,
    removeItem,
    addRows,
    save,
    sign,
    remove,
    exportFile,
  };
}

export type OrderEditorState = ReturnType<typeof useOrderEditor>;
