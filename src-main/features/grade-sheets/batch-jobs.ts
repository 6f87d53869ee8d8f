/**
 * Printing a whole session's grade sheets from the app: which sheets (those the caller may
 * open; filled ones, or all as blanks), under what name; the job itself — worker threads,
 * progress, cancel, the file — is the shared registry's (documents/batch-job-registry.ts).
 */
import type { BatchJobView, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { createJobRegistry, workerBundle } from '../../documents/batch-job-registry';
import { AppError, forbidden } from '../../host/app-error';
import type { GradeSheetsService } from './grade-sheets.service';
import { assertInScope } from '../scope';
import { sessionWithFacultyCode } from './grade-sheets.repository';


export function createBatchJobs(db: Database, sheets: GradeSheetsService, opts: { exportsDir?: string; workerFile?: string } = {}) {
  const registry = createJobRegistry(db.file, opts.exportsDir);
  return {
    ...registry,
    start(session: SessionUser, req: ParsedRequestOf<'gradeSheets.batchStart'>): BatchJobView {
      if (!can(session.role, 'grades.read')) throw forbidden();
      const ses = sessionWithFacultyCode(db, req.sessionId);
      if (!ses) throw new AppError('not_found', 'error.sheet.noSession');
      assertInScope(session, 'gradeSheets', 'read', { facultyId: ses.faculty_id }, 'error.sheet.scope');
      // the list applies the caller's scope, so a job never prints a sheet its user could not open
      const all = sheets.list(session, { sessionId: ses.id }).rows;
      if (all.length === 0) throw new AppError('conflict', 'error.batch.empty');
      // "filled" means something was entered: an empty sheet printed as filled is a blank with the wrong title
      const chosen = req.blank ? all : all.filter((r) => r.graded > 0);
      if (chosen.length === 0) throw new AppError('conflict', 'error.batch.noneFilled');
      const name = [ses.code ?? 'all', ses.academic_year_id, ses.term, req.format, req.lang, req.blank ? 'blank' : ''].filter(Boolean).join('-');
      return registry.launch(session, {
        ids: chosen.map((r) => r.id),
        job: { format: req.format, lang: req.lang, blank: req.blank },
        name,
        zip: req.zip,
        workerFile: opts.workerFile ?? workerBundle('grade-sheet-batch'),
        skipped: all.length - chosen.length,
      });
    },
  };
}
