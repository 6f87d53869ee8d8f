/**
 * The deterministic demo university: structure, staff, curricula, users, students with
 * the signed orders behind their status history (plus a few drafts), and their grade history
 * (closed sheets of every past session), written into an empty database in one transaction.
 *
 * The same seed and options give the same content byte for byte (only the password hashes
 * differ, because their salts are random): ids are UUIDv7-shaped but drawn from the seed,
 * timestamps come from the scenario date (demo-calendar.ts), never from the clock. Each stage
 * has its own random stream, and students come last, so everything but the students, their
 * orders and their history is the same whatever `students` is.
 *
 * It writes no audit or outbox rows: the demo is an initial state, not anybody's edit.
 */
import type { Database } from '../../db/connection';
import type { Role } from '../../../src-shared/domain/roles';
import { hashPassword } from '../../platform/password';
import { CURRENT_ACADEMIC_YEAR, GENERATED_AT, ID_BASE_MS } from './demo-calendar';
import { insertCurricula } from './demo-curricula';
import { PinIssuer } from './demo-people';
import { insertStaff } from './demo-staff';
import { insertStructure, type DemoContext, type Structure } from './demo-structure';
import { insertStudents } from './demo-students';
import { insertRegistrations } from './demo-registrations';
import { insertCurrentSession } from './demo-current-session';
import { insertGradeHistory } from './demo-grades';
import { DEMO_USERS as USERS } from './demo-users.data';
import { IdFactory } from './demo.random';
import { demoStore, existingUniversity, inImmediateTransaction } from './demo.repository';

export const DEFAULT_DEMO_SEED = 20260901;
export const DEFAULT_DEMO_STUDENTS = 3000;
/** a sanity bound: the design scale is 40,000 (DOMAIN.md §9) */
const MAX_DEMO_STUDENTS = 200_000;

