import { isRealDate } from '../../src-shared/domain/dates';
import { flags, required, UsageError, withApi, type Command } from './cli-kit';

export const studentCommand: Command = {
  summary: 'a student’s state on a date, as JSON',
  usage: 'unidesk student state --student ID --date YYYY-MM-DD --user USERNAME [--lang ky|ru|en] [--db FILE]',
  async run([name, ...rest], locale) {
    if (name !== 'state') throw new UsageError('cli.chooseSub', { command: 'student', choices: 'state' });
    const v = flags(rest, { user: { type: 'string' }, student: { type: 'string' }, date: { type: 'string' } });
    const student = required('student', v.student);
    if (!v.date || !isRealDate(v.date)) throw new UsageError('cli.realDate', { flag: '--date' });
    const date = v.date;
    await withApi(v, locale, async (api) => {
      // the card first: an unknown id or a student outside the user's scope is refused here, in their words
      await api.call('students.get', { id: student });
      const s = await api.call('students.stateOn', { id: student, date });
      console.log(JSON.stringify(s ? { ...s, date } : { studentId: student, date, status: null }, null, 2));
    });
  },
};
