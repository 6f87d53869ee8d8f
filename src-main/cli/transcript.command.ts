import fs from 'node:fs';
import path from 'node:path';
import { fullName } from '../../src-shared/domain/person';
import { CliError, flags, oneOf, required, withApi, type CliApi, type Command } from './cli-kit';
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
  summary: 'write a student’s transcript (PDF or xlsx), or the transcripts of a whole group into a folder',
  usage:
    'unidesk transcript (--student ID|RECORDBOOK --out FILE | --group NAME --out DIR) --lang ky|ru|en [--format pdf|xlsx] --user USERNAME [--db FILE]',
  async run(argv, locale) {
    const v = flags(argv, { user: { type: 'string' }, student: { type: 'string' }, group: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    const out = required('out', v.out);
    const format = v.format === undefined ? 'pdf' : oneOf('format', v.format, ['pdf', 'xlsx'] as const);
    // --lang is the transcript's language here (and that of the messages)
    const lang = locale;
    await withApi(v, locale, async (api) => {
      if (!v.group) {
        const studentId = await findStudent(api, required('student', v.student));
        const f = await api.call('transcripts.export', { studentId, lang, format });
        return console.log(api.say('cli.wrote', { file: writeWhole(out, f.base64) }));
      }
      const { groups } = await api.call('reference.scope', {});
      const group = groups.find((g) => g.name === v.group);
      if (!group) throw new CliError('registrar.cli.noGroup', { name: v.group });
      const { rows } = await api.call('students.search', { groupId: group.id, limit: 500 });
      const dir = path.resolve(out);
      fs.mkdirSync(dir, { recursive: true });
      let written = 0;
      for (const [i, s] of rows.entries()) {
        console.error(api.say('registrar.cli.progress', { done: i + 1, total: rows.length }));
        const grades = await api.call('transcripts.grades', { studentId: s.id });
        if (grades.semesters.length === 0) {
          console.error(api.say('registrar.cli.skipped', { name: fullName(s) }));
          continue;
        }
        const f = await api.call('transcripts.export', { studentId: s.id, lang, format });
        writeWhole(path.join(dir, f.fileName), f.base64);
        written++;
      }
      console.log(api.say('registrar.cli.groupDone', { count: written, dir }));
    });
  },
};
