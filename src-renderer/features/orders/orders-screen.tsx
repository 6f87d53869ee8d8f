import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import { useReference } from '../../app/reference-context';
import { orderTypeKey } from '../../app/labels';
import { formatDateTime } from '../../ui/date-time';
import { ErrorBanner } from '../../ui/error-banner';
import { localStorageOrNull } from '../../ui/local-store';
import { forgetOrderDraft, readOrderDraft } from './order-draft-store';
import { OrderEditor } from './order-editor';
import { OrdersList } from './orders-list';
import { OrderVisasPanel } from './order-visas-panel';
import type { CancelTarget, EditorTarget } from './use-order-editor';

type View = { kind: 'list' } | { kind: 'editor'; target: EditorTarget; seq: number };

/** The Orders section: the list, or one order (new, a draft, or a signed one read-only). */
export function OrdersScreen({ user, initialOrderId }: { user: SessionUser; initialOrderId: string | null }) {
  const intl = useIntl();
  const reference = useReference();
  const [view, setView] = useState<View>(() =>
    initialOrderId ? { kind: 'editor', target: { kind: 'existing', id: initialOrderId }, seq: 0 } : { kind: 'list' },
  );
  const open = (target: EditorTarget) => setView((v) => ({ kind: 'editor', target, seq: v.kind === 'editor' ? v.seq + 1 : 0 }));
  // a new order typed here and never saved: offered back above the list
  const [keptNew, setKeptNew] = useState(() => readOrderDraft(localStorageOrNull(), null));
  const canDraft = can(user.role, 'orders.draft');

  return (
    <section className="orders-screen" data-testid="orders-screen" data-view={view.kind}>
      {reference.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      ) : null}
      {reference.phase === 'error' ? <ErrorBanner message={reference.message} onRetry={reference.retry} /> : null}
      {reference.phase === 'ready' && view.kind === 'list' && keptNew && canDraft ? (
        <div className="banner banner-warn" role="status" data-testid="orders-kept-new">
          <span className="banner-text">
            {intl.formatMessage(
              { id: 'drafts.newOrder' },
              { type: intl.formatMessage({ id: orderTypeKey(keptNew.draft.type) }), count: keptNew.draft.items.length, time: formatDateTime(keptNew.savedAt) },
            )}
          </span>
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => open({ kind: 'new', type: keptNew.draft.type, cancels: keptNew.cancels, restore: true })}
            data-testid="orders-kept-new-continue"
          >
            {intl.formatMessage({ id: 'drafts.continue' })}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              forgetOrderDraft(localStorageOrNull(), null);
              setKeptNew(null);
            }}
            data-testid="orders-kept-new-discard"
          >
            {intl.formatMessage({ id: 'drafts.discard' })}
          </button>
        </div>
      ) : null}
      {reference.phase === 'ready' && view.kind === 'list' ? (
        <OrdersList
          reference={reference.index}
          canDraft={canDraft}
          canSign={can(user.role, 'orders.sign')}
          settings={can(user.role, 'documents.settings') ? <OrderVisasPanel /> : null}
          onOpen={(id) => open({ kind: 'existing', id })}
          onNew={() => open({ kind: 'new', type: 'promotion', cancels: null })}
        />
      ) : null}
      {reference.phase === 'ready' && view.kind === 'editor' ? (
        <OrderEditor
          key={view.seq}
          target={view.target}
          user={user}
          reference={reference.index}
          onClose={() => {
            setKeptNew(readOrderDraft(localStorageOrNull(), null));
            setView({ kind: 'list' });
          }}
          onOpenOrder={(id) => open({ kind: 'existing', id })}
          onCancelByNew={(cancels: CancelTarget) => open({ kind: 'new', type: 'cancellation', cancels })}
        />
      ) : null}
    </section>
  );
}
