import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/shell.page';
import { SignInPage, signInAs } from './pages/sign-in.page';
import { StudentsPage } from './pages/students.page';
import { OrderEditorPage, OrdersPage } from './pages/orders.page';
import { startApp, type RunningApp } from './support/app';
import { addDays, formatDate } from '../src-shared/domain/dates';
import { DEFAULT_TIME_ZONE, isoDateIn } from '../src-shared/domain/today';

let app: RunningApp;
let page: Page;
let group: { id: string; name: string; faculty_id: string };
let signedOrderId = '';
let number = '';

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
  // A first-course group of the clerk's faculty whose students are all studying.
  group = app.query<typeof group>(
    `SELECT g.id, g.name, g.faculty_id FROM student_group g JOIN app_user u ON u.username = 'clerk' AND u.faculty_id = g.faculty_id
     WHERE g.course = 1 AND NOT EXISTS (SELECT 1 FROM student s WHERE s.group_id = g.id AND s.status <> 'active')
       AND EXISTS (SELECT 1 FROM student s WHERE s.group_id = g.id)
     ORDER BY g.name LIMIT 1`,
  )[0]!;
});
afterAll(() => app?.stop());

describe('students’ HR promotes a group by a signed order', () => {
  it('drafts the order, sees the preview, signs it and gets a number', async () => {
    await signInAs(page, app.openUrl, 'studhr', 'ky');
    const editor = await (await new OrdersPage(page).open()).startNew();
    await editor.setType('promotion');
    await editor.setEffectiveDate('20.11.2026');
    await editor.setReason('Окумуштуулар кеңешинин чечими, №3');
    await editor.addGroup(group.id);
    const members = app.query<{ n: number }>(`SELECT count(*) AS n FROM student WHERE group_id = ?`, group.id)[0]!.n;
    expect(await editor.itemCount()).toBe(members);
    expect(await editor.save()).toEqual({ total: members, problems: 0 });
    // a Russian copy of the order needs its own basis: no signing until it is written
    expect(await editor.signBlocker()).toBe('orders.signHint.basis');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'order-basis-missing.png') });
    await editor.setReasonRu('Решение учёного совета, №3');
    await editor.save();
    expect(await editor.signBlocker()).toBeNull();
    number = await editor.sign('20.11.2026');
    signedOrderId = await editor.orderId();
    expect(number).toMatch(/^\d+-п$/);
    const after = app.query<{ course: number; n: number }>(`SELECT course, count(*) AS n FROM student WHERE group_id = ? GROUP BY course`, group.id);
    expect(after).toEqual([{ course: 2, n: members }]);
  });

  it('shows the change on a promoted student’s timeline, with the order number', async () => {
    const [s] = app.query<{ id: string; record_book_no: string }>(`SELECT id, record_book_no FROM student WHERE group_id = ? ORDER BY id LIMIT 1`, group.id);
    const students = await new StudentsPage(page).open();
    await students.search(s!.record_book_no);
    await students.openStudent(s!.id);
    const entry = page.locator(`[data-testid="student-history-row"][data-order-id="${signedOrderId}"]`);
    await entry.waitFor();
    expect(await entry.getAttribute('data-kind')).toBe('promotion');
    expect(await entry.textContent()).toContain(number);
  });

  it('signs a promotion dated ahead: today nobody moves, the card says from when (and the timeline waits)', async () => {
    const ahead = addDays(isoDateIn(DEFAULT_TIME_ZONE, new Date()), 10);
    const [other] = app.query<{ id: string }>(
      `SELECT g.id FROM student_group g JOIN specialty sp ON sp.id = g.specialty_id
       WHERE g.course < sp.duration_years AND g.id <> ? AND NOT EXISTS (SELECT 1 FROM student s WHERE s.group_id = g.id AND (s.status <> 'active' OR s.course <> g.course))
         AND EXISTS (SELECT 1 FROM student s WHERE s.group_id = g.id)
       ORDER BY g.name LIMIT 1`,
      group.id,
    );
    const editor = await (await new OrdersPage(page).open()).startNew();
    await editor.setType('promotion');
    await editor.setEffectiveDate(formatDate(ahead));
    await editor.setReason('Окумуштуулар кеңешинин чечими, №4');
    await editor.setReasonRu('Решение учёного совета, №4');
    await editor.addGroup(other!.id);
    await editor.save();
    const no = await editor.sign();
    const orderId = await editor.orderId();
    const [{ course }] = app.query<{ course: number }>(`SELECT course FROM student_group WHERE id = ?`, other!.id) as [{ course: number }];
    expect(app.query(`SELECT DISTINCT course FROM student WHERE group_id = ?`, other!.id)).toEqual([{ course }]);

    const [s] = app.query<{ id: string; record_book_no: string }>(`SELECT id, record_book_no FROM student WHERE group_id = ? ORDER BY id LIMIT 1`, other!.id);
    const students = await new StudentsPage(page).open();
    await students.search(s!.record_book_no);
    await students.openStudent(s!.id);
    const coming = page.getByTestId('student-coming');
    await coming.waitFor();
    expect(await coming.textContent()).toContain(`${formatDate(ahead)} баштап`);
    expect(await coming.textContent()).toContain(no);
    const entry = page.locator(`[data-testid="student-history-row"][data-order-id="${orderId}"]`);
    expect(await entry.getAttribute('data-pending')).toBe('true');
    expect(await entry.getByTestId('history-pending-note').textContent()).toContain(formatDate(ahead));
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'order-ahead-card.png') });
  });

  it('gives students’ HR the drafts waiting for a signature, and opens one from there', async () => {
    const orders = await new OrdersPage(page).open({ signer: true });
    const waiting = app.query<{ id: string }>(`SELECT id FROM student_order WHERE state = 'draft'`).map((r) => r.id);
    const tray = (await orders.toSign())!;
    expect(tray.map((o) => o.id).sort()).toEqual([...waiting].sort());
    expect(tray.map((o) => o.id)).not.toContain(signedOrderId);
    // the demo's drafts are complete: both ready
    expect(tray.every((o) => o.ready)).toBe(true);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'orders-to-sign.png') });
    await page.locator(`[data-testid="orders-to-sign-item"][data-order-id="${tray[0]!.id}"]`).click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="order-editor"]')?.getAttribute('data-order-id') === id, tray[0]!.id);
    expect(await new OrderEditorPage(page).canSign()).toBe(true);
  });

  it('loses no order typed and not saved: a click elsewhere asks first, and the draft comes back, also after a restart', async () => {
    const other = app.query<{ id: string }>(`SELECT id FROM student_group WHERE course = 2 AND id <> ? ORDER BY name LIMIT 1`, group.id)[0]!;
    const editor = await (await new OrdersPage(page).open({ signer: true })).startNew();
    await editor.setType('promotion');
    await editor.setReason('Окумуштуулар кеңешинин чечими, №4');
    await editor.addGroup(other.id);
    const members = await editor.itemCount();
    expect(members).toBeGreaterThan(5);
    // another section: the question names what would be left, and "Stay" changes nothing
    await page.getByTestId('nav-students').click();
    const dialog = page.getByTestId('leave-dialog');
    expect(await dialog.textContent()).toContain(`Жаңы буйрук сакталган жок (${members} студент)`);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'leave-dialog.png') });
    await page.getByTestId('leave-stay').click();
    expect(await editor.itemCount()).toBe(members);
    await page.getByTestId('nav-students').click();
    await page.getByTestId('leave-confirm').click();
    await page.getByTestId('students-screen').waitFor();

    // back in Orders: the unsaved new order is offered, and "Continue" brings every student back
    await page.getByTestId('nav-orders').click();
    expect(await page.getByTestId('orders-kept-new').textContent()).toContain(`${members} студент`);
    await page.getByTestId('orders-kept-new-continue').click();
    await page.getByTestId('order-restored').waitFor();
    expect(await editor.itemCount()).toBe(members);
    expect(await page.getByTestId('order-reason').inputValue()).toBe('Окумуштуулар кеңешинин чечими, №4');
    expect(await editor.save()).toEqual({ total: members, problems: 0 });
    const id = await editor.orderId();

    // a saved draft edited again, then the window reloads (the browser asks first): the edit is back
    await editor.setReasonRu('Решение учёного совета, №4');
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.accept().then(() => resolve(d.type()))));
    await page.reload();
    expect(await asked).toBe('beforeunload');
    if (await page.getByTestId('signin-username').isVisible().catch(() => false)) await new SignInPage(page).signIn('studhr', 'unidesk-studhr');
    await new OrdersPage(page).open({ signer: true });
    await page.locator(`[data-testid="orders-row"][data-order-id="${id}"]`).click();
    await page.getByTestId('order-restored').waitFor();
    expect(await page.getByTestId('order-reason-ru').inputValue()).toBe('Решение учёного совета, №4');
    expect(app.query<{ reason_ru: string | null }>(`SELECT reason_ru FROM student_order WHERE id = ?`, id)[0]!.reason_ru ?? '').toBe('');
    // "Undo" goes back to what the server has, and nothing is asked any more
    await page.getByTestId('order-restored-undo').click();
    expect(await page.getByTestId('order-reason-ru').inputValue()).toBe('');
    await page.getByTestId('order-back').click();
    await page.getByTestId('orders-count').waitFor();
    expect(await page.getByTestId('leave-dialog').count()).toBe(0);
  });

  it('stays invisible to a dean’s office clerk of another faculty, even by a forged request', async () => {
    const shell = new ShellPage(page);
    await shell.signOut();
    await new SignInPage(page).signIn('clerk2', 'unidesk-clerk2');
    await shell.waitUntilSignedIn();
    const orders = await new OrdersPage(page).open();
    expect(await orders.listedIds()).not.toContain(signedOrderId);
    const forged = await page.evaluate(async (id) => {
      const r = await fetch('/api/call', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-unidesk-key': sessionStorage.getItem('unidesk.key') ?? '',
          'x-unidesk-session': sessionStorage.getItem('unidesk.session') ?? '',
        },
        body: JSON.stringify({ op: 'orders.get', payload: { id }, locale: 'ky' }),
      });
      return { status: r.status, code: (await r.json()).error?.code };
    }, signedOrderId);
    expect(forged).toEqual({ status: 403, code: 'forbidden' });
  });

  it('lets the clerk of the faculty see it, but not sign drafts', async () => {
    const shell = new ShellPage(page);
    await shell.signOut();
    await new SignInPage(page).signIn('clerk', 'unidesk-clerk');
    await shell.waitUntilSignedIn();
    const orders = await new OrdersPage(page).open();
    expect(await orders.listedIds()).toContain(signedOrderId);
    // a clerk prepares, students' HR signs: no in-tray here
    expect(await orders.toSign()).toBeNull();
    const [draft] = app.query<{ id: string }>(`SELECT o.id FROM student_order o JOIN app_user u ON u.id = o.created_by WHERE o.state = 'draft' AND u.username = 'clerk'`);
    await page.locator(`[data-testid="orders-row"][data-order-id="${draft!.id}"]`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="order-editor"]')?.getAttribute('data-state') === 'draft');
    expect(await new OrderEditorPage(page).canSign()).toBe(false);
    await page.getByTestId('order-sign-hint').waitFor();
  });
});
