import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurriculaPage } from './pages/curricula.page';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
});
afterAll(() => app?.stop());

describe('the teaching department edits a curriculum', () => {
  it('adds a discipline to a semester, sees the credit total change, and gets bad values refused in place', async () => {
    await signInAs(page, app.openUrl, 'teaching', 'ky');

    // a full-time curriculum and two disciplines its first semester does not have yet
    const [cur] = app.query<{ id: string; specialty_id: string; intake_year: number; credits: number }>(
      `SELECT c.id, c.specialty_id, c.intake_year, (SELECT sum(credits) FROM curriculum_item WHERE curriculum_id = c.id AND semester = 1) AS credits
       FROM curriculum c WHERE c.form = 'full_time' ORDER BY c.intake_year DESC, c.specialty_id LIMIT 1`,
    );
    const free = app.query<{ id: string; name_ky: string }>(
      `SELECT id, name_ky FROM discipline WHERE id NOT IN (SELECT discipline_id FROM curriculum_item WHERE curriculum_id = ? AND semester = 1)
       ORDER BY name_ru LIMIT 2`,
      cur!.id,
    );
    const [added, other] = free;
    const curricula = await new CurriculaPage(page).open();
    await curricula.choose(cur!.specialty_id, cur!.intake_year, 'full_time', cur!.id);
    expect(await curricula.semesterCredits(1)).toBe(cur!.credits);

    await curricula.startAdding(1);
    await curricula.chooseDiscipline(added!.name_ky.slice(0, 6), added!.id);
    await curricula.fillCredits('4');
    expect(await curricula.hours()).toBe('120');
    await curricula.save();
    await curricula.waitSaved();
    await curricula.waitSemesterCredits(1, cur!.credits + 4);
    const items = () => app.query<{ n: number }>(`SELECT count(*) AS n FROM curriculum_item WHERE curriculum_id = ?`, cur!.id)[0]!.n;
    const saved = app.query<{ credits: number; hours: number; control_form: string }>(
      `SELECT credits, hours, control_form FROM curriculum_item WHERE curriculum_id = ? AND semester = 1 AND discipline_id = ?`,
      cur!.id,
      added!.id,
    );
    expect(saved).toEqual([{ credits: 4, hours: 120, control_form: 'exam' }]);
    expect(app.query(`SELECT action FROM audit_log WHERE action = 'curriculum_item.set'`)).toHaveLength(1);
    const count = items();

    // bad values are refused next to the field, before anything is sent
    await curricula.startAdding(1);
    await curricula.chooseDiscipline(other!.name_ky.slice(0, 6), other!.id);
    await curricula.fillCredits('0');
    await curricula.save();
    expect(await curricula.waitFieldError('credits', 'Кредиттер')).toBe('«Кредиттер»: 1 кем эмес');
    await curricula.fillCredits('төрт');
    await curricula.save();
    expect(await curricula.waitFieldError('credits', 'бүтүн сан')).toBe('«Кредиттер»: бүтүн сан керек');
    // and main's refusals land in place too: the discipline the semester already has
    await curricula.chooseDiscipline(added!.name_ky.slice(0, 6), added!.id);
    await curricula.fillCredits('3');
    await curricula.save();
    await curricula.waitFieldError('disciplineId', 'мурунтан эле бар');
    expect(items()).toBe(count);
    expect(await curricula.semesterCredits(1)).toBe(cur!.credits + 4);
  });
});
