import { universityToday } from '../../platform/university-clock';
import { uuidv7 } from 'uuidv7';
import type { AcademicSessionView, GradeCellInput, GradeRowView, GradeSheetDetail, GradeSheetSummary, GroupRegistrationResult, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import type { ControlForm } from '../../../src-shared/domain/enums';
import { formatDate } from '../../../src-shared/domain/dates';
import { gradeRow, type GradingScale, type RowProblem } from '../../../src-shared/domain/grading';
import { compareNames, fullName, shortName, type Sex } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import { translate, type Locale, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { entryOpen } from './entry-window';
import { scaleForYear, sheetScale } from './grading-scale.repository';
import {
  entryExceptions,
  findSession,
  findSheet,
  gradesOfSheet,
  insertEntryException,
  listSessions,
  listSheetSummaries,
  sheetResults,
  sheetSummaries,
  sheetSummary,
  updateGrade,
  updateSheet,
  type SheetRow,
  type SheetSummaryRow,
} from './grade-sheets.repository';
import {
  activeStudentsOfGroup,
  curriculumOfGroup,
  findGroupRow,
  insertGrade,
  insertRegistration,
  insertSheet,
  isRegistered,
  mainSheetExists,
  maxSheetSeq,
  registeredStudents,
  semesterItems,
  sessionOfferings,
} from './sheet-generation.repository';
import { staffName } from '../reference/reference.repository';
import { assertInScope, scopeFor } from '../scope';
import type { ScopeAction } from '../../../src-shared/domain/scope-policy';

type Permission = 'grades.read' | 'grades.enter' | 'grades.exception';

function requireGrades(session: SessionUser, p: Permission): void {
  if (!can(session.role, p)) throw forbidden();
}
function assertFaculty(session: SessionUser, facultyId: string, action: ScopeAction, key: MessageKey = 'error.sheet.scope'): void {
  assertInScope(session, 'gradeSheets', action, { facultyId }, key);
}

const PROBLEM_KEYS: Record<RowProblem['code'], MessageKey> = {
  notInteger: 'grade.rule.notInteger',
  negative: 'grade.rule.negative',
  aboveMax: 'grade.rule.aboveMax',
  examWithoutAdmission: 'grade.rule.examWithoutAdmission',
  markWithPoints: 'grade.rule.markWithPoints',
  markContradictsAdmission: 'grade.rule.markContradictsAdmission',
  unknownPart: 'grade.rule.unknownPart',
};

function problemRef(p: RowProblem, scale: GradingScale): { msg: MessageKey; values: MessageValues } {
  return { msg: PROBLEM_KEYS[p.code], values: { max: p.max ?? null, threshold: p.threshold ?? scale.admissionThreshold } };
}

/** A row is final when it has a result: graded, absent, or not admitted (typed or by its points). */
function isFinal(scale: GradingScale, g: { parts_json: string; mark: string | null }): boolean {
  return gradeRow(scale, { parts: JSON.parse(g.parts_json), mark: g.mark as 'absent' | 'not_admitted' | null }).status !== 'incomplete';
}

export function createGradeSheetsService(db: Database, clock: () => string = () => universityToday()) {
  function loadSheet(id: string): SheetRow {
    const s = findSheet(db, id);
    if (!s) throw new AppError('not_found', 'error.sheet.notFound');
    return s;
  }

  function windowOf(sheet: SheetRow) {
    const session = findSession(db, sheet.session_id)!;
    const exceptions = entryExceptions(db, sheet.id).map((e) => ({ opensOn: e.opens_on, closesOn: e.closes_on, reason: e.reason }));
    const window = { opensOn: session.entry_opens_on, closesOn: session.entry_closes_on };
    return { window, exceptions, open: entryOpen(clock(), window, exceptions) };
  }

  function toSummaryRow(r: SheetSummaryRow): GradeSheetSummary {
    return {
      id: r.id,
      number: r.number,
      kind: r.kind as GradeSheetSummary['kind'],
      attempt: r.attempt,
      state: r.state as GradeSheetSummary['state'],
      groupId: r.group_id,
      groupName: r.group_name,
      discipline: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
      controlForm: r.control_form as ControlForm,
      credits: r.credits,
      students: Number(r.students ?? 0),
      graded: Number(r.graded ?? 0),
      version: r.version,
    };
  }

  function detail(session: SessionUser, id: string, locale: Locale): GradeSheetDetail {
    requireGrades(session, 'grades.read');
    const sheet = loadSheet(id);
    assertFaculty(session, sheet.faculty_id, 'read');
    const head = sheetSummary(db, id)!;
    const scale = sheetScale(db, sheet);
    const { window, exceptions, open } = windowOf(sheet);
    const examiner = sheet.examiner_staff_id
      ? staffName(db, sheet.examiner_staff_id)
      : undefined;
    const rows: GradeRowView[] = gradesOfSheet(db, id).map((g) => {
      const parts = JSON.parse(g.parts_json) as Record<string, number | null>;
      const r = gradeRow(scale, { parts, mark: g.mark as 'absent' | 'not_admitted' | null });
      return {
        studentId: g.student_id,
        position: g.position,
        lastName: g.last_name,
        firstName: g.first_name,
        patronymic: g.patronymic,
        sex: g.sex as Sex,
        recordBookNo: g.record_book_no,
        parts,
        mark: g.mark as GradeRowView['mark'],
        total: r.total,
        letter: r.band?.letter ?? null,
        traditional: r.band?.traditional ?? null,
        status: r.status,
        problems: r.problems.map((p) => {
          const ref = problemRef(p, scale);
          return translate(locale, ref.msg, ref.values);
        }),
        version: g.version,
      };
    });
    return {
      ...toSummaryRow(head),
      academicYearId: sheet.academic_year_id,
      semester: head.semester,
      parts: scale.parts.map((p) => ({ key: p.key, max: p.max, kind: p.kind, label: p.label })),
      bands: scale.bands.map((b) => ({ ...b })),
      admissionThreshold: scale.admissionThreshold,
      creditTestPassMark: scale.creditTestPassMark,
      entryOpen: open,
      entryWindow: window,
      exceptions,
      examiner: examiner ? { staffId: examiner.id, name: shortName({ lastName: examiner.last_name, firstName: examiner.first_name, patronymic: examiner.patronymic }) } : null,
      examDate: sheet.exam_date,
      rows,
    };
  }

  return {
    detail,

    /** Registers a group's studying students to every discipline of its semester (AVN 33). */
    registerGroup(session: SessionUser, req: ParsedRequestOf<'registrations.registerGroup'>) {
      requireGrades(session, 'grades.enter');
      const group = findGroupRow(db, req.groupId);
      if (!group) throw new AppError('not_found', 'error.sheet.notFound');
      assertFaculty(session, group.faculty_id, 'write', 'error.sheet.groupScope');
      const semester = (group.course - 1) * 2 + (req.term === 'autumn' ? 1 : 2);
      const curriculum = curriculumOfGroup(db, group);
      if (!curriculum) throw new AppError('conflict', 'error.sheet.noCurriculum', { group: group.name, year: group.intake_year });
      const items = semesterItems(db, curriculum.id, semester);
      const students = activeStudentsOfGroup(db, group.id);
      return withWrite(db, session, (w) => {
        let added = 0;
        let already = 0;
        for (const s of students) {
          for (const it of items) {
            if (isRegistered(w, s.id, it.id, req.academicYearId)) {
              already++;
              continue;
            }
            const row = { id: uuidv7(), student_id: s.id, curriculum_item_id: it.id, academic_year_id: req.academicYearId, term: req.term, group_id: group.id, source: 'group', created_at: w.now };
            insertRegistration(w, row);
            w.outbox({ name: 'registration.add', entity: 'registration', entityId: row.id, payload: row, baseVersion: null });
            added++;
          }
        }
        w.audit({ action: 'registration.group', entity: 'student_group', entityId: group.id, oldValue: null, newValue: { academicYearId: req.academicYearId, term: req.term, semester, added } });
        return { added, alreadyRegistered: already };
      });
    },

    /** Every group asked for, each in its own transaction; a refusal is named for its group and the rest go on. */
    registerGroups(session: SessionUser, req: ParsedRequestOf<'registrations.registerGroups'>, locale: Locale): { rows: GroupRegistrationResult[] } {
      requireGrades(session, 'grades.enter');
      const rows = [...new Set(req.groupIds)].map((groupId): GroupRegistrationResult => {
        try {
          return { groupId, ...this.registerGroup(session, { groupId, academicYearId: req.academicYearId, term: req.term }), problem: null };
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          return { groupId, added: 0, alreadyRegistered: 0, problem: translate(locale, e.key, e.values) };
        }
      });
      return { rows };
    },

    /** One main sheet per group × discipline of the session, from the registrations, numbered per year. */
    generate(session: SessionUser, sessionId: string): { created: number; sheets: GradeSheetSummary[] } {
      requireGrades(session, 'grades.enter');
      const ses = findSession(db, sessionId);
      if (!ses) throw new AppError('not_found', 'error.sheet.noSession');
      if (ses.faculty_id) assertFaculty(session, ses.faculty_id, 'write');
      const created = withWrite(db, session, (w) => {
        const scale = scaleForYear(db, ses.academic_year_id, w.now);
        let seq = maxSheetSeq(w, ses.academic_year_id);
        const ids: string[] = [];
        for (const o of sessionOfferings(w, ses)) {
          if (mainSheetExists(w, o.group_id, o.curriculum_item_id, ses.academic_year_id)) continue;
          seq++;
          const id = uuidv7();
          const sheet = {
            id, academic_year_id: ses.academic_year_id, seq, number: `${ses.academic_year_id.slice(2, 4)}-${String(seq).padStart(5, '0')}`,
            session_id: ses.id, faculty_id: o.faculty_id, group_id: o.group_id, curriculum_item_id: o.curriculum_item_id, kind: 'main', attempt: 1,
            parent_sheet_id: null, examiner_staff_id: null, exam_date: null, scale_id: scale.id, state: 'open', closed_at: null, closed_by: null,
            version: 1, created_at: w.now, updated_at: w.now,
          };
          insertSheet(w, sheet);
          const students = registeredStudents(w, o.group_id, o.curriculum_item_id, ses.academic_year_id)
            .map((s) => ({ id: s.id, lastName: s.last_name, firstName: s.first_name, patronymic: s.patronymic }))
            .sort(compareNames);
          students.forEach((s, i) =>
            insertGrade(w, { id: uuidv7(), sheet_id: id, student_id: s.id, position: i + 1, parts_json: '{}', mark: null, total: null, letter: null, version: 1, updated_at: w.now, updated_by: null }),
          );
          w.outbox({ name: 'gradeSheet.create', entity: 'grade_sheet', entityId: id, payload: { sheet, students: students.map((s) => s.id) }, baseVersion: null });
          ids.push(id);
        }
        w.audit({ action: 'gradeSheet.generate', entity: 'academic_session', entityId: ses.id, oldValue: null, newValue: { created: ids.length } });
        return ids;
      });
      const sheets = sheetSummaries(db, created).map(toSummaryRow);
      return { created: created.length, sheets };
    },

    /** Exam sessions of the caller's scope, newest first, for choosing where to work. */
    sessions(session: SessionUser): { rows: AcademicSessionView[] } {
      requireGrades(session, 'grades.read');
      return {
        rows: listSessions(db, scopeFor(session, 'gradeSheets', 'read')).map((r) => ({
          id: r.id,
          academicYearId: r.academic_year_id,
          term: r.term as AcademicSessionView['term'],
          facultyId: r.faculty_id,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          entryOpensOn: r.entry_opens_on,
          entryClosesOn: r.entry_closes_on,
        })),
      };
    },

    list(session: SessionUser, req: ParsedRequestOf<'gradeSheets.list'>): { rows: GradeSheetSummary[] } {
      requireGrades(session, 'grades.read');
      return { rows: listSheetSummaries(db, scopeFor(session, 'gradeSheets', 'read'), req).map(toSummaryRow) };
    },

    /**
     * Saves a batch of cells (typed, pasted or imported) all or nothing: inside the entry
     * window, every cell valid under the sheet's scale; a closed sheet only with a reason and
     * a document number, each change audited with old and new values.
     */
    setGrades(session: SessionUser, req: ParsedRequestOf<'gradeSheets.setGrades'>, locale: Locale): GradeSheetDetail {
      requireGrades(session, 'grades.enter');
      const sheet = loadSheet(req.id);
      assertFaculty(session, sheet.faculty_id, 'write');
      const closed = sheet.state === 'closed';
      if (closed && (!req.reason || !req.documentNo)) throw new AppError('conflict', 'error.sheet.closedNeedsReason');
      const { window, open } = windowOf(sheet);
      if (!open && !closed) throw new AppError('conflict', 'error.sheet.windowClosed', { opens: formatDate(window.opensOn), closes: formatDate(window.closesOn) });
      const scale: GradingScale = sheetScale(db, sheet);
      const current = new Map(gradesOfSheet(db, sheet.id).map((g) => [g.student_id, g]));
      const problems: { path: string; key: MessageKey; values?: MessageValues }[] = [];
      const labelOf = (part: string) => scale.parts.find((p) => p.key === part)?.label[locale === 'en' ? 'en' : locale] ?? translate(locale, 'grade.column.mark');
      const next = req.cells.map((cell: GradeCellInput, i) => {
        const g = current.get(cell.studentId);
        if (!g) {
          problems.push({ path: `cells.${i}.studentId`, key: 'grade.problem', values: { row: i + 1, name: cell.studentId, column: '—', problem: { msg: 'grade.rule.notOnSheet' } } });
          return null;
        }
        const parts = { ...(JSON.parse(g.parts_json) as Record<string, number | null>), ...(cell.parts ?? {}) };
        const mark = cell.mark === undefined ? (g.mark as 'absent' | 'not_admitted' | null) : cell.mark;
        const r = gradeRow(scale, { parts, mark });
        const name = fullName({ lastName: g.last_name, firstName: g.first_name, patronymic: g.patronymic });
        for (const p of r.problems) {
          problems.push({ path: `cells.${i}.${p.part}`, key: 'grade.problem', values: { row: g.position, name, column: labelOf(p.part), problem: problemRef(p, scale) } });
        }
        return { g, parts, mark, r };
      });
      if (problems.length) throw new AppError('validation', 'error.sheet.cells', {}, problems);
      withWrite(db, session, (w) => {
        for (const n of next) {
          if (!n) continue;
          const oldValue = { parts: JSON.parse(n.g.parts_json), mark: n.g.mark, total: n.g.total };
          const newValue = { parts: n.parts, mark: n.mark, total: n.r.total };
          if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
          updateGrade(w, n.g.id, { parts_json: JSON.stringify(n.parts), mark: n.mark, total: n.r.total, letter: n.r.band?.letter ?? null, version: n.g.version + 1, updated_at: w.now, updated_by: session.id });
          w.audit({
            action: closed ? 'grade.changeClosed' : 'grade.set',
            entity: 'grade',
            entityId: n.g.id,
            oldValue,
            newValue: closed ? { ...newValue, reason: req.reason, documentNo: req.documentNo } : newValue,
          });
          // the server lets a closed sheet's grade change only under this name, with the reason and document
          const payload = { sheetId: sheet.id, studentId: n.g.student_id, ...newValue, ...(closed ? { reason: req.reason, documentNo: req.documentNo } : {}) };
          w.outbox({ name: closed ? 'grade.changeClosed' : 'grade.set', entity: 'grade', entityId: n.g.id, payload, baseVersion: n.g.version });
        }
        if (!closed) {
          const state = sheetResults(db, sheet.id).every((g) => isFinal(scale, g)) ? 'filled' : 'open';
          if (state !== sheet.state) updateSheet(w, sheet.id, { state, version: sheet.version + 1, updated_at: w.now });
        }
      });
      return detail(session, sheet.id, locale);
    },

    /** Closing locks the sheet: every student must have a total or a mark. */
    close(session: SessionUser, req: ParsedRequestOf<'gradeSheets.close'>, locale: Locale): GradeSheetDetail {
      requireGrades(session, 'grades.enter');
      const sheet = loadSheet(req.id);
      assertFaculty(session, sheet.faculty_id, 'write');
      if (sheet.state === 'closed') throw new AppError('conflict', 'error.sheet.alreadyClosed');
      if (sheet.version !== req.version) throw new AppError('conflict', 'error.conflict.staleVersion');
      const scale = sheetScale(db, sheet);
      const missing = sheetResults(db, sheet.id).filter((g) => !isFinal(scale, g)).length;
      if (missing) throw new AppError('conflict', 'error.sheet.incomplete', { count: missing });
      // the closed sheet is the paper the examiner signs: it must say who and when
      if (!sheet.examiner_staff_id || !sheet.exam_date) throw new AppError('conflict', 'error.sheet.needsExaminer');
      withWrite(db, session, (w) => {
        updateSheet(w, sheet.id, { state: 'closed', closed_at: w.now, closed_by: session.id, version: sheet.version + 1, updated_at: w.now });
        w.audit({ action: 'gradeSheet.close', entity: 'grade_sheet', entityId: sheet.id, oldValue: { state: sheet.state }, newValue: { state: 'closed' } });
        w.outbox({ name: 'gradeSheet.close', entity: 'grade_sheet', entityId: sheet.id, payload: { id: sheet.id }, baseVersion: sheet.version });
      });
      return detail(session, sheet.id, locale);
    },

    /** An admin opens entry for one sheet outside the calendar window, with a reason (audited). */
    openException(session: SessionUser, req: ParsedRequestOf<'gradeSheets.openException'>, locale: Locale): GradeSheetDetail {
      requireGrades(session, 'grades.exception');
      const sheet = loadSheet(req.id);
      if (req.closesOn < req.opensOn) {
        throw new AppError('validation', 'error.validation', {}, [{ path: 'closesOn', key: 'field.date' }]);
      }
      withWrite(db, session, (w) => {
        const row = { id: uuidv7(), sheet_id: sheet.id, opens_on: req.opensOn, closes_on: req.closesOn, reason: req.reason, created_by: session.id, created_at: w.now };
        insertEntryException(w, row);
        w.audit({ action: 'gradeSheet.exception', entity: 'grade_sheet', entityId: sheet.id, oldValue: null, newValue: row });
        w.outbox({ name: 'gradeSheet.exception', entity: 'grade_entry_exception', entityId: row.id, payload: row, baseVersion: null });
      });
      return detail(session, sheet.id, locale);
    },
  };
}

export type GradeSheetsService = ReturnType<typeof createGradeSheetsService>;
