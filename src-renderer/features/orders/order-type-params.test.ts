import { describe, expect, it } from 'vitest';
import { ORDER_TYPES } from '../../../src-shared/domain/orders';
import { bulkParamsFor, groupAddStatus, itemParamsFor, needsExpulsionReason, showsParam, takesStudents } from './order-type-params';

describe('order type parameters', () => {
  it('adds a whole group with the status the type concerns', () => {
    expect(groupAddStatus('promotion')).toBe('active');
    expect(groupAddStatus('transfer')).toBe('active');
    expect(groupAddStatus('academic_leave')).toBe('active');
    expect(groupAddStatus('expulsion')).toBe('active');
    expect(groupAddStatus('graduation')).toBe('active');
    expect(groupAddStatus('return_from_leave')).toBe('on_leave');
    expect(groupAddStatus('reinstatement')).toBe('expelled');
    expect(groupAddStatus('enrolment')).toBe('applicant');
    // a name changes whatever the status; a cancellation adds nobody
    expect(groupAddStatus('name_change')).toBeNull();
    expect(groupAddStatus('cancellation')).toBeNull();
  });

  it('shows per student only what the type reads', () => {
    expect(itemParamsFor('promotion')).toEqual(['targetGroupId', 'targetCourse']);
    expect(itemParamsFor('transfer')).toEqual(['targetGroupId', 'targetCourse', 'targetFunding']);
    expect(itemParamsFor('enrolment')).toEqual(['targetGroupId', 'targetCourse', 'targetFunding']);
    expect(itemParamsFor('reinstatement')).toEqual(['targetGroupId', 'targetCourse', 'targetFunding']);
    expect(itemParamsFor('return_from_leave')).toEqual(['targetGroupId', 'targetCourse']);
    expect(itemParamsFor('academic_leave')).toEqual(['leaveFrom', 'leaveTo']);
    expect(itemParamsFor('graduation')).toEqual(['honours']);
    expect(itemParamsFor('name_change')).toEqual(['newLastName', 'newFirstName', 'newPatronymic']);
    expect(itemParamsFor('expulsion')).toEqual([]);
    expect(itemParamsFor('cancellation')).toEqual([]);
    expect(showsParam('graduation', 'honours')).toBe(true);
    expect(showsParam('promotion', 'targetFunding')).toBe(false);
  });

  it('offers "for everyone" only for group, course and funding', () => {
    expect(bulkParamsFor('transfer')).toEqual(['targetGroupId', 'targetCourse', 'targetFunding']);
    expect(bulkParamsFor('promotion')).toEqual(['targetGroupId', 'targetCourse']);
    expect(bulkParamsFor('academic_leave')).toEqual([]);
    expect(bulkParamsFor('name_change')).toEqual([]);
  });

  it('knows what the order as a whole needs', () => {
    for (const t of ORDER_TYPES) {
      expect(takesStudents(t)).toBe(t !== 'cancellation');
      expect(needsExpulsionReason(t)).toBe(t === 'expulsion');
    }
  });
});
