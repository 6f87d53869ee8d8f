import type { OrderItemInput, StudentStateView } from '../../../src-shared/contract';
import type { OrderType } from '../../../src-shared/domain/orders';
import type { Database } from '../../db/connection';
import { applyOrderRule, type GroupInfo, type ItemParams, type Problem } from './order-rules';
import { loadGroups, loadStudentsNow, type ItemRow, type StudentNow } from './orders.repository';

export function itemParams(i: ItemRow): ItemParams {
  return {
    targetGroupId: i.target_group_id,
    targetCourse: i.target_course,
    targetFunding: i.target_funding as ItemParams['targetFunding'],
    leaveFrom: i.leave_from,
    leaveTo: i.leave_to,
    honours: i.honours === 1,
    newLastName: i.new_last_name,
    newFirstName: i.new_first_name,
    newPatronymic: i.new_patronymic,
  };
}

export function paramsView(p: ItemParams, studentId: string): OrderItemInput {
  return { studentId, ...p };
}

export function withGroupName(state: StudentNow['state'], groups: Map<string, GroupInfo>): StudentStateView {
  return { ...state, groupName: groups.get(state.groupId)?.name ?? '' };
}

export interface ItemOutcome {
  item: ItemRow;
  student: StudentNow | undefined;
  before: StudentStateView | null;
  after: StudentStateView | null;
  problem: Problem | null;
}

/**
 * What signing would do to each student now: the same rules signing applies, run without
 * writing, so the preview and the signature can never disagree.
 */
export function evaluateItems(db: Database, type: Exclude<OrderType, 'cancellation'>, effectiveDate: string, items: ItemRow[]): {
  outcomes: ItemOutcome[];
  groups: Map<string, GroupInfo>;
} {
  const groups = loadGroups(db);
  const students = loadStudentsNow(db, items.map((i) => i.student_id));
  const outcomes = items.map((item): ItemOutcome => {
    const student = students.get(item.student_id);
    if (!student) return { item, student, before: null, after: null, problem: { key: 'error.notFound.student' } };
    const r = applyOrderRule({
      type,
      effectiveDate,
      state: student.state,
      lastChange: student.lastChange,
      item: itemParams(item),
      group: (id) => groups.get(id),
    });
    return {
      item,
      student,
      before: withGroupName(student.state, groups),
      after: r.ok ? withGroupName(r.after, groups) : null,
      problem: r.ok ? null : r.problem,
    };
  });
  return { outcomes, groups };
}
