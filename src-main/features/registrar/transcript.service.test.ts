/**
 * A student's grades and transcript (issue 13) from sheets closed through the grade sheet
 * service: the final attempt counts, the earlier ones stay as history, GPA and credits are the
 * hand-computed ones, and who may see them follows the scope policy.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { probePdf } from '../../documents/pdf/poppler.fixture';
import { IDS, USERS } from '../../testing/fixture';
import { createRetakes } from '../grade-sheets/grade-sheet-retakes';
import { refusal, sheetsFixture } from '../grade-sheets/grade-sheets.test-kit';
import { renderTranscript, transcriptInput } from './transcript-document';
import { studentGrades } from './transcript.service';

const registrar: SessionUser = { ...USERS.admin, id: '00000000-0000-7000-8000-000000000999', username: 'registrar', role: 'registrar', displayName: 'Мамытов Бакыт Эркин уулу' };
const clerk = USERS.clerkEcon;
let db: Database;

beforeAll(async () => {
  const f = await sheetsFixture();
  db = f.db;
  const { sheets } = f;
  sheets.registerGroup(clerk, { groupId: IDS.groupEcon1, academicYearId: '2026-2027', term: 'autumn' });
  const made = sheets.generate(clerk, '00000000-0000-7000-8000-00000000e001').sheets;
  const micro = made.find((s) => s.discipline.ru === 'Микроэкономика')!;
  const kyrgyz = made.find((s) => s.discipline.ru === 'Кыргызский язык')!;
  const close = (id: string, cells: { studentId: string; parts: Record<string, number>; mark?: 'absent' }[]) => {
    sheets.setGrades(clerk, { id, cells }, 'ru');
    sheets.close(clerk, { id, version: f.examined(id).version }, 'ru');
  };
  // Microeconomics (5 credits): Асанова FX 45, Жеңишбеков absent; both retake: 62 C- and 85 B+
  close(micro.id, [
    { studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 10 } },
    { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20 }, mark: 'absent' },
  ]);
  const retake = createRetakes(db, sheets).create(clerk, { parentSheetId: micro.id, studentIds: [IDS.studentAigerim, IDS.studentNurlan], kind: 'retake' }, 'ru');
  close(retake.id, [
    { studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 27 } },
    { studentId: IDS.studentNurlan, parts: { m1: 25, m2: 25, exam: 35 } },
  ]);
  // Kyrgyz (3 credits): Асанова 94 A-; Жеңишбеков 20 module points, not admitted, never retaken
  const others = sheets.detail(clerk, kyrgyz.id, 'ru').rows.filter((r) => r.studentId !== IDS.studentAigerim && r.studentId !== IDS.studentNurlan);
  close(kyrgyz.id, [
    { studentId: IDS.studentAigerim, parts: { m1: 28, m2: 28, exam: 38 } },
    { studentId: IDS.studentNurlan, parts: { m1: 10, m2: 10 } },
    ...others.map((r) => ({ studentId: r.studentId, parts: { m1: 20, m2: 20, exam: 20 } })),
  ]);
});
afterAll(() => db.close());

describe('a student’s grades', () => {
  it('counts the final attempt of a retaken discipline and keeps the earlier one as history', () => {
    const g = studentGrades(db, registrar, IDS.studentAigerim);
    expect(g.semesters.map((s) => s.semester)).toEqual([1]);
    const micro = g.semesters[0]!.lines.find((l) => l.discipline.en === 'Microeconomics')!;
    expect(micro.attempts.map((a) => [a.attempt, a.total, a.letter, a.kind])).toEqual([
      [1, 45, 'FX', 'main'],
      [2, 62, 'C-', 'retake'],
    ]);
    expect([micro.total, micro.letter, micro.gpaPoints, micro.traditional, micro.passed]).toEqual([62, 'C-', 167, 3, true]);
    // (5 × 1.67 + 3 × 3.67) / 8 = 2.42
    expect(g.semesters[0]).toMatchObject({ creditsEarned: 8, gpaCredits: 8, gpa: 242 });
    expect(g.cumulative).toEqual({ creditsEarned: 8, gpaCredits: 8, gpa: 242 });
  });

  it('counts a failed final attempt with no grade points and no credits earned', () => {
    const g = studentGrades(db, registrar, IDS.studentNurlan);
    const kyrgyz = g.semesters[0]!.lines.find((l) => l.discipline.en === 'Kyrgyz')!;
    expect([kyrgyz.attempts.at(-1)!.status, kyrgyz.passed, kyrgyz.gpaPoints, kyrgyz.traditional]).toEqual(['not_admitted', false, 0, 2]);
    const micro = g.semesters[0]!.lines.find((l) => l.discipline.en === 'Microeconomics')!;
    expect(micro.attempts.map((a) => a.status)).toEqual(['absent', 'graded']);
    // (5 × 3.33 + 3 × 0) / 8 = 2.08; only the 5 credits passed are earned
    expect(g.cumulative).toEqual({ creditsEarned: 5, gpaCredits: 8, gpa: 208 });
  });

  it('is shown to the registrar for everyone, to a dean’s office for its own faculty only, to nobody without grades.read', () => {
    expect(studentGrades(db, clerk, IDS.studentAigerim).semesters).toHaveLength(1);
    expect(refusal(() => studentGrades(db, USERS.clerkLaw, IDS.studentAigerim))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => studentGrades(db, USERS.accountant, IDS.studentAigerim))).toMatchObject({ code: 'forbidden' });
    expect(refusal(() => studentGrades(db, registrar, '00000000-0000-7000-8000-00000000ffff'))).toMatchObject({ code: 'not_found' });
  });

  it('refuses a transcript of a student with no closed sheet, saying why', () => {
    const none = db.sqlite.prepare(`SELECT id FROM student WHERE id NOT IN (SELECT student_id FROM grade) LIMIT 1`).pluck().get() as string;
    expect(refusal(() => transcriptInput(db, registrar, none))).toMatchObject({ code: 'validation', key: 'error.transcript.noGrades' });
  });
});

describe('the transcript', () => {
  const squash = (s: string) => s.replace(/\s+/g, ' ');

  it('prints Kyrgyz letters, the semester, the retake history and the GPA in Kyrgyz (pdftotext)', async () => {
    const input = transcriptInput(db, registrar, IDS.studentAigerim, '2027-02-01');
    const pdf = probePdf(await renderTranscript(input, 'ky', 'pdf'), 'transcript-ky');
    const text = squash(pdf.pages.join(' '));
    expect(text).toContain('ТРАНСКРИПТ');
    expect(text).toContain('Асанова Айгерим Бакыт кызы');
    expect(text).toContain('Туулган күнү');
    expect(text).toMatch(/[ңөү]/);
    expect(text).toContain('1-семестр (2026-2027 окуу жылы)');
    expect(text).toContain('мурунку аракеттер: 45 FX');
    expect(text).toContain('жалпы GPA: 2,42');
    expect(text).toContain('Мамытов Бакыт Эркин уулу');
    expect(text).toMatch(/1\s*\/\s*1|1-бет/);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('names the student in Latin letters and the disciplines in English in the English one', async () => {
    const input = transcriptInput(db, registrar, IDS.studentNurlan, '2027-02-01');
    const text = squash(probePdf(await renderTranscript(input, 'en', 'pdf'), 'transcript-en').pages.join(' '));
    expect(text).toContain('ACADEMIC TRANSCRIPT');
    expect(text).toContain('Zhenishbekov Nurlan Maratovich');
    expect(text).not.toMatch(/Жеңишбеков/);
    expect(text).toContain('Microeconomics');
    expect(text).toContain('earlier attempts: absent');
    expect(text).toMatch(/not .*admitted/);
    expect(text).toContain('Mamytov Bakyt Erkin uulu');
    expect(text).toContain('cumulative GPA: 2.08');
  });

  it('gives the same table as xlsx, its header row repeated on every printed page', async () => {
    const input = transcriptInput(db, registrar, IDS.studentAigerim, '2027-02-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderTranscript(input, 'ru', 'xlsx')) as never);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('Дисциплина');
    expect(cells.some((c) => c.startsWith('Микроэкономика') && c.includes('предыдущие попытки: 45 FX'))).toBe(true);
    expect(cells).toContain('Всего получено кредитов: 8; общий GPA: 2,42');
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ws.pageSetup.paperSize).toBe(9);
  });
});
