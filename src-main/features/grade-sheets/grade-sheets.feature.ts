import { defineFeature, signedIn } from '../feature-module';
import { createBatchJobs } from './batch-jobs';
import { exportDirection, exportGradeSheet } from './grade-sheet-document';
import { createExaminers } from './grade-sheet-examiner';
import { createRetakes } from './grade-sheet-retakes';
import { createGradeSheetsService } from './grade-sheets.service';
import { createGradingScaleService } from './grading-scale.service';
import { createRegistrations } from './registrations.service';
import { createTeacherExcel } from './teacher-excel.handlers';
import { m0007Grades } from './migrations/0007-grades';
import { m0009GradingScaleVersions } from './migrations/0009-grading-scale-versions';
import { gradeSheetsSync } from '../../../src-shared/sync/grade-sheets.sync';
import { gradingCalendarSync } from '../../../src-shared/sync/grading-calendar.sync';

/** The dean's office exam session: registration, sheets, grades, retakes, printing; the grading scale. */
export const gradeSheetsFeature = defineFeature({
  name: 'grade-sheets',
  migrations: [m0007Grades, m0009GradingScaleVersions],
  sync: [gradingCalendarSync, gradeSheetsSync],
  handlers: ({ db, exportsDir }) => {
    const sheets = createGradeSheetsService(db);
    const retakes = createRetakes(db, sheets);
    const teacherExcel = createTeacherExcel(db, sheets);
    const registrations = createRegistrations(db);
    const examiners = createExaminers(db, sheets);
    const batches = createBatchJobs(db, sheets, { exportsDir });
    const gradingScale = createGradingScaleService(db);
    return {
      'registrations.registerGroup': async (req, ctx) => sheets.registerGroup(signedIn(ctx), req),
      'registrations.registerGroups': async (req, ctx) => sheets.registerGroups(signedIn(ctx), req, ctx.locale),
      'gradeSheets.generate': async (req, ctx) => sheets.generate(signedIn(ctx), req.sessionId),
      'gradeSheets.list': async (req, ctx) => sheets.list(signedIn(ctx), req),
      'gradeSheets.get': async (req, ctx) => sheets.detail(signedIn(ctx), req.id, ctx.locale),
      'gradeSheets.setGrades': async (req, ctx) => sheets.setGrades(signedIn(ctx), req, ctx.locale),
      'gradeSheets.close': async (req, ctx) => sheets.close(signedIn(ctx), req, ctx.locale),
      'gradeSheets.openException': async (req, ctx) => sheets.openException(signedIn(ctx), req, ctx.locale),
      'gradeSheets.export': async (req, ctx) => exportGradeSheet(db, sheets, signedIn(ctx), req),
      'gradeSheets.direction': async (req, ctx) => exportDirection(db, sheets, signedIn(ctx), req),
      'gradeSheets.exportTeacher': async (req, ctx) => teacherExcel.exportFile(signedIn(ctx), req),
      'gradeSheets.importTeacher': async (req, ctx) => teacherExcel.importFile(signedIn(ctx), req, ctx.locale),
      'gradeSheets.sessions': async (_req, ctx) => sheets.sessions(signedIn(ctx)),
      'gradeSheets.retakeCandidates': async (req, ctx) => retakes.candidates(signedIn(ctx), req.sessionId),
      'gradeSheets.createRetake': async (req, ctx) => retakes.create(signedIn(ctx), req, ctx.locale),
      'registrations.ofStudent': async (req, ctx) => registrations.view(signedIn(ctx), req),
      'registrations.add': async (req, ctx) => registrations.add(signedIn(ctx), req),
      'registrations.remove': async (req, ctx) => registrations.remove(signedIn(ctx), req),
      'gradeSheets.examiners': async (req, ctx) => examiners.options(signedIn(ctx), req.id),
      'gradeSheets.setExaminer': async (req, ctx) => examiners.set(signedIn(ctx), req, ctx.locale),
      'gradeSheets.batchStart': async (req, ctx) => batches.start(signedIn(ctx), req),
      'gradeSheets.batchStatus': async (req, ctx) => batches.status(signedIn(ctx), req.jobId),
      'gradeSheets.batchCancel': async (req, ctx) => batches.cancel(signedIn(ctx), req.jobId),
      'gradeSheets.batchFile': async (req, ctx) => batches.file(signedIn(ctx), req.jobId),
      'gradeSheets.batchFolder': async (req, ctx) => batches.folder(signedIn(ctx), req.jobId),
      'gradingScale.list': async (_req, ctx) => gradingScale.list(signedIn(ctx)),
      'gradingScale.get': async (req, ctx) => gradingScale.get(signedIn(ctx), req),
      'gradingScale.save': async (req, ctx) => gradingScale.save(signedIn(ctx), req),
    };
  },
});
