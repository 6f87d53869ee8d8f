import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkWithAutumnSheets } from './pages/grades.page';
import { StudentsPage } from './pages/students.page';
import { OrdersPage } from './pages/orders.page';
import { openEntryWindows, startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
beforeAll(async () => {
  app = await startApp({ prepareDb: openEntryWindows });
  page = await app.newPage();
  // the office screen the layouts are made for
  await page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(() => app?.stop());

/** Elements of `selector` wholly inside the window: what a clerk sees without scrolling. */
const whollyVisible = (selector: string) =>
  page.evaluate(
    (s) =>
      [...document.querySelectorAll(s)].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      }).length,
    selector,
  );

/** Whether a scrolling box shows all its columns: nothing to scroll sideways to. */
const noHiddenColumns = (testId: string) =>
  page.evaluate((id) => {
    const e = document.querySelector(`[data-testid="${id}"]`)!;
    return e.scrollWidth <= e.clientWidth + 1;
  }, testId);

describe('what fits a 1366×768 screen (compact rows, the default on a screen this low)', () => {
  it('shows at least 20 list rows and 15 grid rows, each name on one line', async () => {
    const { grades, sessionId } = await clerkWithAutumnSheets(app, page, 'ky');
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    expect(await page.getByTestId('density-switch').getAttribute('aria-pressed')).toBe('true');
    const sheets = app.query<{ n: number }>(`SELECT count(*) AS n FROM grade_sheet WHERE session_id = ?`, sessionId)[0]!.n;
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-sheets.png') });
    expect(await whollyVisible('[data-testid="grades-row"]')).toBeGreaterThanOrEqual(Math.min(20, sheets));

    const [sheet] = app.query<{ id: string }>(
      `SELECT gs.id FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id WHERE gs.session_id = ? GROUP BY gs.id HAVING count(*) > 20 ORDER BY gs.seq LIMIT 1`,
      sessionId,
    );
    await grades.openSheet(sheet!.id);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-grid.png') });
    expect(await whollyVisible('[data-testid="grade-grid"] tbody tr.grade-grid-row')).toBeGreaterThanOrEqual(15);
    // every column in sight, to the letter and the traditional grade
    expect(await noHiddenColumns('grade-grid')).toBe(true);
    // one line per name: no row is as tall as two lines
    const heights = await page.locator('[data-testid="grade-grid"] tbody tr.grade-grid-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(Math.min(...heights) * 1.5);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-grid.png') });

    await new StudentsPage(page).open();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="students-row"]').length >= 25);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-students.png') });
    expect(await whollyVisible('[data-testid="students-row"]')).toBeGreaterThanOrEqual(20);
    // the filters stay on one line (two lines of selects would be over 100 px)
    const bar = (await page.getByTestId('students-filters').boundingBox())!;
    expect(bar.height).toBeLessThan(80);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-students.png') });

    await new OrdersPage(page).open();
    const orders = app.query<{ n: number }>(`SELECT count(*) AS n FROM student_order o JOIN app_user u ON u.username = 'clerk' AND u.faculty_id = o.faculty_id`)[0]!.n;
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-orders.png') });
    expect(await whollyVisible('[data-testid="orders-row"]')).toBeGreaterThanOrEqual(Math.min(20, orders));
  });

  it('opens a student card beside the list without hiding any of its columns', async () => {
    const students = await new StudentsPage(page).open();
    const id = (await page.locator('[data-testid="students-row"]').nth(2).getAttribute('data-student-id'))!;
    await students.openStudent(id);
    await page.getByTestId('student-card').waitFor();
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-card.png') });
    expect(await noHiddenColumns('students-list')).toBe(true);
    expect(await whollyVisible('[data-testid="students-row"]')).toBeGreaterThanOrEqual(20);
  });

  it('turns compact rows off and on from the top bar, and remembers the choice', async () => {
    await page.getByTestId('density-switch').click();
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('comfortable');
    const comfortable = await whollyVisible('[data-testid="students-row"]');
    await page.reload();
    await page.getByTestId('students-screen').waitFor().catch(() => undefined);
    await page.getByTestId('density-switch').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('comfortable');
    await page.getByTestId('density-switch').click();
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    await new StudentsPage(page).open();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="students-row"]').length >= 25);
    expect(await whollyVisible('[data-testid="students-row"]')).toBeGreaterThan(comfortable);
  });
});
