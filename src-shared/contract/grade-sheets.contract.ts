import { z } from 'zod';
import type { ControlForm } from '../domain/enums';
import type { Sex } from '../domain/person';
import type { GradeBand, GradeStatus } from '../domain/grading';
import { id, isoDate, type Localized } from './common';
import { operation } from './define';

const points = z.number().int().min(0).max(100).nullable();
export const gradeCellInput = z
  .object({
    studentId: id,
    /** points per part key of the sheet's scale; null clears a part */
    parts: z.record(z.string().max(20), points).optional(),
    mark: z.enum(['absent', 'not_admitted']).nullable().optional(),
  })
  .strict();
export type GradeCellInput = z.infer<typeof gradeCellInput>;

export interface GradeSheetSummary {
  id: string;
  number: string;
  kind: 'main' | 'retake' | 'individual';
  attempt: number;
  state: 'open' | 'filled' | 'closed';
  groupId: string;
  groupName: string;
  discipline: Localized;
  controlForm: ControlForm;
  credits: number;
  students: number;
  graded: number;
  version: number;
}

export interface GradeRowView {
  studentId: string;
  position: number;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** a Russian sheet genders its marks: не явился / не явилась */
  sex: Sex;
  recordBookNo: string;
  parts: Record<string, number | null>;
  mark: 'absent' | 'not_admitted' | null;
  total: number | null;
  letter: string | null;
  traditional: number | null;
  status: GradeStatus;
  /** why the row cannot be graded yet, in the caller's language */
  problems: string[];
  version: number;
}

export interface GradeSheetDetail extends GradeSheetSummary {
  academicYearId: string;
  semester: number;
  parts: { key: string; max: number; kind: 'current' | 'final'; label: Localized }[];
  /** the sheet's scale version: points → letter → GPA → traditional grade */
  bands: GradeBand[];
  admissionThreshold: number;
  /** a credit test (зачет) is passed from this many points */
  creditTestPassMark: number;
  entryOpen: boolean;
  entryWindow: { opensOn: string; closesOn: string };
  /** an admin's openings of entry for this sheet alone, outside the session's window */
  exceptions: { opensOn: string; closesOn: string; reason: string }[];
  examiner: { staffId: string; name: string } | null;
  examDate: string | null;
  rows: GradeRowView[];
}

export interface AcademicSessionView {
  id: string;
  academicYearId: string;
  term: 'autumn' | 'spring' | 'summer';
  facultyId: string | null;
  startsOn: string;
  endsOn: string;
  entryOpensOn: string;
  entryClosesOn: string;
}

export interface RetakeCandidate {
  sheetId: string;
  sheetNumber: string;
  studentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  attempt: number;
  /** why a retake: FX, absent or not admitted */
  reason: 'fx' | 'absent' | 'not_admitted';
  allowed: boolean;
}

export interface TeacherImportProblem {
  /** the row number as Excel shows it; null for a problem with the whole file */
  row: number | null;
  studentName: string | null;
  column: string;
  value: string;
  /** the reason, in the caller's language */
  message: string;
}

export interface TeacherImportResult {
  sheetMatches: boolean;
  /** rows that would change (preview) or did change (apply) */
  changes: number;
  unchanged: number;
  problems: TeacherImportProblem[];
  applied: boolean;
  sheet: GradeSheetDetail;
}

export interface GroupRegistrationResult {
  groupId: string;
  added: number;
  alreadyRegistered: number;
  /** why this group was not registered, in the caller's language; null when it was */
  problem: string | null;
}

export const gradeSheetsContract = {
  'gradeSheets.export': operation<import('./orders.contract').ExportedFile>()(
    z.object({ id, format: z.enum(['pdf', 'xlsx']), lang: z.enum(['ky', 'ru']), blank: z.boolean().default(false) }),
  ),
  /** one page per student of a retake or individual sheet (DOMAIN.md §3: направление / жолдомо) */
  'gradeSheets.direction': operation<import('./orders.contract').ExportedFile>()(z.object({ id, lang: z.enum(['ky', 'ru']) })),
  'gradeSheets.exportTeacher': operation<import('./orders.contract').ExportedFile>()(z.object({ id, lang: z.enum(['ky', 'ru']) })),
  'gradeSheets.importTeacher': operation<TeacherImportResult>()(
    z.object({
      id,
      /** the xlsx file, base64; at most ~700 kB so the request stays under 1 MB */
      base64: z.string().min(1).max(960_000),
      apply: z.boolean(),
      reason: z.string().trim().min(1).max(500).optional(),
      documentNo: z.string().trim().min(1).max(50).optional(),
    }),
  ),
  'gradeSheets.sessions': operation<{ rows: AcademicSessionView[] }>()(z.object({})),
  'gradeSheets.retakeCandidates': operation<{ rows: RetakeCandidate[] }>()(z.object({ sessionId: id })),
  'gradeSheets.createRetake': operation<GradeSheetDetail>()(
    z.object({ parentSheetId: id, studentIds: z.array(id).min(1).max(500), kind: z.enum(['retake', 'individual']).default('retake') }),
  ),
  'registrations.registerGroup': operation<{ added: number; alreadyRegistered: number }>()(
    z.object({ groupId: id, academicYearId: z.string().regex(/^\d{4}-\d{4}$/), term: z.enum(['autumn', 'spring']) }),
  ),
  /** several groups at once (a whole course, a whole faculty); each group on its own, so one without a curriculum does not stop the rest */
  'registrations.registerGroups': operation<{ rows: GroupRegistrationResult[] }>()(
    z.object({ groupIds: z.array(id).min(1).max(300), academicYearId: z.string().regex(/^\d{4}-\d{4}$/), term: z.enum(['autumn', 'spring']) }),
  ),
  'gradeSheets.generate': operation<{ created: number; sheets: GradeSheetSummary[] }>()(z.object({ sessionId: id })),
  'gradeSheets.list': operation<{ rows: GradeSheetSummary[] }>()(
    z.object({ sessionId: id.optional(), groupId: id.optional(), state: z.enum(['open', 'filled', 'closed']).optional() }),
  ),
  'gradeSheets.get': operation<GradeSheetDetail>()(z.object({ id })),
  'gradeSheets.setGrades': operation<GradeSheetDetail>()(
    z.object({
      id,
      cells: z.array(gradeCellInput).min(1).max(500),
      /** only for a closed sheet: why, and the order or act that allows it */
      reason: z.string().trim().min(1).max(500).optional(),
      documentNo: z.string().trim().min(1).max(50).optional(),
    }),
  ),
  'gradeSheets.close': operation<GradeSheetDetail>()(z.object({ id, version: z.number().int().min(1) })),
  'gradeSheets.openException': operation<GradeSheetDetail>()(
    z.object({ id, opensOn: isoDate, closesOn: isoDate, reason: z.string().trim().min(1).max(500) }),
  ),
};
