import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkWithAutumnSheets } from './pages/grades.page';
import { StudentsPage } from './pages/students.page';
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

describe('what fits a 1366×768 screen', () => {
  it('shows at least 14 students and 10 grid rows, each name on one line', async () => {
    const { grades, sessionId } = await clerkWithAutumnSheets(app, page, 'ky');
    const [sheet] = app.query<{ id: string }>(
      `SELECT gs.id FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id WHERE gs.session_id = ? GROUP BY gs.id HAVING count(*) > 20 ORDER BY gs.seq LIMIT 1`,
      sessionId,
    );
    await grades.openSheet(sheet!.id);
    expect(await whollyVisible('[data-testid="grade-grid"] tbody tr.grade-grid-row')).toBeGreaterThanOrEqual(10);
    // one line per name: no row is as tall as two lines
    const heights = await page.locator('[data-testid="grade-grid"] tbody tr.grade-grid-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(Math.min(...heights) * 1.5);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-grid.png') });

    await new StudentsPage(page).open();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="students-row"]').length >= 20);
    expect(await whollyVisible('[data-testid="students-row"]')).toBeGreaterThanOrEqual(14);
    // the filters stay on one line (two lines of selects would be over 100 px)
    const bar = (await page.getByTestId('students-filters').boundingBox())!;
    expect(bar.height).toBeLessThan(80);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'density-students.png') });
  });
});
