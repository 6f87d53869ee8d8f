import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import { useReference } from '../../app/reference-context';
import { ErrorBanner } from '../../ui/error-banner';
import { OrderEditor } from './order-editor';
import { OrdersList } from './orders-list';
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
  const canDraft = can(user.role, 'orders.draft');

  return (
    <section className="orders-screen" data-testid="orders-screen" data-view={view.kind}>
      {reference.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      ) : null}
      {reference.phase === 'error' ? <ErrorBanner message={reference.message} onRetry={reference.retry} /> : null}
      {reference.phase === 'ready' && view.kind === 'list' ? (
        <OrdersList
          reference={reference.index}
          canDraft={canDraft}
          canSign={can(user.role, 'orders.sign')}
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
          onClose={() => setView({ kind: 'list' })}
          onOpenOrder={(id) => open({ kind: 'existing', id })}
          onCancelByNew={(cancels: CancelTarget) => open({ kind: 'new', type: 'cancellation', cancels })}
        />
      ) : null}
    </section>
  );
}
