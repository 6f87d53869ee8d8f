import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AuditEntry } from '../../../src-shared/contract';
import { parseDisplayDate } from '../../../src-shared/domain/dates';
import { hasMessage, type MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { EMPTY } from '../../app/labels';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { DataTable, type DataColumn } from '../../ui/data-table';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useLoad } from '../../ui/use-load';
import { changeLines, formatDateTime, fullJson } from './audit-format';

const LIMIT = 500;
/** the families the "what" filter offers (the part of an action before the dot) */
const FAMILIES = ['student', 'order', 'grade', 'gradeSheet', 'registration', 'curriculum', 'sync', 'backup'] as const;
/** fields people know by another name on screen */
const FIELD_LABELS: Record<string, MessageKey> = {
  record_book_no: 'card.recordBookNo',
  recordBookNo: 'card.recordBookNo',
  pin: 'card.pin',
  birth_date: 'card.birthDate',
  birthDate: 'card.birthDate',
  citizenship: 'card.citizenship',
};

/**
 * The audit log (admin only), for people: who did what to which student, sheet or order, when,
 * and which fields changed from what to what; filtered by who, what and when; exported as CSV.
 */
export function AuditScreen() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const say = (key: string, fallback: string) => (hasMessage(key) ? t(key) : fallback);
  const [userId, setUserId] = useState('');
  const [family, setFamily] = useState('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = useDebouncedValue(fromText, 300);
  const to = useDebouncedValue(toText, 300);
  const fromIso = from.trim() ? parseDisplayDate(from.trim()) : null;
  const toIso = to.trim() ? parseDisplayDate(to.trim()) : null;
  const fromBad = from.trim() !== '' && fromIso === null;
  const toBad = to.trim() !== '' && toIso === null;

  const users = useLoad(() => call('audit.users', {}).then((r) => r.rows), []);
  const audit = useLoad(
    () =>
      call('audit.list', {
        limit: LIMIT,
        ...(userId ? { userId } : {}),
        ...(family ? { action: family } : {}),
        ...(fromIso ? { from: fromIso } : {}),
        ...(toIso ? { to: toIso } : {}),
      }).then((r): AuditEntry[] => r.rows),
    [userId, family, fromIso, toIso],
  );
  const load = audit.state;

  const actionText = (a: string) => {
    if (hasMessage(`audit.action.${a}`)) return t(`audit.action.${a}` as MessageKey);
    // an order's effect on a student: order.promotion, order.expulsion…
    const [head, type] = a.split('.');
    if (head === 'order' && type && hasMessage(`orderType.${type}`)) return `${t('audit.action.order.effect')}: ${t(`orderType.${type}` as MessageKey)}`;
    return a;
  };
  const objectText = (r: AuditEntry) => {
    const kind = say(`audit.entity.${r.entity}`, r.entity);
    const name = r.objectName ?? (r.entity === 'student_order' ? t('audit.draftOrder') : null);
    return name ? `${kind}: ${name}` : kind;
  };
  const fieldLabel = (field: string) => say(FIELD_LABELS[field] ?? '', field);
  const changeText = (r: AuditEntry) =>
    changeLines(r.oldValue, r.newValue)
      .map((c) => `${c.field ? `${fieldLabel(c.field)}: ` : ''}${c.from || EMPTY} → ${c.to || EMPTY}`)
      .join('\n');

  const columns: DataColumn<AuditEntry>[] = [
    { id: 'at', header: t('audit.at'), width: '9.5rem', className: 'nowrap', cell: (r) => formatDateTime(r.at), value: (r) => formatDateTime(r.at) },
    { id: 'user', header: t('audit.user'), width: '12rem', cell: (r) => r.userName ?? r.username ?? t('audit.system'), value: (r) => r.userName ?? r.username ?? t('audit.system') },
    { id: 'action', header: t('audit.action'), width: '14rem', cell: (r) => <span title={r.action}>{actionText(r.action)}</span>, value: (r) => actionText(r.action) },
    { id: 'object', header: t('audit.object'), width: '16rem', cell: (r) => <span title={r.entityId}>{objectText(r)}</span>, value: objectText },
    {
      id: 'change',
      header: t('audit.change'),
      className: 'audit-change',
      cell: (r) => (
        <ul className="audit-lines" title={`${fullJson(r.oldValue)}\n→\n${fullJson(r.newValue)}`}>
          {changeLines(r.oldValue, r.newValue).map((c, i) => (
            <li key={i}>
              {c.field ? <span className="audit-field">{fieldLabel(c.field)}: </span> : null}
              <span className="audit-old">{c.from || EMPTY}</span>
              <span className="audit-arrow" aria-hidden="true">
                →
              </span>
              <span className="audit-new">{c.to || EMPTY}</span>
            </li>
          ))}
        </ul>
      ),
      value: changeText,
    },
  ];

  return (
    <section className="audit-screen" data-testid="audit-screen" data-loading={load.phase === 'loading' ? 'true' : 'false'}>
      <div className="page-head">
        <h1 className="page-title">{t('audit.title')}</h1>
        <button type="button" className="btn" onClick={audit.reload} data-testid="audit-refresh">
          {t('audit.refresh')}
        </button>
      </div>
      <div className="filters audit-filters">
        <SelectField
          label={t('audit.filter.user')}
          value={userId}
          onChange={setUserId}
          emptyLabel={t('audit.filter.anyone')}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
          testId="audit-user"
        />
        <SelectField
          label={t('audit.filter.action')}
          value={family}
          onChange={setFamily}
          emptyLabel={t('audit.filter.anything')}
          options={FAMILIES.map((f) => ({ value: f, label: t(`audit.family.${f}`) }))}
          testId="audit-action"
        />
        <TextField label={t('audit.filter.from')} value={fromText} onChange={setFromText} maxLength={10} error={fromBad ? t('audit.filter.badDate') : null} errorName="audit-from" testId="audit-from" />
        <TextField label={t('audit.filter.to')} value={toText} onChange={setToText} maxLength={10} error={toBad ? t('audit.filter.badDate') : null} errorName="audit-to" testId="audit-to" />
      </div>
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={audit.reload} /> : null}
      <DataTable
        columns={columns}
        rows={load.phase === 'ready' ? load.data : null}
        rowKey={(r) => r.id}
        empty={t('audit.empty')}
        testId="audit-table"
        rowTestId="audit-row"
        rowData={(r) => ({ 'entity-id': r.entityId, action: r.action })}
        exportName="audit-log.csv"
        summary={
          load.phase === 'ready' ? (
            <span className="count-line" data-testid="audit-count">
              {t('audit.count', { count: load.data.length })}
            </span>
          ) : null
        }
      />
    </section>
  );
}
