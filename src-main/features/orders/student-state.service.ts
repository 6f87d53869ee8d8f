import type { SessionUser, StudentStateOnView } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import type { StudentsService } from '../students/students.service';
import { studentStateOn } from './student-state.repository';
import { groupName } from '../reference/reference.repository';

/** A student's state on a date, for someone allowed to see that student. */
export async function studentStateOnFor(
  db: Database,
  students: StudentsService,
  session: SessionUser,
  id: string,
  date: string,
): Promise<StudentStateOnView | null> {
  await students.get(session, id); // the same scope check as opening the card
  const s = studentStateOn(db, id, date);
  if (!s) return null;
  const { studentId: _id, ...state } = s;
  return { ...state, groupName: groupName(db, s.groupId) ?? '' };
}
