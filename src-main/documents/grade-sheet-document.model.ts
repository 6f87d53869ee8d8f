/**
 * Everything a grade sheet (ведомость) shows, already resolved from the database (DOMAIN.md §3
 * "Grade sheet document"). The grade-sheet service builds it; the PDF and xlsx builders lay it out.
 */
import type { Localized } from '../../src-shared/contract/common';
import type { ControlForm, StudyForm } from '../../src-shared/domain/enums';
import type { Sex } from '../../src-shared/domain/person';

export type GradeSheetKind = 'main' | 'retake' | 'individual';

export interface GradeSheetPart {
  /** e.g. "m1", "m2", "exam" */
  key: string;
  label: Localized;
  max: number;
  /** current control (modules) or the final control, as the scale says */
  kind: 'current' | 'final';
}

export interface GradeSheetDocumentRow {
  /**
   * The student's № on this sheet, given when the sheet was made (alphabetical then; a student
   * added later comes last). Every copy — PDF, xlsx, blank, the teacher's file — prints it, so
   * a change of name or a late addition never renumbers a sheet already handed out.
   */
  position: number;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** the Russian marks agree with it: не явился / не явилась */
  sex: Sex;
  recordBookNo: string;
  /** points per part key; null when not entered */
  parts: Record<string, number | null>;
  /** "absent" (келген жок / не явился) and "not admitted" (не допущен) are marks, not zeros */
  mark: 'absent' | 'not_admitted' | null;
  total: number | null;
  letter: string | null;
  /** 5, 4, 3, 2 — or null */
  traditional: number | null;
}

export interface GradeSheetDocumentInput {
  university: Localized;
  faculty: Localized;
  /** unique per academic year */
  number: string;
  kind: GradeSheetKind;
  attempt: number;
  /** the sheet a retake or individual sheet retakes: "пересдача по ведомости № 26-00042" */
  parentNumber: string | null;
  academicYear: string; // "2026-2027"
  semester: number;
  course: number;
  groupName: string;
  form: StudyForm;
  specialty: { code: string; name: Localized };
  discipline: Localized;
  credits: number;
  hours: number;
  controlForm: ControlForm;
  examiner: string;
  examDate: string | null; // ISO
  dean: string;
  parts: GradeSheetPart[];
  rows: GradeSheetDocumentRow[];
  /** blank: names only, printed before the exam */
  blank: boolean;
  /** the day the sheet was closed (ISO, the university's date); null while it is open: then it prints "not final" */
  closedOn: string | null;
  /** the letter scale in force for this sheet, for the footer counts (e.g. ["A","A-",…,"F"]) */
  letters: string[];
  /** a credit test (зачет) is passed from this many points (the scale's credit-test pass mark) */
  creditTestPassMark: number;
}
