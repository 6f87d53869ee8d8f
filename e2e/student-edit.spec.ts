import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/shell.page';
import { SignInPage, signInAs } from './pages/sign-in.page';
import { StudentCardPage, StudentEditPage } from './pages/student-card.page';
import { StudentsPage } from './pages/students.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
let target: { id: string; last_name: string; first_name: string; record_book_no: string };

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
  target = app.query<typeof target>(
    `SELECT id, last_name, first_name, record_book_no FROM student WHERE pin IS NOT NULL AND status = 'active' ORDER BY id LIMIT 1 OFFSET 77`,
  )[0]!;
});
afterAll(() => app?.stop());

describe('students’ HR corrects a record, and the change is audited', () => {
  it('refuses a ПИН that is not 14 digits, naming the field, and saves nothing', async () => {
    await signInAs(page, app.openUrl, 'studhr', 'ru');
    const students = await new StudentsPage(page).open();
    await students.search(target.record_book_no);
    await students.openStudent(target.id);
    const edit = new StudentEditPage(page);
    await edit.start();
    await edit.fill('pin', '1234567');
    await edit.save();
    expect(await edit.fieldError('pin')).toContain('ПИН');
    // the wrong field has the focus, so it is in view however long the form is
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'edit-pin');
    expect(app.query(`SELECT count(*) AS n FROM audit_log`)).toEqual([{ n: 0 }]);
    // the correction is not saved: another section asks first, naming the student; Escape means "stay"
    await page.getByTestId('nav-orders').click();
    expect(await page.getByTestId('leave-dialog').textContent()).toContain(`${target.last_name} ${target.first_name}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('leave-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('edit-pin').inputValue()).toBe('1234567');
  });

  it('saves a new record-book number with an audit entry and an outbox mutation', async () => {
    const edit = new StudentEditPage(page);
    const pin = app.query<{ pin: string }>(`SELECT pin FROM student WHERE id = ?`, target.id)[0]!.pin;
    await edit.fill('pin', pin);
    await edit.fill('recordBookNo', 'E2E-0001');
    await edit.save();
    await edit.savedNotice();
    expect(await new StudentCardPage(page).text()).toContain('E2E-0001');
    const audit = app.query<{ action: string; old_json: string; new_json: string; username: string; tx_id: string }>(
      `SELECT a.action, a.old_json, a.new_json, u.username, a.tx_id FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE a.entity_id = ?`,
      target.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'student.update', username: 'studhr' });
    expect(JSON.parse(audit[0]!.old_json)).toEqual({ record_book_no: target.record_book_no });
    expect(JSON.parse(audit[0]!.new_json)).toEqual({ record_book_no: 'E2E-0001' });
    expect(app.query(`SELECT name, tx_id FROM outbox WHERE entity_id = ?`, target.id)).toEqual([
      { name: 'student.update', tx_id: audit[0]!.tx_id },
    ]);
  });

  it('shows the change in the admin’s audit log', async () => {
    const shell = new ShellPage(page);
    await shell.signOut();
    await new SignInPage(page).signIn('admin', 'unidesk-admin');
    await shell.waitUntilSignedIn();
    await page.getByTestId('nav-audit').click();
    const row = page.locator(`[data-testid="audit-row"][data-entity-id="${target.id}"]`);
    await row.waitFor();
    const text = (await row.textContent())!;
    // in words: the action, the student by name, the field with its old and new value
    expect(text).toContain('Исправлена карточка студента');
    expect(text).toContain(`${target.last_name} ${target.first_name}`);
    expect(text).toContain(`${target.record_book_no}→E2E-0001`);
    expect(text).not.toContain('student.update');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'audit-log.png') });
    // filtered to orders, the correction is not listed; back to everything, it is
    await page.getByTestId('audit-action').selectOption('order');
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('audit-action').selectOption('student');
    await row.waitFor();
  });
});
