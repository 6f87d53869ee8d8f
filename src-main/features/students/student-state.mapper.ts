import type { Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import type { StudentState } from '../../../src-shared/domain/orders';

/** Columns shared by the student row and its history rows. */
export interface StateColumns {
  status: string;
  group_id: string;
  course: number;
  form: string;
  funding: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
}

export function toStudentState(r: StateColumns): StudentState {
  return {
    status: r.status as StudentStatus,
    groupId: r.group_id,
    course: r.course,
    form: r.form as StudyForm,
    funding: r.funding as Funding,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
  };
}
