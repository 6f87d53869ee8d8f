import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, documentLanguage, flags, oneOf, required, UsageError, withApi, type CliApi, type Command, subcommands } from './cli-kit';
import { writeWhole } from './orders.command';
import { printInBatch } from './batch-print';

/** `--sheet` is the number printed on the sheet (e.g. 26-00042) or its id. */
async function findSheet(api: CliApi, ref: string): Promise<string> {
  const { rows } = await api.call('gradeSheets.list', {});
  const found = rows.find((r) => r.number === ref || r.id === ref);
  if (!found) throw new CliError('cli.notFound.sheet', { ref });
  return found.id;
}

/** A faculty by its code, with the groups it has (as far as the user's scope reaches). */
async function findFaculty(api: CliApi, code: string): Promise<{ id: string; groupIds: Set<string> }> {
  const { faculties, groups } = await api.call('reference.scope', {});
  const f = faculties.find((x) => x.code === code);
  if (!f) throw new CliError('cli.notFound.faculty', { code });
  return { id: f.id, groupIds: new Set(groups.filter((g) => g.facultyId === f.id).map((g) => g.id)) };
}

/** `--session` is an id or YEAR/TERM (2026-2027/autumn) together with `--faculty CODE`. */
async function findSession(api: CliApi, ref: string, faculty: { id: string | null; code?: string }): Promise<string> {
  const m = /^(\d{4}-\d{4})\/(autumn|spring|summer)$/.exec(ref);
  const { rows } = await api.call('gradeSheets.sessions', {});
  const found = rows.find((s) => (m ? s.academicYearId === m[1] && s.term === m[2] : s.id === ref) && (!faculty.id || s.facultyId === faculty.id));
  if (!found) throw new CliError('cli.notFound.session', { ref, faculty: faculty.code ?? 'none' });
  return found.id;
}

const USER = { user: { type: 'string' } } as const;