export interface DemoOptions {
  seed?: number;
  students?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface DemoSummary {
  faculties: number;
  specialties: number;
  groups: number;
  students: number;
  staff: number;
  users: number;
  historyRows: number;
  /** students with status 'applicant' (no history yet), included in `students` */
  applicants: number;
  /** signed orders behind the history */
  orders: number;
  ordersByType: Record<string, number>;
  /** orders left as drafts for the app to sign */
  draftOrders: number;
  /** registrations of the current autumn semester */
  registrations: number;
  /** the current autumn session's open sheets (some faculties), and those with module points typed */
  currentSheets: number;
  currentTypedSheets: number;
  /** the grade history: closed sheets of every past session (retakes and individual ones included) */
  gradeSheets: number;
  retakeSheets: number;
  individualSheets: number;
  grades: number;
}

export const DEMO_USERS: readonly {
  username: string;
  password: string;
  role: Role;
  facultyCode: string | null;
  displayName: string;
}[] = USERS;

function assertEmpty(db: Database): void {
  const existing = existingUniversity(db);
  if (existing !== null) {
    throw new Error(
      `The database ${db.file} already has a university ("${existing}"). ` +
        'The demo generator only fills an empty database; open a new data directory for the demo.',
    );
  }
}

export async function generateDemo(db: Database, opts: DemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const students = opts.students ?? DEFAULT_DEMO_STUDENTS;
  if (!Number.isSafeInteger(seed)) throw new Error(`demo seed must be an integer, got ${seed}`);
  if (!Number.isInteger(students) || students < 0 || students > MAX_DEMO_STUDENTS) {
    throw new Error(`demo student count must be an integer from 0 to ${MAX_DEMO_STUDENTS}, got ${students}`);
  }
  const progress = opts.onProgress ?? (() => {});
  assertEmpty(db);

  // scrypt is asynchronous and cannot run inside a better-sqlite3 transaction: hash first
  progress('users', 0, DEMO_USERS.length);
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  progress('users', DEMO_USERS.length, DEMO_USERS.length);

  return inImmediateTransaction(db, (): DemoSummary => {
    // checked again inside the write lock: another generateDemo may have run while we hashed
    assertEmpty(db);
    const ctx: DemoContext = { seed, store: demoStore(db), ids: new IdFactory(seed, ID_BASE_MS) };
    const pins = new PinIssuer();

    progress('structure', 0, 1);
    const structure = insertStructure(ctx);
    progress('structure', 1, 1);

    progress('staff', 0, 1);
    const staff = insertStaff(ctx, structure, pins);
    progress('staff', 1, 1);

    progress('curricula', 0, 1);
    insertCurricula(ctx, structure);
    progress('curricula', 1, 1);

    const users = insertUsers(ctx, structure, hashes);
    insertSettings(ctx, seed);

    progress('students', 0, students);
    // students' HR signs every order; the first clerk drafts an expulsion for their faculty
    const signer = DEMO_USERS.find((u) => u.username === 'studhr')!;
    const clerk = DEMO_USERS.find((u) => u.username === 'clerk');
    const clerkFaculty = structure.faculties.find((f) => f.seed.code === clerk?.facultyCode);
    const result = insertStudents(ctx, structure, {
      total: students,
      pins,
      signerId: users.get(signer.username)!,
      clerk: clerk && clerkFaculty ? { id: users.get(clerk.username)!, faculty: clerkFaculty } : null,
      onProgress: (done, total) => progress('students', done, total),
    });
    progress('registrations', 0, 1);
    const { registrations, scaleId, offerings } = insertRegistrations(ctx, CURRENT_ACADEMIC_YEAR, structure.firstYear);
    progress('registrations', 1, 1);

    // each faculty's clerk closes its sheets; the administrator those of faculties without one
    const admin = users.get('admin')!;
    const closers = new Map(DEMO_USERS.filter((u) => u.role === 'clerk' && u.facultyCode).map((u) => [structure.faculties.find((f) => f.seed.code === u.facultyCode)?.id, users.get(u.username)!]));
    const history = insertGradeHistory(ctx, structure, {
      scaleId,
      closerOf: (facultyId) => closers.get(facultyId) ?? admin,
      onProgress: (done, total) => progress('grades', done, total),
    });
    // the current session: no sheet of this academic year is in the history, so its numbers start at 1
    const current = insertCurrentSession(ctx, structure, { offerings, scaleId, enteredBy: (facultyId) => closers.get(facultyId) ?? admin, firstSeq: 0 });

    return {
      faculties: structure.faculties.length,
      specialties: structure.specialties.length,
      groups: structure.groups.length,
      students: result.students,
      staff: staff.staff,
      users: DEMO_USERS.length,
      historyRows: result.historyRows,
      applicants: result.applicants,
      orders: result.orders,
      ordersByType: result.ordersByType,
      draftOrders: result.draftOrders,
      registrations,
      gradeSheets: history.sheets,
      retakeSheets: history.retakeSheets,
      individualSheets: history.individualSheets,
      grades: history.grades,
      currentSheets: current.sheets,
      currentTypedSheets: current.typed,
    };
  });
}

/** Returns username → id. */
function insertUsers(ctx: DemoContext, structure: Structure, hashes: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  DEMO_USERS.forEach((u, i) => {
    let facultyId: string | null = null;
    if (u.facultyCode) {
      const faculty = structure.faculties.find((f) => f.seed.code === u.facultyCode);
      if (!faculty) throw new Error(`demo data: user ${u.username} names an unknown faculty ${u.facultyCode}`);
      facultyId = faculty.id;
    }
    const id = ctx.ids.next();
    ctx.store.user(id, u.username, hashes[i]!, u.role, facultyId, u.displayName, GENERATED_AT, GENERATED_AT);
    ids.set(u.username, id);
  });
  return ids;
}

function insertSettings(ctx: DemoContext, seed: number): void {
  ctx.store.setting('demo.seed', String(seed));
  ctx.store.setting('university.current_academic_year', CURRENT_ACADEMIC_YEAR);
}
