import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkWithAutumnSheets, GradesPage } from './pages/grades.page';
import { SignInPage } from './pages/sign-in.page';
import { openEntryWindows, startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp({
    // the demo's entry window is calendar data; open it so the test does not depend on today's date
    prepareDb: openEntryWindows,
  });
  page = await app.newPage();
});
afterAll(() => app?.stop());

const sheetNo = (id: string) => app.query<{ number: string }>(`SELECT number FROM grade_sheet WHERE id = ?`, id)[0]!.number;

describe('a dean’s office clerk takes a sheet from blank to a signed PDF', () => {
  it('fills a sheet by keyboard and by pasting from Excel, closes it, and prints it', async () => {
    const { sessionId, grades: first } = await clerkWithAutumnSheets(app, page, 'ky');
    let grades = first;
    // a sheet whose students include Kyrgyz letters in their names
    const [sheet] = app.query<{ id: string; n: number }>(
      `SELECT gs.id, count(*) AS n FROM grade_sheet gs JOIN grade g ON g.sheet_id = gs.id JOIN student s ON s.id = g.student_id
       WHERE gs.session_id = ? GROUP BY gs.id
       HAVING sum(s.last_name LIKE '%ү%' OR s.last_name LIKE '%ө%' OR s.last_name LIKE '%ң%') > 0 AND count(*) BETWEEN 5 AND 40
       ORDER BY gs.seq LIMIT 1`,
      sessionId,
    );
    const n = sheet!.n;
    const grid = await grades.openSheet(sheet!.id);
    await grid.typeRow(0, ['25', '26', '30']);
    const block = Array.from({ length: n - 1 }, (_, i) => (i === n - 2 ? '20\t20\t\ta' : '20\t25\t15')).join('\r\n') + '\r\n';
    await grid.paste(1, 'm1', block);
    await grid.waitSaved();
    const totals = app.query<{ total: number | null; mark: string | null }>(`SELECT total, mark FROM grade WHERE sheet_id = ? ORDER BY position`, sheet!.id);
    expect(totals[0]).toEqual({ total: 81, mark: null });
    expect(totals.slice(1, -1).every((t) => t.total === 60)).toBe(true);
    expect(totals.at(-1)).toEqual({ total: null, mark: 'absent' });

    // a refused cell: the row stays on this computer, and the hints say to fix it, not to wait
    await grid.typeRow(0, ['31']);
    await page.waitForFunction(() => /сакталбайт/.test(document.querySelector('[data-testid="grade-close-hint"]')?.textContent ?? ''));
    expect(await page.getByTestId('teacher-import-hint').textContent()).toContain('оңдоңуз');
    // the reason is above the grid, in sight, not under a long sheet
    const [errorBox, gridBox] = [await page.getByTestId('grade-cell-error').boundingBox(), await page.getByTestId('grade-grid').boundingBox()];
    expect(errorBox!.y + errorBox!.height).toBeLessThanOrEqual(gridBox!.y + 1);
    expect(errorBox!.y).toBeGreaterThan(0);
    // the status line above the grid names the row, the column and why
    expect(await page.getByTestId('grade-save-held').textContent()).toMatch(/1-сап, 1-модуль: максимумдан \(30\) ашык/);

    // leaving asks first and names what is not saved; "Stay" keeps the sheet as it is
    await page.getByTestId('nav-students').click();
    expect(await page.getByTestId('leave-dialog').textContent()).toMatch(new RegExp(`${sheetNo(sheet!.id)} ведомость: 1 сап`));
    await page.getByTestId('leave-stay').click();
    expect(await grid.cell(0, 'm1').textContent()).toBe('31');
    // leaving anyway and coming back: the typed value is still there, still marked
    await page.getByTestId('grade-back').click();
    await page.getByTestId('leave-confirm').click();
    await page.getByTestId('grades-row').first().waitFor();
    await grades.openSheet(sheet!.id);
    expect(await grid.cell(0, 'm1').textContent()).toBe('31');
    expect(await grid.cell(0, 'm1').getAttribute('data-invalid')).toBe('true');
    // closing or reloading the window asks too (the browser's own question); after it, still there
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.type()))));
    await page.reload();
    expect(await asked).toBe('beforeunload');
    if (await page.getByTestId('signin-username').isVisible().catch(() => false)) await new SignInPage(page).signIn('clerk', 'unidesk-clerk');
    grades = await new GradesPage(page).open();
    await grades.chooseSession(sessionId);
    await grades.openSheet(sheet!.id);
    expect(await grid.cell(0, 'm1').textContent()).toBe('31');
    expect(app.query<{ total: number }>(`SELECT total FROM grade WHERE sheet_id = ? ORDER BY position LIMIT 1`, sheet!.id)[0]!.total).toBe(81);

    await grid.typeRow(0, ['25']);
    await grid.waitSaved();
    await page.waitForFunction(() => !/сакталбайт/.test(document.querySelector('[data-testid="grade-close-hint"]')?.textContent ?? ''));

    // complete, but not closable before the paper can say who examined and when
    expect(await page.getByTestId('grade-close').isDisabled()).toBe(true);
    expect(await page.getByTestId('grade-close-hint').textContent()).toContain('экзаменаторду');
    await grid.setExaminer();
    await grid.closeSheet();
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-e2e-pdf-')), 'sheet.pdf');
    await grid.download('grade-export-pdf-ky', pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    const names = app.query<{ last_name: string }>(`SELECT s.last_name FROM grade g JOIN student s ON s.id = g.student_id WHERE g.sheet_id = ?`, sheet!.id);
    for (const { last_name } of names) expect(text).toContain(last_name);
    expect(text).toContain('81');
    expect(text).toContain('келген жок');
    // the footer counts: one 4, the pasted 3s, one absent, and the average of the graded
    expect(text).toMatch(/4 \(жакшы\)\s+1\b/);
    expect(text).toMatch(new RegExp(`3 \\(канааттандырарлык\\)\\s+${n - 2}\\b`));
    expect(text).toMatch(/Келген жок\s+1\b/);
    const average = ((81 + 60 * (n - 2)) / (n - 1)).toFixed(1).replace('.', ',');
    expect(text).toMatch(new RegExp(`Орточо балл\\s+${average}`));
  });
});
