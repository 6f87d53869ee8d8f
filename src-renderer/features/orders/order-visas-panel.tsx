import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { VisaPosition } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { useUnsavedWork } from '../../app/leave-guard';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { useLoad } from '../../ui/use-load';

/**
 * The administrator's settings of what every order carries under "СОГЛАСОВАНО:": which of the
 * university's administration positions visa it, in which order (the faculty dean's visa comes
 * first by itself). Ticking adds a position at the end; ↑/↓ move it; Save applies to every
 * order printed from then on, on every workstation (the choice syncs).
 */
export function OrderVisasPanel() {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const load = useLoad(() => call('orders.visas', {}), []);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const positions = load.data?.positions ?? [];
  const stored = positions.filter((p) => p.place !== null).sort((a, b) => a.place! - b.place!).map((p) => p.id);
  const list = chosen ?? stored;
  const dirty = chosen !== null && chosen.join() !== stored.join();
  useUnsavedWork(dirty ? t('visas.unsaved') : null);
  const byId = new Map(positions.map((p) => [p.id, p]));

  const edit = (next: string[]) => {
    setSaved(false);
    setChosen(next);
  };
  const move = (i: number, by: number) => {
    const next = [...list];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    edit(next);
  };
  async function save() {
    setSaving(true);
    setError(null);
    try {
      load.set(await call('orders.setVisas', { positionIds: list }));
      setChosen(null);
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  const label = (p: VisaPosition) => `${localName(p.name, locale)} — ${p.holder ?? t('visas.vacant')}`;

  return (
    <details className="grade-panel orders-visas" data-testid="orders-visas">
      <summary>
        {t('visas.title')} <span className="grade-panel-summary muted">{stored.length ? stored.map((id) => localName(byId.get(id)?.name, locale)).join(', ') : t('visas.none')}</span>
      </summary>
      {load.state.phase === 'error' ? <ErrorBanner message={load.state.message} onRetry={load.reload} /> : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : null}
      {saved ? <Notice message={t('visas.saved')} testId="orders-visas-saved" /> : null}
      <p className="muted small">{t('visas.hint')}</p>
      <ol className="visa-list" data-testid="orders-visas-chosen">
        {list.map((id, i) => (
          <li key={id} data-position-id={id}>
            <span>{byId.get(id) ? label(byId.get(id)!) : id}</span>
            <button type="button" className="btn btn-small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('visas.up')}>
              ↑
            </button>
            <button type="button" className="btn btn-small" onClick={() => move(i, 1)} disabled={i === list.length - 1} aria-label={t('visas.down')}>
              ↓
            </button>
            <button type="button" className="btn btn-small" onClick={() => edit(list.filter((x) => x !== id))} data-testid="orders-visas-remove">
              {t('visas.remove')}
            </button>
          </li>
        ))}
      </ol>
      <ul className="visa-options">
        {positions
          .filter((p) => !list.includes(p.id))
          .map((p) => (
            <li key={p.id}>
              <label>
                <input type="checkbox" checked={false} onChange={() => edit([...list, p.id])} data-testid="orders-visas-add" data-position-id={p.id} /> {label(p)}
              </label>
            </li>
          ))}
      </ul>
      <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={!dirty || saving} data-testid="orders-visas-save">
        {t(saving ? 'visas.saving' : 'visas.save')}
      </button>
    </details>
  );
}
