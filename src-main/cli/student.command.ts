import { isRealDate } from '../../src-shared/domain/dates';
import { studentStateOn } from '../features/orders/student-state';
import { flags, UsageError, withDb, type Command } from './cli-kit';

export const studentCommand: Command = {
  summary: 'a student’s state on a date, as JSON',
  usage: 'unidesk student state --student ID --date YYYY-MM-DD [--db FILE]',
  async run([name, ...rest]) {
    if (name !== 'state') throw new UsageError('student: the only subcommand is "state"');
    const v = flags(rest, { db: { type: 'string' }, student: { type: 'string' }, date: { type: 'string' } });
    if (!v.student) throw new UsageError('--student ID is required');
    if (!v.date || !isRealDate(v.date)) throw new UsageError('--date must be a real date YYYY-MM-DD');
    await withDb(v.db, (db) => {
      const exists = db.sqlite.prepare('SELECT 1 FROM student WHERE id = ?').get(v.student);
      if (!exists) throw new Error(`no student with id ${v.student}`);
      const s = studentStateOn(db, v.student!, v.date!);
      const group = s ? (db.sqlite.prepare('SELECT name FROM student_group WHERE id = ?').get(s.groupId) as { name: string }) : null;
      console.log(JSON.stringify(s ? { ...s, groupName: group?.name ?? null, date: v.date } : { studentId: v.student, date: v.date, status: null }, null, 2));
    });
  },
};
