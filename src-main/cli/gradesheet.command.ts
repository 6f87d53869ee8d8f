import fs from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Database } from '../db/connection';
import { resolveDbFile } from '../db/data-dir';
import { exportBatch } from '../features/grade-sheets/batch-export';
import { BATCH_READER } from '../features/grade-sheets/batch-render';
import { exportGradeSheet } from '../features/grade-sheets/grade-sheet-document';
import { createGradeSheetsService } from '../features/grade-sheets/grade-sheets.service';
import { applyTeacherImport, describeImportProblem, previewTeacherImportOf } from '../features/grade-sheets/teacher-excel';
import type { SessionUser } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import { flags, oneOf, UsageError, withDb, type Command } from './cli-kit';

/** `--sheet` is the number printed on the sheet (e.g. 26-00042) or its id. */
function findSheet(db: Database, ref: string): string {
  const row = db.sync.first(db.kysely.selectFrom('grade_sheet').select('id').where((eb) => eb.or([eb('number', '=', ref), eb('id', '=', ref)])).orderBy('academic_year_id', 'desc').limit(1));
  if (!row) throw new Error(`no grade sheet "${ref}"`);
  return row.id;
}

/** `--session` is an id or YEAR/TERM (2026-2027/autumn) together with `--faculty CODE`. */
function findSession(db: Database, ref: string, facultyId: string | null): string {
  const m = /^(\d{4}-\d{4})\/(autumn|spring|summer)$/.exec(ref);
  let q = db.kysely.selectFrom('academic_session').select('id');
  q = m ? q.where('academic_year_id', '=', m[1]!).where('term', '=', m[2]!) : q.where('id', '=', ref);
  if (facultyId) q = q.where('faculty_id', '=', facultyId);
  const row = db.sync.first(q.limit(1));
  if (!row) throw new Error(`no exam session "${ref}"${facultyId ? ' for that faculty' : ''}`);
  return row.id;
}

function findFaculty(db: Database, code: string | undefined): string | null {
  if (!code) return null;
  const row = db.sync.first(db.kysely.selectFrom('faculty').select('id').where('code', '=', code));
  if (!row) throw new Error(`no faculty with code "${code}"`);
  return row.id;
}

/** Writes from the command line are made as a named user, so their audit entries say who. */
function userSession(db: Database, username: string | undefined): SessionUser {
  if (!username) throw new UsageError('--user USERNAME is required for commands that change data');
  const u = db.sync.first(db.kysely.selectFrom('app_user').select(['id', 'username', 'display_name', 'role', 'faculty_id', 'active']).where('username', '=', username));
  if (!u || u.active !== 1) throw new Error(`no active user "${username}"`);
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, facultyId: u.faculty_id };
}

