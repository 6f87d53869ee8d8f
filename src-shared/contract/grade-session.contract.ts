/**
 * Operations a dean's office needs around the sheets of a session: individual registration
 * (additions and removals beyond the group's), the examiner and exam date of a sheet, and
 * printing the whole session in the background.
 */
import { z } from 'zod';
import type { ControlForm } from '../domain/enums';
import { id, isoDate, type Localized } from './common';
import { operation } from './define';
import type { GradeSheetDetail } from './grade-sheets.contract';

export interface RegistrationRow {
  registrationId: string;
  curriculumItemId: string;
  discipline: Localized;
  semester: number;
  credits: number;
  controlForm: ControlForm;
  /** 'group' when it came with the group's registration, 'individual' when added for this student */
  source: 'group' | 'individual';
  /** the sheet the student is on for it, if generated */
  sheetNumber: string | null;
  /** the student already has points or a mark there: removing would lose them */
  graded: boolean;
}

export interface RegistrationOption {
  curriculumItemId: string;
  discipline: Localized;
  semester: number;
  credits: number;
  controlForm: ControlForm;
}

export interface StudentRegistrations {
  studentId: string;
  groupName: string;
  academicYearId: string;
  term: 'autumn' | 'spring';
  rows: RegistrationRow[];
  /** disciplines of the student's curriculum not registered this year (a debt, an academic difference) */
  options: RegistrationOption[];
}

export interface ExaminerOption {
  staffId: string;
  name: string;
}

export interface BatchJobView {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  /** a filled print leaves out the sheets with no grade at all (print those as blanks) */
  skipped: number;
  /** the folder or ZIP the print is written to (it appears there only once complete) */
  out: string;
  error: string | null;
  startedAt: string;
  seconds: number | null;
}

const term = z.enum(['autumn', 'spring']);

export const gradeSessionContract = {
  'registrations.ofStudent': operation<StudentRegistrations>()(
    z.object({ studentId: id, academicYearId: z.string().regex(/^\d{4}-\d{4}$/), term }),
  ),
  'registrations.add': operation<StudentRegistrations>()(
    z.object({ studentId: id, curriculumItemId: id, academicYearId: z.string().regex(/^\d{4}-\d{4}$/), term }),
  ),
  'registrations.remove': operation<StudentRegistrations>()(z.object({ registrationId: id })),
  'gradeSheets.examiners': operation<{ rows: ExaminerOption[] }>()(z.object({ id })),
  'gradeSheets.setExaminer': operation<GradeSheetDetail>()(
    z.object({ id, examinerStaffId: id.nullable(), examDate: isoDate.nullable(), version: z.number().int().min(1) }),
  ),
  'gradeSheets.batchStart': operation<BatchJobView>()(
    z.object({
      sessionId: id,
      format: z.enum(['pdf', 'xlsx']),
      lang: z.enum(['ky', 'ru']),
      blank: z.boolean().default(false),
      /** one ZIP file rather than a folder of files */
      zip: z.boolean().default(true),
    }),
  ),
  'gradeSheets.batchStatus': operation<BatchJobView>()(z.object({ jobId: id })),
  'gradeSheets.batchCancel': operation<BatchJobView>()(z.object({ jobId: id })),
  /** a finished ZIP, to save where the user chooses (the browser has no access to the host's folder) */
  'gradeSheets.batchFile': operation<import('./orders.contract').ExportedFile>()(z.object({ jobId: id })),
  /** where a finished print lies on this computer: the desktop app then shows it in its folder */
  'gradeSheets.batchFolder': operation<{ path: string }>()(z.object({ jobId: id })),
};
