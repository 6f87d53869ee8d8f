import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradingScalePage } from './pages/grading-scale.page';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
});
afterAll(() => app?.stop());

describe('an administrator changes the grading scale for the next academic year', () => {
  it('shows an overlapping band in place, then saves the changed scale as a new version', async () => {
    await signInAs(page, app.openUrl, 'admin', 'ru');
    const sheetsBefore = app.query<{ id: string; scale_id: string }>(`SELECT id, scale_id FROM grade_sheet ORDER BY id`);

    const scale = await new GradingScalePage(page).open();
    // the demo calendar has 2025-2026 and 2026-2027: the editor starts at the coming year
    expect(await scale.year()).toBe('2027-2028');

    // band 9 (D+ 55–59) stretched to 62 runs into band 8 (C- 60–64)
    await scale.set('bands.8.max', '62');
    await scale.save();
    expect(await scale.errorAt('bands.7.min')).toBe('Диапазон 8: «от» 60 пересекается с диапазоном 9 (55–62)');
    expect(app.query(`SELECT id FROM grading_scale WHERE from_academic_year_id = '2027-2028'`)).toEqual([]);

    // the fix follows the edit: C- now starts at 62, and one retake fewer
    await scale.set('bands.7.min', '62');
    await scale.set('bands.8.max', '61');
    expect(await scale.hasErrorAt('bands.7.min')).toBe(false);
    await scale.set('attemptLimit', '2');
    await scale.save();
    expect(await scale.savedNotice()).toBe('Сохранена версия 1 шкалы на 2027-2028 учебный год.');
    await scale.versionRow('2027-2028', 1);

    const [stored] = app.query<{ version: number; scale_json: string; created_by: string }>(
      `SELECT gs.version, gs.scale_json, u.username AS created_by FROM grading_scale gs JOIN app_user u ON u.id = gs.created_by WHERE gs.from_academic_year_id = '2027-2028'`,
    );
    expect(stored!.version).toBe(1);
    expect(stored!.created_by).toBe('admin');
    const saved = JSON.parse(stored!.scale_json) as { bands: { letter: string; min: number; max: number; gpa: number }[]; attemptLimit: number };
    expect(saved.attemptLimit).toBe(2);
    expect(saved.bands.find((b) => b.letter === 'C-')).toMatchObject({ min: 62, max: 64, gpa: 167 });
    expect(saved.bands.find((b) => b.letter === 'D+')).toMatchObject({ min: 55, max: 61 });
    expect(app.query(`SELECT action FROM audit_log WHERE action = 'grading_scale.save'`)).toHaveLength(1);
    // sheets made before keep the versions they were generated with
    expect(app.query(`SELECT id, scale_id FROM grade_sheet ORDER BY id`)).toEqual(sheetsBefore);
  });
});
