import type { ExportedFile, ParsedRequestOf, SessionUser, TeacherImportResult } from '../../../src-shared/contract';
import type { Locale } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import type { GradeSheetsService } from './grade-sheets.service';
import { applyTeacherImport, describeImportProblem, exportTeacherWorkbook, previewTeacherImportOf, type ImportPreview } from './teacher-excel';

/** The contract's view of the teacher's-Excel functions. */
export function createTeacherExcel(db: Database, sheets: GradeSheetsService) {
  const view = (p: ImportPreview, locale: Locale, applied: boolean, sheet: TeacherImportResult['sheet']): TeacherImportResult => ({
    sheetMatches: p.sheetMatches,
    changes: p.cells.length,
    unchanged: p.unchanged,
    problems: p.problems.map((x) => ({ row: x.row, studentName: x.studentName, column: x.column, value: x.value, message: describeImportProblem(locale, x) })),
    applied,
    sheet,
  });
  return {
    async exportFile(session: SessionUser, req: ParsedRequestOf<'gradeSheets.exportTeacher'>): Promise<ExportedFile> {
      const detail = sheets.detail(session, req.id, req.lang);
      const buffer = await exportTeacherWorkbook(detail, req.lang);
      return {
        fileName: `teacher-${detail.number}-${detail.groupName}-${req.lang}.xlsx`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: buffer.toString('base64'),
      };
    },
    async importFile(session: SessionUser, req: ParsedRequestOf<'gradeSheets.importTeacher'>, locale: Locale): Promise<TeacherImportResult> {
      const xlsx = Buffer.from(req.base64, 'base64');
      if (!req.apply) {
        const p = await previewTeacherImportOf({ db, sheets }, session, req.id, xlsx, locale);
        return view(p, locale, false, sheets.detail(session, req.id, locale));
      }
      const r = await applyTeacherImport({ db, sheets }, session, { id: req.id, xlsx, reason: req.reason, documentNo: req.documentNo }, locale);
      return view(r.preview, locale, true, r.detail);
    },
  };
}
