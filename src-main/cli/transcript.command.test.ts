import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureConsole } from '../testing/console-capture';
import { openDatabase } from '../db/connection';
import { generateDemo } from '../features/demo/demo.generator';
import { runCli } from './unidesk';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-cli-transcript-'));
const file = path.join(dir, 'u.sqlite');
const { err } = captureConsole();
/** a third-year economics student, and their group */
let student: { id: string; record_book_no: string; last_name: string; group: string };

beforeAll(async () => {
  const db = openDatabase(file);
  await generateDemo(db, { students: 300 });
  student = db.sqlite
    .prepare(
      `SELECT s.id, s.record_book_no, s.last_name, g.name AS "group" FROM student s JOIN student_group g ON g.id = s.group_id JOIN faculty f ON f.id = g.faculty_id
       WHERE s.status = 'active' AND s.course = 3 AND f.code = 'ECON' ORDER BY s.record_book_no LIMIT 1`,
    )
    .get() as typeof student;
  await db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, '--db', file], {});

describe('unidesk transcript', () => {
  it('writes a student’s transcript found by record book number, in English with four semesters', async () => {
    const pdf = path.join(dir, 'one.pdf');
    expect(await cli('transcript', '--student', student.record_book_no, '--lang', 'en', '--format', 'pdf', '--out', pdf, '--user', 'registrar')).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('ACADEMIC TRANSCRIPT');
    for (const n of [1, 2, 3, 4]) expect(text).toMatch(new RegExp(`Semester ${n} \\(20\\d\\d-20\\d\\d academic year\\)`));
    expect(text).not.toContain('Semester 5 ');
    expect(text).toContain('cumulative GPA');
    expect(text).not.toContain(student.last_name);
  });

  it('refuses a dean’s office of another faculty and an unknown student, saying which', async () => {
    // by record book the other faculty's student is not even found; by id the scope refuses it
    expect(await cli('transcript', '--student', student.record_book_no, '--lang', 'en', '--out', path.join(dir, 'x.pdf'), '--user', 'clerk2')).not.toBe(0);
    expect(await cli('transcript', '--student', student.id, '--lang', 'en', '--out', path.join(dir, 'x.pdf'), '--user', 'clerk2')).not.toBe(0);
    expect(err.join('\n')).toMatch(/another faculty/);
    expect(await cli('transcript', '--student', '99-99999', '--lang', 'en', '--out', path.join(dir, 'y.pdf'), '--user', 'registrar')).not.toBe(0);
    expect(err.join('\n')).toContain('no student "99-99999"');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
