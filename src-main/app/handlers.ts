import type { SessionUser } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { Handlers, RequestContext } from '../host/dispatcher';
import { AppError } from '../host/app-error';
import { universityTimeZone } from '../platform/university-clock';
import { listAudit } from '../features/audit/audit.service';
import { signIn } from '../features/auth/session.service';
import { referenceScope } from '../features/reference/reference.service';
import { createCurriculaService } from '../features/curricula/curricula.service';
import { createStudentsService } from '../features/students/students.service';
import { createOrdersService } from '../features/orders/orders.service';
import { signOrder } from '../features/orders/order-signing';
import { exportOrder } from '../features/orders/order-document';
import { studentStateOnFor } from '../features/orders/student-state.service';
import { createGradeSheetsService } from '../features/grade-sheets/grade-sheets.service';
import { createRetakes } from '../features/grade-sheets/grade-sheet-retakes';
import { exportGradeSheet } from '../features/grade-sheets/grade-sheet-document';
import { createTeacherExcel } from '../features/grade-sheets/teacher-excel.handlers';
import { createRegistrations } from '../features/grade-sheets/registrations.service';
import { createExaminers } from '../features/grade-sheets/grade-sheet-examiner';
import { createBatchJobs } from '../features/grade-sheets/batch-jobs';
import { createSyncService } from '../features/sync/sync.service';
import type { SyncLoop } from '../features/sync/sync-engine';
import { createGradingScaleService } from '../features/grade-sheets/grading-scale.service';

function signedIn(ctx: RequestContext): SessionUser {
  // The dispatcher refuses non-public operations without a session; this narrows the type.
  if (!ctx.session) throw new AppError('unauthenticated', 'error.unauthenticated');
  return ctx.session;
}

/** Operation name → service call. Handlers are thin: rules live in the feature services. */
export function createHandlers(db: Database, version: string, opts: { exportsDir?: string; syncLoop?: SyncLoop | null } = {}): Handlers {
  const students = createStudentsService(db);
  const orders = createOrdersService(db);
  const curricula = createCurriculaService(db);
  const sheets = createGradeSheetsService(db);
  const retakes = createRetakes(db, sheets);
  const teacherExcel = createTeacherExcel(db, sheets);
  const registrations = createRegistrations(db);
  const examiners = createExaminers(db, sheets);
  const batches = createBatchJobs(db, sheets, opts);
  const sync = createSyncService(db, opts.syncLoop ?? null);
  const gradingScale = createGradingScaleService(db);
  return {
    'app.info': async () => {
      const u = await db.kysely.selectFrom('university').select(['name_ky', 'name_ru', 'name_en']).executeTakeFirst();
      return { version, university: { ky: u?.name_ky ?? '', ru: u?.name_ru ?? '', en: u?.name_en ?? '' }, timeZone: universityTimeZone() };
    },
    'session.signIn': async (req, ctx) => {
      const user = await signIn(db, req.username, req.password);
      ctx.setSession(user);
      return user;
    },
    'session.current': async (_req, ctx) => ctx.session,
    'session.signOut': async (_req, ctx) => {
      ctx.setSession(null);
      return null;
    },
    'reference.scope': async (_req, ctx) => referenceScope(db, signedIn(ctx)),
    'curricula.list': async (req, ctx) => curricula.list(signedIn(ctx), req),
    'curricula.get': async (req, ctx) => curricula.get(signedIn(ctx), req.id),
    'curricula.create': async (req, ctx) => curricula.create(signedIn(ctx), req),
    'curricula.setItem': async (req, ctx) => curricula.setItem(signedIn(ctx), req, ctx.locale),
    'curricula.removeItem': async (req, ctx) => curricula.removeItem(signedIn(ctx), req, ctx.locale),
    'disciplines.search': async (req, ctx) => curricula.searchDisciplines(signedIn(ctx), req, ctx.locale),
    'disciplines.create': async (req, ctx) => curricula.createDiscipline(signedIn(ctx), req),
    'students.search': async (req, ctx) => students.search(signedIn(ctx), req),
    'students.get': async (req, ctx) => students.get(signedIn(ctx), req.id),
    'students.update': async (req, ctx) => students.update(signedIn(ctx), req),
    'audit.list': async (req, ctx) => listAudit(db, signedIn(ctx), req),
    'orders.list': async (req, ctx) => orders.list(signedIn(ctx), req),
    'orders.get': async (req, ctx) => orders.detail(signedIn(ctx), req.id, ctx.locale),
    'orders.create': async (req, ctx) => orders.create(signedIn(ctx), req, ctx.locale),
    'orders.update': async (req, ctx) => orders.update(signedIn(ctx), req, ctx.locale),
    'orders.delete': async (req, ctx) => orders.remove(signedIn(ctx), req),
    'orders.sign': async (req, ctx) => signOrder(db, orders, signedIn(ctx), req, ctx.locale),
    'orders.export': async (req, ctx) => exportOrder(db, orders, signedIn(ctx), req),
    'students.stateOn': async (req, ctx) => studentStateOnFor(db, students, signedIn(ctx), req.id, req.date),
    'registrations.registerGroup': async (req, ctx) => sheets.registerGroup(signedIn(ctx), req),
    'gradeSheets.generate': async (req, ctx) => sheets.generate(signedIn(ctx), req.sessionId),
    'gradeSheets.list': async (req, ctx) => sheets.list(signedIn(ctx), req),
    'gradeSheets.get': async (req, ctx) => sheets.detail(signedIn(ctx), req.id, ctx.locale),
    'gradeSheets.setGrades': async (req, ctx) => sheets.setGrades(signedIn(ctx), req, ctx.locale),
    'gradeSheets.close': async (req, ctx) => sheets.close(signedIn(ctx), req, ctx.locale),
    'gradeSheets.openException': async (req, ctx) => sheets.openException(signedIn(ctx), req, ctx.locale),
    'gradeSheets.export': async (req, ctx) => exportGradeSheet(db, sheets, signedIn(ctx), req),
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
    'sync.status': async (_req, ctx) => sync.status(signedIn(ctx), ctx.locale),
    'sync.now': async (_req, ctx) => sync.now(signedIn(ctx), ctx.locale),
    'sync.issues': async (_req, ctx) => sync.issues(signedIn(ctx), ctx.locale),
    'sync.resolve': async (req, ctx) => sync.resolve(signedIn(ctx), req, ctx.locale),
    'gradingScale.list': async (_req, ctx) => gradingScale.list(signedIn(ctx)),
    'gradingScale.get': async (req, ctx) => gradingScale.get(signedIn(ctx), req),
    'gradingScale.save': async (req, ctx) => gradingScale.save(signedIn(ctx), req),
  };
}