const sub: Record<string, Command> = {
  generate: {
    summary: 'generate the main sheets of a faculty session from the registrations',
    usage: 'unidesk gradesheet generate --faculty CODE --session YEAR/TERM|ID --user USERNAME [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, faculty: { type: 'string' }, session: { type: 'string' }, user: { type: 'string' } });
      if (!v.faculty || !v.session) throw new UsageError('--faculty CODE and --session are required');
      await withDb(v.db, (db) => {
        const session = userSession(db, v.user);
        const r = createGradeSheetsService(db).generate(session, findSession(db, v.session!, findFaculty(db, v.faculty)));
        console.log(`${r.created} sheets generated`);
      });
    },
  },
  list: {
    summary: 'list grade sheets',
    usage: 'unidesk gradesheet list [--faculty CODE] [--session YEAR/TERM|ID] [--json] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, faculty: { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' } });
      await withDb(v.db, (db) => {
        const facultyId = findFaculty(db, v.faculty);
        const sessionId = v.session ? findSession(db, v.session, facultyId) : undefined;
        let rows = createGradeSheetsService(db).list(BATCH_READER, { sessionId }).rows;
        if (facultyId) {
          const groups = new Set(db.sync.all(db.kysely.selectFrom('student_group').select('id').where('faculty_id', '=', facultyId)).map((g) => g.id));
          rows = rows.filter((r) => groups.has(r.groupId));
        }
        if (v.json) return console.log(JSON.stringify(rows, null, 2));
        for (const r of rows) console.log([r.number, r.groupName, r.discipline.ru, r.kind, r.attempt, r.state, `${r.graded}/${r.students}`].join('\t'));
        console.log(`${rows.length} sheets`);
      });
    },
  },
  export: {
    summary: 'write one sheet as PDF or Excel',
    usage: 'unidesk gradesheet export --sheet NUMBER --format pdf|xlsx --lang ky|ru [--blank] --out FILE [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, sheet: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, blank: { type: 'boolean' }, out: { type: 'string' } });
      if (!v.sheet) throw new UsageError('--sheet NUMBER is required');
      if (!v.out) throw new UsageError('--out FILE is required');
      const format = oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      const lang = oneOf('lang', v.lang, ['ky', 'ru'] as const);
      await withDb(v.db, async (db) => {
        const f = await exportGradeSheet(db, createGradeSheetsService(db), BATCH_READER, { id: findSheet(db, v.sheet!), format, lang, blank: !!v.blank });
        const out = path.resolve(v.out!);
        fs.writeFileSync(`${out}.part`, Buffer.from(f.base64, 'base64'));
        fs.renameSync(`${out}.part`, out);
        console.log(`wrote ${out}`);
      });
    },
  },
  import: {
    summary: 'read a teacher-filled xlsx back into a sheet (all or nothing)',
    usage: 'unidesk gradesheet import --sheet NUMBER FILE.xlsx [--dry-run] --user USERNAME [--reason TEXT --document NO] [--db FILE]',
    async run(argv) {
      let parsed;
      try {
        parsed = parseArgs({
          args: argv,
          options: { db: { type: 'string' }, sheet: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean' }, reason: { type: 'string' }, document: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const v = parsed.values;
      const file = parsed.positionals[0];
      if (!v.sheet) throw new UsageError('--sheet NUMBER is required');
      if (!file) throw new UsageError('the xlsx file to import is required');
      const xlsx = fs.readFileSync(path.resolve(file));
      await withDb(v.db, async (db) => {
        const session = v['dry-run'] && !v.user ? BATCH_READER : userSession(db, v.user);
        const sheets = createGradeSheetsService(db);
        const id = findSheet(db, v.sheet!);
        const deps = { db, sheets };
        const preview = await previewTeacherImportOf(deps, session, id, xlsx, 'ru');
        for (const p of preview.problems) console.error(`${p.row ?? '—'}\t${p.studentName ?? ''}\t${p.column}\t${p.value}\t${describeImportProblem('ru', p)}`);
        if (preview.problems.length) throw new Error(`${preview.problems.length} problems; nothing was imported`);
        if (v['dry-run']) return console.log(`${preview.cells.length} rows would change, ${preview.unchanged} unchanged (dry run: nothing saved)`);
        const r = await applyTeacherImport(deps, session, { id, xlsx, reason: v.reason, documentNo: v.document }, 'ru');
        console.log(`${r.preview.cells.length} rows imported into ${r.detail.number}`);
      });
    },
  },
  'export-all': {
    summary: 'write every sheet of a faculty session into a folder or one ZIP',
    usage: 'unidesk gradesheet export-all --faculty CODE --session YEAR/TERM|ID --format pdf|xlsx --out DIR|FILE.zip [--lang ky|ru] [--blank] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, faculty: { type: 'string' }, session: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, blank: { type: 'boolean' }, out: { type: 'string' } });
      if (!v.faculty) throw new UsageError('--faculty CODE is required');
      if (!v.session) throw new UsageError('--session is required (e.g. 2026-2027/autumn)');
      if (!v.out) throw new UsageError('--out DIR or FILE.zip is required');
      const format = oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      const lang = oneOf('lang', v.lang, ['ky', 'ru'] as const, 'ky');
      const dbFile = resolveDbFile({ dbFlag: v.db });
      const sheetIds = await withDb(v.db, (db) => {
        const sessionId = findSession(db, v.session!, findFaculty(db, v.faculty));
        return createGradeSheetsService(db).list(BATCH_READER, { sessionId }).rows.map((r) => r.id);
      });
      if (sheetIds.length === 0) throw new Error('that session has no grade sheets yet');
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const started = Date.now();
      const r = await exportBatch({
        dbFile,
        sheetIds,
        format,
        lang,
        blank: !!v.blank,
        out: v.out,
        workerFile: path.join(__dirname, '..', 'workers', 'grade-sheet-batch.cjs'),
        signal: controller.signal,
        onProgress: (p) => process.stderr.isTTY && process.stderr.write(`\r${p.done}/${p.total}`),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(`wrote ${r.files} sheets to ${r.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  },
};

export const gradesheetCommand: Command = {
  summary: 'grade sheets (ведомости): list, export, export-all',
  usage: Object.values(sub).map((c) => c.usage).join('\n       '),
  async run([name, ...rest]) {
    const c = name ? sub[name] : undefined;
    if (!c) throw new UsageError(`gradesheet: choose one of ${Object.keys(sub).join(', ')}`);
    await c.run(rest);
  },
};
