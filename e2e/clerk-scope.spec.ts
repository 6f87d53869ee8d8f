import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../src-shared/i18n';
import { compareNames, fullName } from '../src-shared/domain/person';
import { SignInPage } from './pages/sign-in.page';
import { ShellPage } from './pages/shell.page';
import { StudentsPage } from './pages/students.page';
import { StudentCardPage } from './pages/student-card.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
let clerkFaculty: string;

interface StudentName {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
}

beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
  clerkFaculty = app.query<{ faculty_id: string }>(`SELECT faculty_id FROM app_user WHERE username = 'clerk'`)[0]!.faculty_id;
});
afterAll(() => app?.stop());

describe('a dean’s office clerk at work', () => {
  it('is refused with a clear message on a wrong password', async () => {
    const signIn = await new SignInPage(page).open(app.openUrl);
    await signIn.chooseLanguage('ru');
    // both fields empty: each says so under itself, and there is no summary banner to read instead
    await signIn.signIn('', '');
    await page.getByTestId('field-error-password').waitFor();
    expect(await page.getByTestId('field-error-username').textContent()).toBeTruthy();
    expect(await page.getByTestId('signin-error').count()).toBe(0);
    await signIn.signIn('clerk', 'wrong');
    expect(await signIn.error()).toContain('Неверное имя пользователя или пароль');
    expect(await page.getByTestId('field-error-username').count()).toBe(0);
  });

  it('signs in and sees the students of their own faculty only', async () => {
    await new SignInPage(page).signIn('clerk', 'unidesk-clerk');
    await new ShellPage(page).waitUntilSignedIn();
    const students = await new StudentsPage(page).open();
    const own = app.query<{ n: number }>(
      `SELECT count(*) AS n FROM student s JOIN student_group g ON g.id = s.group_id WHERE g.faculty_id = ?`,
      clerkFaculty,
    )[0]!.n;
    expect(await students.count()).toBe(own);
    const rows = await students.visibleRows();
    expect(rows.length).toBeGreaterThan(5);
    const faculties = app.query<{ faculty_id: string }>(
      `SELECT DISTINCT g.faculty_id FROM student s JOIN student_group g ON g.id = s.group_id WHERE s.id IN (${rows.map(() => '?').join(',')})`,
      ...rows.map((r) => r.id),
    );
    expect(faculties).toEqual([{ faculty_id: clerkFaculty }]);
  });

  it('scrolls the virtualized list to the last student in Kyrgyz alphabetical order', async () => {
    const all = app.query<StudentName>(
      `SELECT s.id, s.last_name, s.first_name, s.patronymic FROM student s JOIN student_group g ON g.id = s.group_id WHERE g.faculty_id = ?`,
      clerkFaculty,
    );
    const byName = all
      .map((r) => ({ id: r.id, lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }))
      .sort(compareNames);
    const students = new StudentsPage(page);
    await students.scrollToEnd();
    const lastId = byName[byName.length - 1]!.id;
    await page.locator(`[data-testid="students-row"][data-student-id="${lastId}"]`).waitFor();
    const rendered = (await students.visibleRows()).map((r) => r.id);
    expect(rendered.length).toBeLessThan(200);
    expect(rendered.at(-1)).toBe(lastId);
  });

  it('finds a student by a name with ң/ө/ү and opens the card with the status history', async () => {
    const [target] = app.query<StudentName>(
      `SELECT s.id, s.last_name, s.first_name, s.patronymic FROM student s JOIN student_group g ON g.id = s.group_id
       WHERE g.faculty_id = ? AND (s.last_name LIKE '%ү%' OR s.last_name LIKE '%ө%' OR s.last_name LIKE '%ң%')
       ORDER BY s.id LIMIT 1`,
      clerkFaculty,
    );
    expect(target).toBeDefined();
    const students = new StudentsPage(page);
    await students.search(`${target!.last_name} ${target!.first_name}`);
    const rows = await students.visibleRows();
    expect(rows.map((r) => r.id)).toContain(target!.id);
    for (const r of rows) expect(r.text).toContain(target!.last_name);

    await students.openStudent(target!.id);
    const card = new StudentCardPage(page);
    expect(await card.name()).toContain(fullName({ lastName: target!.last_name, firstName: target!.first_name, patronymic: target!.patronymic }));
    const history = app.query<{ n: number }>(`SELECT count(*) AS n FROM student_status_history WHERE student_id = ?`, target!.id)[0]!.n;
    expect(await card.historyRows()).toHaveLength(history);
  });

  it('switches the interface between Kyrgyz, Russian and English', async () => {
    const shell = new ShellPage(page);
    const navText = () => page.getByTestId('nav-students').textContent();
    for (const locale of ['ky', 'ru', 'en'] as const) {
      await shell.switchLanguage(locale);
      expect((await navText())?.trim()).toBe(catalogs[locale]['nav.students' as keyof (typeof catalogs)['ky']]);
    }
  });

  it('cannot reach another faculty’s student even with a forged request', async () => {
    const [other] = app.query<{ id: string }>(
      `SELECT s.id FROM student s JOIN student_group g ON g.id = s.group_id WHERE g.faculty_id <> ? LIMIT 1`,
      clerkFaculty,
    );
    const answer = await page.evaluate(async (id) => {
      const key = sessionStorage.getItem('unidesk.key') ?? '';
      const session = sessionStorage.getItem('unidesk.session') ?? '';
      const r = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-unidesk-key': key, 'x-unidesk-session': session },
        body: JSON.stringify({ op: 'students.get', payload: { id }, locale: 'ru' }),
      });
      return { status: r.status, body: await r.json() };
    }, other!.id);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      ok: false,
      error: { code: 'forbidden', message: catalogs.ru['error.forbidden.scope'] },
    });
  });
});

describe('roles shape the navigation', () => {
  it('HR has no students section; the admin also sees the audit log', async () => {
    const shell = new ShellPage(page);
    await shell.signOut();
    await new SignInPage(page).signIn('hr', 'unidesk-hr');
    await shell.waitUntilSignedIn();
    expect(await shell.hasNav('students')).toBe(false);
    await shell.signOut();
    await new SignInPage(page).signIn('admin', 'unidesk-admin');
    await shell.waitUntilSignedIn();
    expect(await shell.hasNav('students')).toBe(true);
    expect(await shell.hasNav('audit')).toBe(true);
  });
});
