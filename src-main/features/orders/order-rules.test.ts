import { describe, expect, it } from 'vitest';
import type { StudentState } from '../../../src-shared/domain/orders';
import { applyOrderRule, type GroupInfo, type ItemParams, type RuleInput } from './order-rules';

const group = (id: string, course: number, extra: Partial<GroupInfo> = {}): GroupInfo => ({
  id,
  name: id,
  facultyId: 'f',
  specialtyId: 's',
  course,
  form: 'full_time',
  level: 'bachelor',
  durationYears: 4,
  ...extra,
});
const GROUPS = new Map<string, GroupInfo>([
  ['G1', group('G1', 1)],
  ['G2', group('G2', 2)],
  ['G4', group('G4', 4)],
  ['EV2', group('EV2', 2, { form: 'evening' })],
  ['MA1', group('MA1', 1, { level: 'master', durationYears: 2 })],
]);
const active: StudentState = { status: 'active', groupId: 'G1', course: 1, form: 'full_time', funding: 'contract', lastName: 'Үсөнов', firstName: 'Үмүт', patronymic: 'Асан уулу' };
const noParams: ItemParams = { targetGroupId: null, targetCourse: null, targetFunding: null, leaveFrom: null, leaveTo: null, honours: false, newLastName: null, newFirstName: null, newPatronymic: null };

function run(type: RuleInput['type'], state: Partial<StudentState> = {}, item: Partial<ItemParams> = {}, lastChange: RuleInput['lastChange'] = null) {
  return applyOrderRule({ type, effectiveDate: '2026-09-01', state: { ...active, ...state }, lastChange, item: { ...noParams, ...item }, group: (id) => GROUPS.get(id) });
}
const after = (r: ReturnType<typeof run>) => (r.ok ? r.after : r.problem);
const refusal = (r: ReturnType<typeof run>) => (r.ok ? 'accepted' : r.problem.key);

describe('order effects, one type at a time', () => {
  it('enrolment makes an applicant a student of the group, on its course and form', () => {
    expect(after(run('enrolment', { status: 'applicant', groupId: 'EV2', course: 1 }, { targetFunding: 'budget' }))).toMatchObject({ status: 'active', groupId: 'EV2', course: 2, form: 'evening', funding: 'budget' });
  });
  it('promotion moves to the next course, optionally into another group', () => {
    expect(after(run('promotion'))).toMatchObject({ status: 'active', groupId: 'G1', course: 2 });
    expect(after(run('promotion', {}, { targetGroupId: 'G2' }))).toMatchObject({ groupId: 'G2', course: 2 });
  });
  it('transfer changes group, form (with the group) or funding', () => {
    expect(after(run('transfer', {}, { targetGroupId: 'EV2' }))).toMatchObject({ groupId: 'EV2', course: 2, form: 'evening', funding: 'contract' });
    expect(after(run('transfer', {}, { targetFunding: 'budget' }))).toMatchObject({ groupId: 'G1', course: 1, funding: 'budget' });
  });
  it('academic leave, then return, possibly into a younger group', () => {
    expect(after(run('academic_leave', {}, { leaveTo: '2027-08-31' }))).toMatchObject({ status: 'on_leave', groupId: 'G1' });
    expect(after(run('return_from_leave', { status: 'on_leave', groupId: 'G2', course: 2 }, { targetGroupId: 'G1' }))).toMatchObject({ status: 'active', groupId: 'G1', course: 1 });
  });
  it('expulsion of a studying or resting student; reinstatement of an expelled one', () => {
    expect(after(run('expulsion'))).toMatchObject({ status: 'expelled' });
    expect(after(run('expulsion', { status: 'on_leave' }))).toMatchObject({ status: 'expelled' });
    expect(after(run('reinstatement', { status: 'expelled' }, { targetGroupId: 'G2' }))).toMatchObject({ status: 'active', groupId: 'G2', course: 2 });
  });
  it('graduation from the final course', () => {
    expect(after(run('graduation', { groupId: 'G4', course: 4 }))).toMatchObject({ status: 'graduated', course: 4 });
  });
  it('change of name keeps a two-word patronymic whole', () => {
    expect(after(run('name_change', {}, { newLastName: 'Асанова', newFirstName: 'Үмүт', newPatronymic: 'Бакыт кызы' }))).toMatchObject({ lastName: 'Асанова', patronymic: 'Бакыт кызы', status: 'active' });
  });
});

describe('impossible orders are refused with a reason', () => {
  it.each([
    ['expelling an expelled student', run('expulsion', { status: 'expelled' }), 'order.rule.alreadyExpelled'],
    ['expelling a graduate', run('expulsion', { status: 'graduated' }), 'order.rule.notStudying'],
    ['leave without an end date', run('academic_leave'), 'order.rule.leaveDates'],
    ['leave ending before it starts', run('academic_leave', {}, { leaveFrom: '2026-09-01', leaveTo: '2026-08-01' }), 'order.rule.leaveDates'],
    ['transfer into a group of another level', run('transfer', {}, { targetGroupId: 'MA1' }), 'order.rule.levelMismatch'],
    ['transfer that changes nothing', run('transfer', {}, { targetGroupId: 'G1' }), 'order.rule.transferNothing'],
    ['return of someone not on leave', run('return_from_leave'), 'order.rule.notOnLeave'],
    ['reinstating beyond the specialty’s duration', run('reinstatement', { status: 'expelled' }, { targetCourse: 5 }), 'order.rule.courseBeyondDuration'],
    ['reinstating someone who is studying', run('reinstatement'), 'order.rule.notExpelled'],
    ['promoting beyond the last course', run('promotion', { groupId: 'G4', course: 4 }), 'order.rule.courseBeyondDuration'],
    ['promoting a student on leave', run('promotion', { status: 'on_leave' }), 'order.rule.notActive'],
    ['graduating before the final course', run('graduation', { course: 3 }), 'order.rule.notFinalCourse'],
    ['enrolling someone already studying', run('enrolment'), 'order.rule.notApplicant'],
    ['a name change without a first name', run('name_change', {}, { newLastName: 'Асанова' }), 'order.rule.nameRequired'],
    ['a name change to the same name', run('name_change', {}, { newLastName: 'Үсөнов', newFirstName: 'Үмүт', newPatronymic: 'Асан уулу' }), 'order.rule.nameUnchanged'],
    ['an order dated before the student’s last change', run('expulsion', {}, {}, { date: '2026-09-15', orderNo: '3-т' }), 'order.rule.beforeLastChange'],
  ])('%s', (_what, result, key) => {
    expect(refusal(result)).toBe(key);
  });
});
