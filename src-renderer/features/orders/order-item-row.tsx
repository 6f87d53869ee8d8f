import { Fragment, memo, type ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { StudentStateView } from '../../../src-shared/contract';
import { FUNDINGS } from '../../../src-shared/domain/enums';
import type { OrderType } from '../../../src-shared/domain/orders';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { EMPTY, fundingKey, statusKey, studyFormKey } from '../../app/labels';
import type { DraftItem, ItemInputs } from './order-draft';
import type { ItemProblems } from './order-problems';
import type { ItemParam } from './order-type-params';

export const COURSES = [1, 2, 3, 4, 5, 6] as const;

interface OrderItemRowProps {
  item: DraftItem;
  index: number;
  type: OrderType;
  /** the parameter inputs shown (the type's; for a read-only order, those someone has) */
  params: readonly ItemParam[];
  editable: boolean;
  problems: ItemProblems | undefined;
  /** `<option>`s of the groups, built once for all rows */
  groupOptions: ReactNode;
  groupName(id: string): string;
  onChange(key: string, patch: Partial<ItemInputs>): void;
  onRemove(key: string): void;
}

type Part = { key: string; text: string; changed: boolean };

/** A state as two short lines: where (group, course) and how (form, funding, status); changes marked. */
function stateParts(intl: IntlShape, s: StudentStateView, was: StudentStateView | null): Part[][] {
  const diff = (a: unknown, b: unknown) => was !== null && a !== b;
  return [
    [
      { key: 'g', text: s.groupName || EMPTY, changed: diff(s.groupId, was?.groupId) },
      { key: 'c', text: intl.formatMessage({ id: 'filter.courseValue' }, { course: s.course }), changed: diff(s.course, was?.course) },
    ],
    [
      { key: 'f', text: intl.formatMessage({ id: studyFormKey(s.form) }), changed: diff(s.form, was?.form) },
      { key: 'u', text: intl.formatMessage({ id: fundingKey(s.funding) }), changed: diff(s.funding, was?.funding) },
      { key: 's', text: intl.formatMessage({ id: statusKey(s.status) }), changed: diff(s.status, was?.status) },
    ],
  ];
}

function StateView({ state, was }: { state: StudentStateView; was: StudentStateView | null }) {
  const intl = useIntl();
  const renamed = was !== null && fullName(state) !== fullName(was);
  return (
    <div className="item-state">
      {renamed ? <div className="item-changed">{fullName(state)}</div> : null}
      {stateParts(intl, state, was).map((line, i) => (
        <div key={i} className={i === 0 ? 'item-state-main' : 'item-state-sub'}>
          {line.map((p, j) => (
            <Fragment key={p.key}>
              {j > 0 ? ' · ' : ''}
              <span className={p.changed ? 'item-changed' : undefined}>{p.text}</span>
            </Fragment>
          ))}
        </div>
      ))}
    </div>
  );
}

const PARAM_LABEL: Record<ItemParam, MessageKey> = {
  targetGroupId: 'orders.item.targetGroup',
  targetCourse: 'orders.item.targetCourse',
  targetFunding: 'orders.item.targetFunding',
  leaveFrom: 'orders.item.leaveFrom',
  leaveTo: 'orders.item.leaveTo',
  honours: 'orders.item.honours',
  newLastName: 'orders.item.newLast',
  newFirstName: 'orders.item.newFirst',
  newPatronymic: 'orders.item.newPatronymic',
};

const PARAM_TESTID: Record<ItemParam, string> = {
  targetGroupId: 'item-target-group',
  targetCourse: 'item-target-course',
  targetFunding: 'item-target-funding',
  leaveFrom: 'item-leave-from',
  leaveTo: 'item-leave-to',
  honours: 'item-honours',
  newLastName: 'item-new-last',
  newFirstName: 'item-new-first',
  newPatronymic: 'item-new-patronymic',
};

function ParamInput({ param, item, groupOptions, onChange }: { param: ItemParam; item: DraftItem; groupOptions: ReactNode; onChange(patch: Partial<ItemInputs>): void }) {
  const intl = useIntl();
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const common = { 'data-testid': PARAM_TESTID[param], 'aria-label': t(PARAM_LABEL[param]) };
  switch (param) {
    case 'targetGroupId':
      return (
        <select className="select select-small" value={item.targetGroupId} onChange={(e) => onChange({ targetGroupId: e.target.value })} {...common}>
          <option value="">{t('orders.item.sameGroup')}</option>
          {groupOptions}
        </select>
      );
    case 'targetCourse':
      return (
        <select className="select select-small" value={item.targetCourse} onChange={(e) => onChange({ targetCourse: e.target.value })} {...common}>
          <option value="">{t('orders.item.courseAuto')}</option>
          {COURSES.map((c) => (
            <option key={c} value={String(c)}>
              {c}
            </option>
          ))}
        </select>
      );
    case 'targetFunding':
      return (
        <select
          className="select select-small"
          value={item.targetFunding}
          onChange={(e) => onChange({ targetFunding: e.target.value as ItemInputs['targetFunding'] })}
          {...common}
        >
          <option value="">{t('orders.item.noChange')}</option>
          {FUNDINGS.map((f) => (
            <option key={f} value={f}>
              {t(fundingKey(f))}
            </option>
          ))}
        </select>
      );
    case 'honours':
      return <input type="checkbox" checked={item.honours} onChange={(e) => onChange({ honours: e.target.checked })} {...common} />;
    case 'leaveFrom':
    case 'leaveTo':
      return (
        <input
          className="input input-small input-date"
          value={item[param]}
          maxLength={10}
          placeholder={t('card.dateHint')}
          onChange={(e) => onChange({ [param]: e.target.value })}
          {...common}
        />
      );
    default:
      return (
        <input className="input input-small" value={item[param]} maxLength={80} onChange={(e) => onChange({ [param]: e.target.value })} {...common} />
      );
  }
}

/** What a saved parameter says, for an order that can no longer be edited. */
function paramText(intl: IntlShape, param: ItemParam, item: DraftItem, groupName: (id: string) => string): string | null {
  const v = item[param];
  if (v === '' || v === false) return null;
  if (param === 'honours') return intl.formatMessage({ id: 'orders.item.honoursYes' });
  if (param === 'targetGroupId') return groupName(item.targetGroupId) || EMPTY;
  if (param === 'targetFunding' && item.targetFunding) return intl.formatMessage({ id: fundingKey(item.targetFunding) });
  return String(v);
}

/** One student of the order: who, now → after signing, the type's parameters, and why signing would refuse. */
export const OrderItemRow = memo(function OrderItemRow(p: OrderItemRowProps) {
  const intl = useIntl();
  const { item } = p;
  const { params } = p;
  const problem = item.checked ? item.problem : null;
  // a refusal on signing repeats the preview's problem ("№ 3, Name: problem"): show it once
  const general = (p.problems?.general ?? []).filter((m) => !problem || !m.endsWith(problem));
  const messages = [...(problem ? [problem] : []), ...general];
  const name = fullName(item);

  let after: ReactNode;
  if (!item.checked) after = <span className="muted small">{intl.formatMessage({ id: 'orders.notChecked' })}</span>;
  else if (item.after) after = <StateView state={item.after} was={item.before} />;
  else if (!item.problem && p.type === 'cancellation') after = <span className="muted small">{intl.formatMessage({ id: 'orders.afterRestore' })}</span>;
  else after = EMPTY;

  return (
    <div
      className={`order-item${messages.length ? ' order-item-problem-row' : ''}${item.checked ? '' : ' order-item-unchecked'}`}
      data-testid="order-item"
      data-student-id={item.studentId}
      data-checked={item.checked ? 'true' : 'false'}
      data-problem={messages.length ? 'true' : 'false'}
    >
      <div className={`order-item-cells order-cols-${params.length ? 'params' : 'plain'}${p.editable ? ' order-cols-edit' : ''}`}>
        <div className="ocell oc-no">{p.index + 1}</div>
        <div className="ocell oc-student">
          <div className="item-name" title={name}>
            {name}
          </div>
          <div className="muted small">{item.recordBookNo}</div>
        </div>
        <div className="ocell oc-before">{item.before ? <StateView state={item.before} was={null} /> : EMPTY}</div>
        <div className="ocell oc-after" data-testid="order-item-after">
          {after}
        </div>
        {params.length ? (
          <div className="ocell oc-params">
            {params.map((param) => {
              const error = p.problems?.fields[param];
              if (!p.editable) {
                const text = paramText(intl, param, item, p.groupName);
                return text ? (
                  <div key={param} className="item-param-text small">
                    <span className="muted">{intl.formatMessage({ id: PARAM_LABEL[param] })}</span> {text}
                  </div>
                ) : null;
              }
              return (
                <label key={param} className={`item-param item-param-${param}${error ? ' field-invalid' : ''}`}>
                  <span className="item-param-label">{intl.formatMessage({ id: PARAM_LABEL[param] })}</span>
                  <ParamInput param={param} item={item} groupOptions={p.groupOptions} onChange={(patch) => p.onChange(item.key, patch)} />
                  {error ? (
                    <span className="field-error" role="alert" data-testid="order-item-field-error" data-field={param}>
                      {error}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </div>
        ) : null}
        {p.editable ? (
          <div className="ocell oc-remove">
            <button
              type="button"
              className="btn-icon"
              onClick={() => p.onRemove(item.key)}
              aria-label={intl.formatMessage({ id: 'orders.item.remove' }, { name })}
              title={intl.formatMessage({ id: 'orders.item.remove' }, { name })}
              data-testid="item-remove"
            >
              ×
            </button>
          </div>
        ) : null}
      </div>
      {messages.map((m, i) => (
        <div key={i} className="order-item-problem" role="note" data-testid="order-item-problem">
          {m}
        </div>
      ))}
    </div>
  );
});
