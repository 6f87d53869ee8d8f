import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkWithAutumnSheets, GradesPage, type GradeGridPage } from './pages/grades.page';
import { ShellPage } from './pages/shell.page';
import { SignInPage } from './pages/sign-in.page';
import { openEntryWindows, startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
let grades: GradesPage;
let sessionId: string;
let sheets: { id: string; number: string; n: number }[];

beforeAll(async () => {
  app = await startApp({
    prepareDb: openEntryWindows,
  });
  page = await app.newPage();
  ({ sessionId, grades } = await clerkWithAutumnSheets(app, page, 'ru'));
  sheets = app.query(
    `SELECT gs.id, gs.number, count(g.id) AS n FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id WHERE gs.session_id = ? GROUP BY gs.id HAVING n BETWEEN 5 AND 40 ORDER BY gs.seq`,
    sessionId,
  );
});
afterAll(() => app?.stop());

async function backToList(): Promise<void> {
  await page.getByTestId('grade-back').click();
  await page.getByTestId('grades-tab-sheets').waitFor();
}

describe('a dean’s office clerk through an exam session', () => {
  it('prints the session’s blanks into one ZIP in the background, with progress, and can cancel a print', async () => {
    const total = app.query<{ n: number }>(`SELECT count(*) AS n FROM grade_sheet WHERE session_id = ?`, sessionId)[0]!.n;
    await page.getByTestId('grades-tab-print').click();
    await page.getByTestId('print-what').selectOption('blank');
    await page.getByTestId('print-format').selectOption('xlsx');
    await page.getByTestId('print-start').click();
    await page.locator('[data-testid="print-status"][data-state="done"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('print-status').getAttribute('data-done')).toBe(String(total));
    const out = (await page.getByTestId('print-path').textContent())!;
    expect(path.dirname(out)).toBe(app.exportsDir);
    const files = Object.keys(unzipSync(fs.readFileSync(out)));
    expect(files).toHaveLength(total);
    expect(files.every((f) => f.endsWith('-blank-ky.xlsx'))).toBe(true);

    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'session-print.png') });
    // the browser can take the ZIP itself (the folder is on the computer running UniDesk)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-download').click()]);
    const saved = path.join(app.exportsDir, '..', 'downloaded.zip');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).equals(fs.readFileSync(out))).toBe(true);
    fs.rmSync(saved);

    // nothing is entered yet: "filled" has nothing to print, and says to print blanks instead
    await page.getByTestId('print-what').selectOption('filled');
    await page.getByTestId('print-start').click();
    expect(await page.getByTestId('print-error').textContent()).toContain('бланки');

    // a second print, cancelled at once, leaves no file behind
    await page.getByTestId('print-what').selectOption('blank');
    await page.getByTestId('print-format').selectOption('pdf');
    await page.getByTestId('print-start').click();
    await page.getByTestId('print-cancel').click();
    // "cancelled" is shown only once the print has stopped and removed what it had written
    await page.locator('[data-testid="print-status"][data-state="cancelled"]').waitFor();
    expect(fs.readdirSync(app.exportsDir)).toEqual([path.basename(out)]);
    await page.getByTestId('grades-tab-sheets').click();
  });

  it('sets the examiner and exam date, and takes the teacher’s Excel back only after showing its problems', async () => {
    const sheet = sheets[0]!;
    const grid = await grades.openSheet(sheet.id);
    await page.getByTestId('examiner-panel').locator('summary').click();
    const firstExaminer = await page.getByTestId('examiner-select').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('examiner-select').selectOption(firstExaminer!);
    await page.getByTestId('examiner-date').fill('32.01.2027');
    await page.getByTestId('examiner-save').click();
    await page.getByTestId('field-error-examiner-date').waitFor();
    await page.getByTestId('examiner-date').fill('15.01.2027');
    await page.getByTestId('examiner-save').click();
    await page.getByTestId('examiner-saved').waitFor();
    expect(await page.getByTestId('examiner-summary').textContent()).toContain('15.01.2027');
    expect(app.query(`SELECT exam_date, examiner_staff_id FROM grade_sheet WHERE id = ?`, sheet.id)).toEqual([{ exam_date: '2027-01-15', examiner_staff_id: firstExaminer }]);

    await page.getByTestId('teacher-panel').locator('summary').click();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-e2e-teacher-'));
    await grid.download('teacher-export-ru', path.join(dir, 'teacher.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'teacher.xlsx'));
    const ws = wb.worksheets.find((w) => w.state === 'visible')!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (!header && row.getCell(1).value === '№') header = n;
    });
    const heads = ws.getRow(header).values as unknown[];
    const col = (h: string) => heads.findIndex((v) => typeof v === 'string' && v.startsWith(h));
    const fill = (i: number, m1: unknown, m2: unknown, exam: unknown) => {
      const row = ws.getRow(header + 1 + i);
      row.getCell(col('Модуль 1')).value = m1 as ExcelJS.CellValue;
      row.getCell(col('Модуль 2')).value = m2 as ExcelJS.CellValue;
      row.getCell(col('Экзамен')).value = exam as ExcelJS.CellValue;
    };
    fill(0, 25, 25, 30);
    fill(1, 45, 20, 20);
    await wb.xlsx.writeFile(path.join(dir, 'bad.xlsx'));
    await page.getByTestId('teacher-import-file').setInputFiles(path.join(dir, 'bad.xlsx'));
    await page.getByTestId('teacher-preview').waitFor();
    const problems = page.getByTestId('teacher-problem');
    expect(await problems.count()).toBe(1);
    const problem = (await problems.first().textContent())!;
    expect(problem).toContain(String(header + 2));
    expect(problem).toContain('45');
    expect(await page.getByTestId('teacher-apply').count()).toBe(0);
    expect(app.query(`SELECT count(*) AS n FROM grade WHERE sheet_id = ? AND total IS NOT NULL`, sheet.id)).toEqual([{ n: 0 }]);

    fill(1, 20, 20, 20);
    await wb.xlsx.writeFile(path.join(dir, 'good.xlsx'));
    await page.getByTestId('teacher-import-file').setInputFiles(path.join(dir, 'good.xlsx'));
    await page.locator('[data-testid="teacher-preview"][data-problems="0"][data-changes="2"]').waitFor();
    await page.getByTestId('teacher-apply').click();
    await page.getByTestId('teacher-applied').waitFor();
    expect(app.query(`SELECT total FROM grade WHERE sheet_id = ? ORDER BY position LIMIT 2`, sheet.id)).toEqual([{ total: 80 }, { total: 60 }]);
    expect(await grid.cell(0, 'm1').textContent()).toContain('25');
    await backToList();
  });

  it('makes a retake sheet from the FX students of a closed sheet', async () => {
    const sheet = sheets[1]!;
    const grid: GradeGridPage = await grades.openSheet(sheet.id);
    // everyone 45 points (FX) but the last, who gets 60
    const block = Array.from({ length: sheet.n }, (_, i) => (i === sheet.n - 1 ? '20\t20\t20' : '15\t15\t15')).join('\r\n') + '\r\n';
    await grid.paste(0, 'm1', block);
    await grid.waitSaved();
    await grid.setExaminer();
    await grid.closeSheet();
    await backToList();
    await page.getByTestId('grades-tab-retakes').click();
    const group = page.locator(`[data-testid="retake-group"][data-sheet-number="${sheet.number}"]`);
    await group.waitFor();
    expect(await group.getByTestId('retake-row').count()).toBe(sheet.n - 1);
    // one student is left out by the clerk
    await group.getByTestId('retake-row').first().locator('input').uncheck();
    await group.getByTestId('retake-create').click();
    await page.getByTestId('retake-created').waitFor();
    const [retake] = app.query<{ id: string; kind: string; attempt: number; parent_sheet_id: string; n: number }>(
      `SELECT gs.id, gs.kind, gs.attempt, gs.parent_sheet_id, count(g.id) AS n FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id WHERE gs.parent_sheet_id = ? GROUP BY gs.id`,
      sheet.id,
    );
    expect(retake).toMatchObject({ kind: 'retake', attempt: 2, parent_sheet_id: sheet.id, n: sheet.n - 2 });
    await page.getByTestId('retake-open').click();
    await page.locator(`[data-testid="grade-grid"][data-sheet-id="${retake!.id}"]`).waitFor();
    await backToList();
  });

  it('removes a discipline from one student’s registration and adds it back individually', async () => {
    const [s] = app.query<{ student_id: string; group_id: string; name: string }>(
      `SELECT g.student_id, st.group_id, d.name_ru AS name FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id JOIN student st ON st.id = g.student_id
       JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id JOIN discipline d ON d.id = ci.discipline_id
       WHERE gs.id = ? ORDER BY g.position LIMIT 1`,
      sheets[2]!.id,
    );
    await page.getByTestId('grades-tab-registration').click();
    await page.getByTestId('reg-group').selectOption(s!.group_id);
    await page.locator(`[data-testid="reg-student"] option[value="${s!.student_id}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('reg-student').selectOption(s!.student_id);
    const row = page.getByTestId('reg-row').filter({ hasText: s!.name });
    await row.getByTestId('reg-remove').click();
    await page.getByTestId('reg-notice').waitFor();
    expect(await page.getByTestId('reg-row').filter({ hasText: s!.name }).count()).toBe(0);
    expect(app.query(`SELECT count(*) AS n FROM grade WHERE sheet_id = ? AND student_id = ?`, sheets[2]!.id, s!.student_id)).toEqual([{ n: 0 }]);

    const option = page.getByTestId('reg-add-item').locator('option', { hasText: s!.name }).first();
    await page.getByTestId('reg-add-item').selectOption((await option.getAttribute('value'))!);
    await page.getByTestId('reg-add').click();
    await page.locator('[data-testid="reg-row"][data-source="individual"]').filter({ hasText: s!.name }).waitFor();
    expect(app.query(`SELECT position FROM grade WHERE sheet_id = ? AND student_id = ?`, sheets[2]!.id, s!.student_id)).toEqual([{ position: sheets[2]!.n + 1 }]);
  });

  it('registers every group of a course in one go, and says how many were registered', async () => {
    await page.getByTestId('grades-tab-sheets').click();
    const courses = app.query<{ course: number; n: number }>(
      `SELECT g.course, count(*) AS n FROM student_group g JOIN app_user u ON u.username = 'clerk' AND u.faculty_id = g.faculty_id GROUP BY g.course ORDER BY g.course LIMIT 1`,
    );
    await page.getByTestId('grades-register-group').selectOption(`course:${courses[0]!.course}`);
    await page.getByTestId('grades-register-submit').click();
    const notice = await page.getByTestId('grades-notice').textContent();
    // the demo registered its groups already: every group of the course answers, nothing is doubled
    expect(notice).toMatch(new RegExp(`^${courses[0]!.n} групп`));
    expect(notice).toContain('добавлено 0 записей');
  });

  it('shows a credit test as passed / not passed in the grid, from the credit-test pass mark', async () => {
    const [credit] = app.query<{ id: string }>(
      `SELECT gs.id FROM grade_sheet gs JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id WHERE gs.session_id = ? AND ci.control_form = 'credit' AND gs.state = 'open' ORDER BY gs.seq LIMIT 1`,
      sessionId,
    );
    expect(credit).toBeDefined();
    await page.getByTestId('grades-tab-sheets').click();
    const grid = await grades.openSheet(credit!.id);
    expect(await page.getByTestId('grade-grid').locator('thead').textContent()).toContain('Зачтено / не зачтено');
    await grid.typeRow(0, ['20', '20', '15']);
    await page.waitForFunction(() => document.querySelector('[data-testid="grade-result"]')?.textContent === 'зачтено');
    // admitted (31 ≥ 30) but 36 points in all: below the credit-test pass mark of 50
    await grid.typeRow(0, ['15', '16', '5']);
    await page.waitForFunction(() => document.querySelector('[data-testid="grade-result"]')?.textContent === 'не зачтено');
    expect(await page.getByTestId('grade-letter').count()).toBe(0);
    await grid.waitSaved();
    await backToList();
  });

  it('lets an administrator open entry for one sheet whose window has closed, with a reason', async () => {
    const sheet = sheets[3]!;
    const writer = new BetterSqlite3(app.dbFile);
    writer.prepare(`UPDATE academic_session SET entry_opens_on = '2000-01-01', entry_closes_on = '2000-01-31' WHERE id = ?`).run(sessionId);
    writer.close();
    const admin = await app.newPage();
    await new SignInPage(admin).open(app.openUrl);
    await new SignInPage(admin).signIn('admin', 'unidesk-admin');
    await new ShellPage(admin).waitUntilSignedIn();
    const adminGrades = await new GradesPage(admin).open();
    await adminGrades.chooseSession(sessionId);
    await admin.locator(`[data-testid="grades-row"][data-sheet-id="${sheet.id}"]`).click();
    await admin.locator('[data-testid="grade-window"][data-open="false"]').waitFor();
    await admin.getByTestId('exception-submit').click();
    await admin.getByTestId('field-error-exception-reason').waitFor();
    await admin.getByTestId('exception-from').fill('01.01.2026');
    await admin.getByTestId('exception-to').fill('31.12.2099');
    await admin.getByTestId('exception-reason').fill('Болезнь преподавателя, распоряжение декана № 17');
    await admin.getByTestId('exception-submit').click();
    await admin.locator('[data-testid="grade-window"][data-open="true"]').waitFor();
    expect(await admin.getByTestId('exception-list').textContent()).toContain('распоряжение декана № 17');
    expect(app.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'gradeSheet.exception' AND entity_id = ?`, sheet.id)).toEqual([{ n: 1 }]);
    await admin.close();
  });
});
