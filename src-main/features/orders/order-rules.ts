/**
 * What an order does to one student, and when it must refuse (DOMAIN.md §4). Pure: the
 * service gives it the student's state and the groups involved; it returns the new state or
 * the reason, as a message key, that a person can act on.
 */
import type { Level, StudyForm } from '../../../src-shared/domain/enums';
import type { OrderType, StudentState } from '../../../src-shared/domain/orders';
import type { MessageKey, MessageRef, MessageValues } from '../../../src-shared/i18n';
import { formatDate } from '../../../src-shared/domain/dates';

export interface GroupInfo {
  id: string;
  name: string;
  facultyId: string;
  specialtyId: string;
  course: number;
  form: StudyForm;
  level: Level;
  durationYears: number;
}

export interface ItemParams {
  targetGroupId: string | null;
  targetCourse: number | null;
  targetFunding: 'budget' | 'contract' | null;
  leaveFrom: string | null;
  leaveTo: string | null;
  honours: boolean;
  newLastName: string | null;
  newFirstName: string | null;
  newPatronymic: string | null;
}

export interface RuleInput {
  type: Exclude<OrderType, 'cancellation'>;
  effectiveDate: string;
  state: StudentState;
  /** the student's latest change, which an order may not precede */
  lastChange: { date: string; orderNo: string | null } | null;
  item: ItemParams;
  group(id: string): GroupInfo | undefined;
}

export type Problem = { key: MessageKey; values?: MessageValues };
export type RuleResult = { ok: true; after: StudentState } | { ok: false; problem: Problem };

const refuse = (key: MessageKey, values?: MessageValues): RuleResult => ({ ok: false, problem: { key, values } });
export const statusRef = (status: string): MessageRef => ({ msg: `status.${status}` as MessageKey });

/** Moves a student into a group: form follows the group; course is given or the group's. */
function intoGroup(state: StudentState, g: GroupInfo, course: number): StudentState {
  return { ...state, groupId: g.id, form: g.form, course };
}

export function applyOrderRule(input: RuleInput): RuleResult {
  const { type, state, item, effectiveDate } = input;
  if (input.lastChange && effectiveDate < input.lastChange.date) {
    return refuse('order.rule.beforeLastChange', { date: formatDate(input.lastChange.date), orderNo: input.lastChange.orderNo ?? '—' });
  }
  const current = input.group(state.groupId);
  if (!current) return refuse('order.rule.unknownGroup');
  const target = item.targetGroupId ? input.group(item.targetGroupId) : current;
  if (!target) return refuse('order.rule.unknownGroup');
  const courseIn = (g: GroupInfo, course: number): RuleResult | null =>
    course > g.durationYears ? refuse('order.rule.courseBeyondDuration', { course, duration: g.durationYears, group: g.name }) : null;

  switch (type) {
    case 'enrolment': {
      if (state.status !== 'applicant') return refuse('order.rule.notApplicant', { status: statusRef(state.status) });
      const course = item.targetCourse ?? target.course;
      return courseIn(target, course) ?? {
        ok: true,
        after: { ...intoGroup(state, target, course), status: 'active', funding: item.targetFunding ?? state.funding },
      };
    }
    case 'promotion': {
      if (state.status !== 'active') return refuse('order.rule.notActive', { status: statusRef(state.status) });
      const course = item.targetCourse ?? state.course + 1;
      if (course <= state.course) return refuse('order.rule.promotionNotForward', { course, current: state.course });
      if (target.level !== current.level) return refuse('order.rule.levelMismatch', { group: target.name });
      return courseIn(target, course) ?? { ok: true, after: intoGroup(state, target, course) };
    }
    case 'transfer': {
      if (state.status !== 'active') return refuse('order.rule.notActive', { status: statusRef(state.status) });
      if (!item.targetGroupId && !item.targetFunding && !item.targetCourse) return refuse('order.rule.transferNothing');
      if (target.level !== current.level) return refuse('order.rule.levelMismatch', { group: target.name });
      const course = item.targetCourse ?? (item.targetGroupId ? target.course : state.course);
      const after = { ...intoGroup(state, target, course), funding: item.targetFunding ?? state.funding };
      if (after.groupId === state.groupId && after.funding === state.funding && after.course === state.course) {
        return refuse('order.rule.transferNothing');
      }
      return courseIn(target, course) ?? { ok: true, after };
    }
    case 'academic_leave': {
      if (state.status !== 'active') return refuse('order.rule.notActive', { status: statusRef(state.status) });
      const from = item.leaveFrom ?? effectiveDate;
      if (!item.leaveTo) return refuse('order.rule.leaveDates');
      if (item.leaveTo <= from) return refuse('order.rule.leaveDates');
      return { ok: true, after: { ...state, status: 'on_leave' } };
    }
    case 'return_from_leave': {
      if (state.status !== 'on_leave') return refuse('order.rule.notOnLeave', { status: statusRef(state.status) });
      if (target.level !== current.level) return refuse('order.rule.levelMismatch', { group: target.name });
      const course = item.targetCourse ?? (item.targetGroupId ? target.course : state.course);
      return courseIn(target, course) ?? { ok: true, after: { ...intoGroup(state, target, course), status: 'active' } };
    }
    case 'expulsion': {
      if (state.status !== 'active' && state.status !== 'on_leave') {
        return refuse(state.status === 'expelled' ? 'order.rule.alreadyExpelled' : 'order.rule.notStudying', { status: statusRef(state.status) });
      }
      return { ok: true, after: { ...state, status: 'expelled' } };
    }
    case 'reinstatement': {
      if (state.status !== 'expelled') return refuse('order.rule.notExpelled', { status: statusRef(state.status) });
      const course = item.targetCourse ?? (item.targetGroupId ? target.course : state.course);
      return courseIn(target, course) ?? {
        ok: true,
        after: { ...intoGroup(state, target, course), status: 'active', funding: item.targetFunding ?? state.funding },
      };
    }
    case 'graduation': {
      if (state.status !== 'active') return refuse('order.rule.notActive', { status: statusRef(state.status) });
      if (state.course !== current.durationYears) {
        return refuse('order.rule.notFinalCourse', { course: state.course, duration: current.durationYears });
      }
      return { ok: true, after: { ...state, status: 'graduated' } };
    }
    case 'name_change': {
      const last = item.newLastName?.trim();
      const first = item.newFirstName?.trim();
      if (!last || !first) return refuse('order.rule.nameRequired');
      const patronymic = item.newPatronymic?.trim() || null;
      if (last === state.lastName && first === state.firstName && patronymic === state.patronymic) {
        return refuse('order.rule.nameUnchanged');
      }
      return { ok: true, after: { ...state, lastName: last, firstName: first, patronymic } };
    }
  }
}
