import path from 'node:path';
import { CliError, flags, oneOf, required, UsageError, withApi, type CliApi, type Command } from './cli-kit';
import { printInBatch } from './batch-print';
import { writeWhole } from './orders.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--student` is an id or the record book number printed on the student's card. */
export async function findStudent(api: CliApi, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const { rows } = await api.call('students.search', { query: ref, limit: 50 });
  const found = rows.find((r) => r.recordBookNo === ref);
  if (!found) throw new CliError('registrar.cli.noStudent', { ref });
  return found.id;
}

export const transcriptCommand: Command = {
  summary: 'write a student’s transcript (PDF or xlsx), or in bulk those of a group or of a graduation year into a folder or one ZIP',
  usage:
    'unidesk transcript (--student ID|RECORDBOOK --out FILE | --group NAME --out DIR|FILE.zip | --graduated YEAR --out DIR|FILE.zip) --lang ky|ru|en [--format pdf|xlsx] --user USERNAME [--db FILE]',
  async run(argv, locale) {
    const v = flags(argv, { user: { type: 'string' }, student: { type: 'string' }, group: { type: 'string' }, graduated: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    const out = path.resolve(required('out', v.out));
    const format = v.format === undefined ? 'pdf' : oneOf('format', v.format, ['pdf', 'xlsx'] as const);
    // --lang is the transcript's language here (and that of the messages)
    const lang = locale;
    if (v.group === undefined && v.graduated === undefined) {
      return withApi(v, locale, async (api) => {
        const studentId = await findStudent(api, required('student', v.student));
        const f = await api.call('transcripts.export', { studentId, lang, format });
        console.log(api.say('cli.wrote', { file: writeWhole(out, f.base64) }));
      });
    }
    const graduatedIn = v.graduated === undefined ? undefined : Number(v.graduated);
    if (graduatedIn !== undefined && !(Number.isInteger(graduatedIn) && graduatedIn >= 2000 && graduatedIn <= 2100)) throw new UsageError('cli.range', { flag: '--graduated', min: 2000, max: 2100 });
    await printInBatch(
      v,
      locale,
      out,
      'transcripts',
      async (api, zip) => {
        if (graduatedIn !== undefined) return api.call('transcripts.batchStart', { graduatedIn, lang, format, zip });
        const { groups } = await api.call('reference.scope', {});
        const group = groups.find((g) => g.name === v.group);
        if (!group) throw new CliError('registrar.cli.noGroup', { name: v.group! });
        return api.call('transcripts.batchStart', { groupId: group.id, lang, format, zip });
      },
      (api, job, seconds) => {
        console.log(api.say('registrar.cli.groupDone', { count: job.done, dir: out, seconds }));
        if (job.skipped > 0) console.log(api.say('registrar.cli.skipped', { count: job.skipped }));
      },
    );
  },
};
