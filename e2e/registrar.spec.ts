/**
 * The registrar's office (issue 13) in the browser: a student's Grades tab, semester by semester
 * with GPA, and the transcript printed from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/shell.page';
import { SignInPage } from './pages/sign-in.page';
import { StudentsPage } from './pages/students.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
beforeAll(async () => {
  app = await startApp({});
  page = await app.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await (await new SignInPage(page).open(app.openUrl)).chooseLanguage('ru');
  await new SignInPage(page).signIn('registrar', 'unidesk-registrar');
  await new ShellPage(page).waitUntilSignedIn();
}, 120_000);
afterAll(() => app?.stop());

describe('the Grades tab', () => {
  it('shows a fourth-year student’s six semesters with GPA and prints the transcript', async () => {
    const [s] = app.query<{ id: string; record_book_no: string; last_name: string }>(
      `SELECT s.id, s.record_book_no, s.last_name FROM student s JOIN student_status_history h ON h.student_id = s.id
       WHERE s.status = 'active' AND s.course = 4 GROUP BY s.id HAVING count(*) = 4 ORDER BY s.record_book_no LIMIT 1`,
    );
    const students = await new StudentsPage(page).open();
    await students.search(s!.record_book_no);
    await students.openStudent(s!.id);
    await page.getByTestId('card-tab-grades').click();
    await page.locator('[data-testid="student-grades"][data-loading="false"]').waitFor();
    for (const n of [1, 2, 3, 4, 5, 6]) await page.getByTestId(`grades-semester-${n}`).waitFor();
    expect(await page.getByTestId('grades-semester-7').count()).toBe(0);
    expect(await page.getByTestId('grades-cumulative').textContent()).toMatch(/^Всего кредитов \d+ · общий GPA \d,\d\d$/);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'registrar-grades.png') });

    await page.getByTestId('transcript-lang').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('transcript-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`transcript-${s!.record_book_no}-en.pdf`);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
