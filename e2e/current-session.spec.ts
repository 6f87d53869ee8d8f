/**
 * The demo's current session, partly under way (issue 13): the medical faculty's autumn sheets
 * exist, some with the first module typed, and they open like any sheet being filled.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradesPage } from './pages/grades.page';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
beforeAll(async () => {
  app = await startApp({});
  page = await app.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, app.openUrl, 'admin', 'ru');
}, 120_000);
afterAll(() => app?.stop());

describe('the current session in the demo', () => {
  it('lists the medical faculty’s open autumn sheets and shows the module points typed on one of them', async () => {
    const [session] = app.query<{ id: string; n: number }>(
      `SELECT ses.id, count(gs.id) AS n FROM academic_session ses JOIN faculty f ON f.id = ses.faculty_id JOIN grade_sheet gs ON gs.session_id = ses.id
       WHERE f.code = 'MED' AND ses.academic_year_id = '2026-2027' AND ses.term = 'autumn' GROUP BY ses.id`,
    );
    expect(session!.n).toBeGreaterThan(5);
    const [typed] = app.query<{ id: string; position: number; parts_json: string }>(
      `SELECT gs.id, g.position, g.parts_json FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id
       WHERE gs.session_id = ? AND g.parts_json <> '{}' ORDER BY gs.seq, g.position LIMIT 1`,
      session!.id,
    );
    const grades = await new GradesPage(page).open();
    await grades.chooseSession(session!.id);
    await page.locator(`[data-testid="grades-count"][data-total="${session!.n}"]`).waitFor();
    const grid = await grades.openSheet(typed!.id);
    expect(await page.getByTestId('grade-state').getAttribute('data-state')).toBe('open');
    const points = (JSON.parse(typed!.parts_json) as { m1: number }).m1;
    await expect.poll(() => grid.cell(typed!.position - 1, 'm1').textContent()).toContain(String(points));
    // the exam is still to come: nothing in its column yet
    expect((await grid.cell(typed!.position - 1, 'exam').textContent())?.trim()).toBe('');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'current-session.png') });
  });
});
