import { useState } from 'react';
import { useIntl } from 'react-intl';
import { FUNDINGS, type Funding } from '../../../src-shared/domain/enums';
import type { OrderType } from '../../../src-shared/domain/orders';
import { fundingKey } from '../../app/labels';
import type { ReferenceIndex } from '../../app/reference-index';
import { SelectField } from '../../ui/select';
import type { ItemInputs } from './order-draft';
import { useGroupOptions } from './order-group-options';
import { COURSES } from './order-item-row';
import { bulkParamsFor } from './order-type-params';

interface OrderBulkBarProps {
  type: OrderType;
  reference: ReferenceIndex;
  count: number;
  disabled: boolean;
  onApply(patch: Partial<ItemInputs>): void;
}

/** "For everyone": the target group, course or funding of all students at once (a whole group moves together). */
export function OrderBulkBar({ type, reference, count, disabled, onApply }: OrderBulkBarProps) {
  const intl = useIntl();
  const params = bulkParamsFor(type);
  const [groupId, setGroupId] = useState('');
  const [course, setCourse] = useState('');
  const [funding, setFunding] = useState<Funding | ''>('');
  const keep = intl.formatMessage({ id: 'orders.bulk.keep' });

  const groups = useGroupOptions(reference);

  if (params.length === 0 || count === 0) return null;
  const patch: Partial<ItemInputs> = {
    ...(groupId ? { targetGroupId: groupId } : {}),
    ...(course ? { targetCourse: course } : {}),
    ...(funding ? { targetFunding: funding } : {}),
  };

  return (
    <div className="order-bulk" data-testid="order-bulk">
      <span className="order-bulk-title">{intl.formatMessage({ id: 'orders.bulk.title' }, { count })}</span>
      {params.includes('targetGroupId') ? (
        <SelectField
          label={intl.formatMessage({ id: 'orders.item.targetGroup' })}
          value={groupId}
          onChange={setGroupId}
          emptyLabel={keep}
          options={groups}
          disabled={disabled}
          testId="order-bulk-group"
        />
      ) : null}
      {params.includes('targetCourse') ? (
        <SelectField
          label={intl.formatMessage({ id: 'orders.item.targetCourse' })}
          value={course}
          onChange={setCourse}
          emptyLabel={keep}
          options={COURSES.map((c) => ({ value: String(c), label: String(c) }))}
          disabled={disabled}
          testId="order-bulk-course"
        />
      ) : null}
      {params.includes('targetFunding') ? (
        <SelectField
          label={intl.formatMessage({ id: 'orders.item.targetFunding' })}
          value={funding}
          onChange={(v) => setFunding(v as Funding | '')}
          emptyLabel={keep}
          options={FUNDINGS.map((f) => ({ value: f, label: intl.formatMessage({ id: fundingKey(f) }) }))}
          disabled={disabled}
          testId="order-bulk-funding"
        />
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => onApply(patch)}
        disabled={disabled || Object.keys(patch).length === 0}
        data-testid="order-bulk-apply"
      >
        {intl.formatMessage({ id: 'orders.bulk.apply' })}
      </button>
    </div>
  );
}
