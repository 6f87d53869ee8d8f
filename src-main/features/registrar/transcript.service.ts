/**
 * A student's grades by semester with GPA (the card's Grades tab and every transcript): each
 * closed attempt is re-read through the grading rules of its own sheet's scale version and
 * control form, the last attempt counts (gpa.ts), and credit tests stay out of the GPA.
 */
import type { AttemptView, SemesterView, SessionUser, StudentGradesView, TranscriptLineView } from '../../../src-shared/contract';
import type { ControlForm } from '../../../src-shared/domain/enums';
import { DEFAULT_GPA_RULES, transcriptGpa, type AttemptResult, type GpaRules } from '../../../src-shared/domain/gpa';
import { creditTestPassed, gradeRow, scaleFor, type GradingScale } from '../../../src-shared/domain/grading';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { scaleById } from '../grade-sheets/grading-scale.repository';
import { assertInScope } from '../scope';
import { closedAttemptRows, transcriptStudentRow } from './transcript.repository';

export type TranscriptStudentRow = NonNullable<ReturnType<typeof transcriptStudentRow>>;

/** The student a transcript is about, when the caller may see their grades (a dean's office: its faculty). */
export function transcriptStudent(db: Database, session: SessionUser, studentId: string): TranscriptStudentRow {
  if (!can(session.role, 'grades.read')) throw forbidden();
  const student = transcriptStudentRow(db, studentId);
  if (!student) throw new AppError('not_found', 'error.notFound.student');
  assertInScope(session, 'gradeSheets', 'read', { facultyId: student.faculty_id }, 'error.transcript.scope');
  return student;
}

export function studentGrades(db: Database, session: SessionUser, studentId: string): StudentGradesView {
  transcriptStudent(db, session, studentId);
  return gradesOf(db, studentId);
}

/**
 * Grade rows already read, by scale version, form, mark and points: a scale version never
 * changes once saved (a changed scale is a new version, with a new id), so the same points
 * under it always read the same; a batch of transcripts repeats a few thousand combinations.
 */
const readRows = new Map<string, ReturnType<typeof gradeRow>>();
/** Scale versions by id and form, for the same reason. */
const scales = new Map<string, GradingScale>();

function readRow(scale: GradingScale, key: string, partsJson: string, mark: 'absent' | 'not_admitted' | null): ReturnType<typeof gradeRow> {
  let row = readRows.get(key);
  if (!row) {
    if (readRows.size >= 50_000) readRows.clear();
    readRows.set(key, (row = gradeRow(scale, { parts: JSON.parse(partsJson), mark })));
  }
  return row;
}

/** The grade history of a student (no access check: callers check it). */
export function gradesOf(db: Database, studentId: string, rules: GpaRules = DEFAULT_GPA_RULES): StudentGradesView {
  const scaleOf = (id: string, form: string) => {
    const key = `${id}|${form}`;
    let s = scales.get(key);
    if (!s) {
      if (scales.size >= 1000) scales.clear();
      scales.set(key, (s = scaleFor(scaleById(db, id), form)));
    }
    return s;
  };
  const lines = new Map<string, TranscriptLineView & { semester: number }>();
  const results: AttemptResult[] = [];
  for (const r of closedAttemptRows(db, studentId)) {
    const scale = scaleOf(r.scale_id, r.control_form);
    const row = readRow(scale, `${r.scale_id}|${r.control_form}|${r.mark ?? ''}|${r.parts_json}`, r.parts_json, r.mark as 'absent' | 'not_admitted' | null);
    // a closed sheet holds only decided rows; one that is not is shown as not admitted, never as a pass
    const status: AttemptView['status'] = row.status === 'graded' ? 'graded' : row.status === 'absent' ? 'absent' : 'not_admitted';
    const credit = r.control_form === 'credit';
    const passed = status === 'graded' && (credit ? creditTestPassed(scale, row.total!) : row.band!.outcome === 'pass');
    const inGpa = !rules.excludedForms.includes(r.control_form);
    const attempt: AttemptView = {
      attempt: r.attempt,
      academicYearId: r.academic_year_id,
      sheetNumber: r.number,
      examDate: r.exam_date,
      kind: r.kind as AttemptView['kind'],
      total: row.total,
      letter: row.band?.letter ?? null,
      status,
    };
    let line = lines.get(r.item_id);
    if (!line) {
      line = {
        offering: r.item_id,
        semester: r.semester,
        discipline: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
        credits: r.credits,
        hours: r.hours,
        controlForm: r.control_form as ControlForm,
        attempts: [],
        total: null,
        letter: null,
        gpaPoints: null,
        traditional: null,
        passed: false,
        inGpa,
      };
      lines.set(r.item_id, line);
    }
    line.attempts.push(attempt);
    // rows come in attempt order: the last one read is the one that counts
    line.total = row.total;
    line.letter = credit ? null : (row.band?.letter ?? null);
    line.gpaPoints = inGpa ? (row.band?.gpa ?? 0) : null;
    line.traditional = credit ? null : (row.band?.traditional ?? 2);
    line.passed = passed;
    results.push({ offering: r.item_id, semester: r.semester, credits: r.credits, controlForm: r.control_form, attempt: r.attempt, status, gpaPoints: row.band?.gpa ?? 0, passed });
  }
  const gpa = transcriptGpa(results, rules);
  const semesters: SemesterView[] = [...gpa.bySemester].map(([semester, figures]) => {
    const own = [...lines.values()].filter((l) => l.semester === semester);
    return {
      semester,
      // the year of the semester's first sitting (a retake the next term stays in its semester)
      academicYearId: own.map((l) => l.attempts[0]!.academicYearId).sort()[0]!,
      lines: own.map(({ semester: _s, ...l }) => l),
      ...figures,
    };
  });
  return { studentId, semesters, cumulative: gpa.cumulative };
}
