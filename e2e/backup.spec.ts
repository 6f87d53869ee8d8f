/**
 * Backups as an office sees them (issue #11): the app copies the replica by itself, the Sync
 * screen makes a copy on demand, and restoring one brings the data back to that moment while
 * keeping the state it replaced as another backup.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** Another program's write to the replica (the app's own screens are tested elsewhere): a student's record-book number. */
function setBookNo(id: string, value: string): void {
  const db = new BetterSqlite3(app.dbFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE student SET record_book_no = ? WHERE id = ?').run(value, id);
  } finally {
    db.close();
  }
}

describe('backups of a workstation', () => {
  it('makes a copy by itself and on demand, and restores one after a confirmation that says what happens', async () => {
    await signInAs(page, app.openUrl, 'clerk', 'ru');
    const [student] = app.query<{ id: string; record_book_no: string }>('SELECT id, record_book_no FROM student ORDER BY id LIMIT 1');
    await page.getByTestId('nav-sync').click();
    const section = page.getByTestId('backup-section');
    await section.waitFor();
    // the daily copy was made when the app started
    await page.locator('[data-testid="backup-row"][data-reason="daily"]').waitFor();

    await page.getByTestId('backup-create').click();
    await page.getByTestId('backup-notice').waitFor();
    const manual = page.locator('[data-testid="backup-row"][data-reason="manual"]');
    await manual.waitFor();
    expect(await page.getByTestId('backup-notice').textContent()).toMatch(/Копия сделана: \d\d\.\d\d\.\d{4} \d\d:\d\d/);

    setBookNo(student!.id, 'E2E-RESTORE');
    await manual.getByTestId('backup-restore').click();
    const dialog = page.getByTestId('backup-restore-dialog');
    expect(await dialog.textContent()).toMatch(/Нынешнее состояние сначала сохранится отдельной копией/);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'backup-restore-confirm.png') });
    await page.getByTestId('backup-restore-confirm').click();
    await page.getByTestId('backup-notice').filter({ hasText: 'Восстановлена копия' }).waitFor();
    expect(app.query<{ record_book_no: string }>('SELECT record_book_no FROM student WHERE id = ?', student!.id)[0]!.record_book_no).toBe(student!.record_book_no);
    // the state it replaced is a backup of its own, listed first
    expect(await page.getByTestId('backup-row').first().getAttribute('data-reason')).toBe('restore');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'backup-restored.png') });
    const audit = app.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'backup.restore'`);
    expect(audit).toHaveLength(1);
  });
});
