/**
 * The teacher's Excel: export a grade sheet for the teacher to fill in, preview the file they
 * return, apply it all or nothing through the service's setGrades (so the entry window, the
 * closed-sheet rule, the audit trail and the outbox apply unchanged).
 *
 * - exportTeacherWorkbook(detail, lang)         → xlsx bytes (teacher-excel-export.ts)
 * - previewTeacherImport(detail, xlsx, scale)   → ImportPreview, never throws on a bad file (teacher-excel-import.ts)
 * - applyTeacherImport(deps, session, req, loc) → refuses with every problem, or saves the changed cells
 * Identification of sheet, columns and rows: teacher-excel-layout.ts.
 */
import type { GradeSheetDetail, SessionUser } from '../../../src-shared/contract';
import type { GradingScale } from '../../../src-shared/domain/grading';
import { translate, type Locale } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetScale } from './grading-scale.repository';
import { analyzeTeacherWorkbook, loadTeacherWorkbook, type ImportPreview, type ImportProblem } from './teacher-excel-import';
import { findSheet } from './grade-sheets.repository';

export { exportTeacherWorkbook, type TeacherWorkbookLanguage } from './teacher-excel-export';
export { analyzeTeacherWorkbook, loadTeacherWorkbook, previewTeacherImport, type ImportPreview, type ImportProblem, type ImportReason } from './teacher-excel-import';

export interface TeacherImportDeps {
  db: Database;
  sheets: GradeSheetsService;
}

export interface TeacherImportRequest {
  id: string;
  xlsx: Buffer;
  /** only for a closed sheet, as for setGrades: why, and the order or act that allows it */
  reason?: string;
  documentNo?: string;
}

/** The grading scale version the sheet is graded with (previewTeacherImport needs its bands and rules). */
export function teacherSheetScale(db: Database, sheetId: string): GradingScale {
  const sheet = findSheet(db, sheetId);
  if (!sheet) throw new AppError('not_found', 'error.sheet.notFound');
  return sheetScale(db, sheet);
}

/** The preview for a sheet the caller may read (permission and faculty scope of service.detail). */
export async function previewTeacherImportOf(deps: TeacherImportDeps, session: SessionUser, id: string, xlsx: Buffer, locale: Locale): Promise<ImportPreview> {
  deps.sheets.detail(session, id, locale);
  const wb = await loadTeacherWorkbook(xlsx);
  return analyzeTeacherWorkbook(deps.sheets.detail(session, id, locale), wb, teacherSheetScale(deps.db, id));
}

/**
 * All or nothing: any problem in the preview refuses the whole file (AppError 'validation',
 * key teacherXlsx.problems, one field per problem); otherwise the changed cells go through
 * setGrades. The file is parsed first, then the sheet is read and saved with no await in
 * between, so the preview cannot go stale before it is saved. A file that changes nothing
 * saves nothing and returns the sheet as it is.
 */
export async function applyTeacherImport(
  deps: TeacherImportDeps,
  session: SessionUser,
  req: TeacherImportRequest,
  locale: Locale,
): Promise<{ preview: ImportPreview; detail: GradeSheetDetail }> {
  deps.sheets.detail(session, req.id, locale);
  const wb = await loadTeacherWorkbook(req.xlsx);
  const detail = deps.sheets.detail(session, req.id, locale);
  const preview = analyzeTeacherWorkbook(detail, wb, teacherSheetScale(deps.db, req.id));
  if (preview.problems.length) throw teacherImportRefusal(preview);
  if (preview.cells.length === 0) return { preview, detail };
  const saved = deps.sheets.setGrades(session, { id: req.id, cells: preview.cells, reason: req.reason, documentNo: req.documentNo }, locale);
  return { preview, detail: saved };
}

/** The refusal the dispatcher words in the caller's language: a field per problem, count and details filled in. */
export function teacherImportRefusal(preview: ImportPreview): AppError {
  const fields = preview.problems.map((p) =>
    p.row === null
      ? { path: 'file', key: p.reason.key, values: p.reason.values }
      : { path: `rows.${p.row}`, key: 'teacherXlsx.problem' as const, values: problemValues(p) },
  );
  return new AppError('validation', 'teacherXlsx.problems', { count: fields.length }, fields);
}

function problemValues(p: ImportProblem) {
  return { row: p.row, name: p.studentName ?? '—', column: p.column, value: p.value, problem: { msg: p.reason.key, values: p.reason.values } };
}

/** One problem as a sentence, for a preview screen. */
export function describeImportProblem(locale: Locale, p: ImportProblem): string {
  return p.row === null ? translate(locale, p.reason.key, p.reason.values) : translate(locale, 'teacherXlsx.problem', problemValues(p));
}