const sub: Record<string, Command> = {
  generate: {
    summary: 'generate the main sheets of a faculty session from the registrations',
    usage: 'unidesk gradesheet generate --faculty CODE --session YEAR/TERM|ID --user USERNAME [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, faculty: { type: 'string' }, session: { type: 'string' } });
      const code = required('faculty', v.faculty);
      const ref = required('session', v.session);
      await withApi(v, locale, async (api) => {
        const sessionId = await findSession(api, ref, { id: (await findFaculty(api, code)).id, code });
        const r = await api.call('gradeSheets.generate', { sessionId });
        console.log(api.say('cli.sheets.generated', { count: r.created }));
      });
    },
  },
  list: {
    summary: 'list grade sheets',
    usage: 'unidesk gradesheet list --user USERNAME [--faculty CODE] [--session YEAR/TERM|ID] [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, faculty: { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' } });
      await withApi(v, locale, async (api) => {
        const faculty = v.faculty ? await findFaculty(api, v.faculty) : null;
        const sessionId = v.session ? await findSession(api, v.session, { id: faculty?.id ?? null, code: v.faculty }) : undefined;
        let { rows } = await api.call('gradeSheets.list', { sessionId });
        if (faculty) rows = rows.filter((r) => faculty.groupIds.has(r.groupId));
        if (v.json) return console.log(JSON.stringify(rows, null, 2));
        const lang = api.locale;
        for (const r of rows) console.log([r.number, r.groupName, r.discipline[lang], r.kind, r.attempt, r.state, `${r.graded}/${r.students}`].join('\t'));
        console.log(api.say('cli.sheets.count', { count: rows.length }));
      });
    },
  },
  export: {
    summary: 'write one sheet as PDF or Excel, the Excel file for the teacher to fill in (--for-teacher), or a retake sheet\'s directions (--direction)',
    usage:
      'unidesk gradesheet export --sheet NUMBER (--format pdf|xlsx | --for-teacher | --direction) --out FILE --user USERNAME [--doc-lang ky|ru] [--blank] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, sheet: { type: 'string' }, format: { type: 'string' }, 'doc-lang': { type: 'string' }, blank: { type: 'boolean' }, 'for-teacher': { type: 'boolean' }, direction: { type: 'boolean' }, out: { type: 'string' } });
      const ref = required('sheet', v.sheet);
      const out = required('out', v.out);
      const lang = documentLanguage(v['doc-lang'], locale);
      // the teacher's file is made for filling in; the printed sheet for signing (both import back)
      const format = v['for-teacher'] || v.direction ? null : oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      await withApi(v, locale, async (api) => {
        const id = await findSheet(api, ref);
        const f = v.direction
          ? await api.call('gradeSheets.direction', { id, lang })
          : format === null
            ? await api.call('gradeSheets.exportTeacher', { id, lang })
            : await api.call('gradeSheets.export', { id, format, lang, blank: !!v.blank });
        console.log(api.say('cli.wrote', { file: writeWhole(out, f.base64) }));
      });
    },
  },
  import: {
    summary: 'read a teacher-filled xlsx back into a sheet (all or nothing)',
    usage: 'unidesk gradesheet import --sheet NUMBER FILE.xlsx --user USERNAME [--dry-run] [--reason TEXT --document NO] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      let parsed;
      try {
        parsed = parseArgs({
          args: argv,
          options: { db: { type: 'string' }, lang: { type: 'string' }, sheet: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean' }, reason: { type: 'string' }, document: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
      } catch (e) {
        throw new UsageError('cli.error', { message: (e as Error).message });
      }
      const v = parsed.values;
      const ref = required('sheet', v.sheet);
      const file = parsed.positionals[0];
      if (!file) throw new UsageError('cli.required', { flag: 'FILE.xlsx' });
      const base64 = fs.readFileSync(path.resolve(file)).toString('base64');
      await withApi(v, locale, async (api) => {
        const r = await api.call('gradeSheets.importTeacher', { id: await findSheet(api, ref), base64, apply: !v['dry-run'], reason: v.reason, documentNo: v.document });
        for (const p of r.problems) console.error(`${p.row ?? '—'}\t${p.studentName ?? ''}\t${p.column}\t${p.value}\t${p.message}`);
        if (r.problems.length) throw new CliError('cli.import.problems', { count: r.problems.length });
        if (!r.applied) return console.log(api.say('cli.import.dryRun', { count: r.changes, unchanged: r.unchanged }));
        console.log(api.say('cli.import.done', { count: r.changes, number: r.sheet.number }));
      });
    },
  },
  'export-all': {
    summary: 'write every sheet of a faculty session into a folder or one ZIP',
    usage: 'unidesk gradesheet export-all --faculty CODE --session YEAR/TERM|ID --format pdf|xlsx --out DIR|FILE.zip --user USERNAME [--doc-lang ky|ru] [--blank] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, faculty: { type: 'string' }, session: { type: 'string' }, format: { type: 'string' }, 'doc-lang': { type: 'string' }, blank: { type: 'boolean' }, out: { type: 'string' } });
      const code = required('faculty', v.faculty);
      const ref = required('session', v.session);
      const out = path.resolve(required('out', v.out));
      const format = oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      const lang = documentLanguage(v['doc-lang'], locale);
      await printInBatch(
        v,
        locale,
        out,
        'gradeSheets',
        async (api, zip) => {
          const sessionId = await findSession(api, ref, { id: (await findFaculty(api, code)).id, code });
          return api.call('gradeSheets.batchStart', { sessionId, format, lang, blank: !!v.blank, zip });
        },
        (api, job, seconds) => {
          console.log(api.say('cli.sheets.wroteAll', { count: job.done, out, seconds }));
          if (job.skipped > 0) console.log(api.say('grades.print.skipped', { count: job.skipped }));
        },
      );
    },
  },
};

export const gradesheetCommand: Command = subcommands('gradesheet', 'grade sheets (ведомости): generate, list, export, import, export-all', sub);
