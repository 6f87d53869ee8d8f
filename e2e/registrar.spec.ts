/**
 * The registrar's office (issue 13) in the browser: a student's Grades tab, semester by semester
 * with GPA, and the transcript printed from it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCode, encodeCode } from '../src-shared/domain/document-code';
import { signInAs } from './pages/sign-in.page';
import { StudentsPage } from './pages/students.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
beforeAll(async () => {
  app = await startApp({});
  page = await app.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, app.openUrl, 'registrar', 'ru');
}, 120_000);
afterAll(() => app?.stop());

describe('the Grades tab', () => {
  it('shows a fourth-year student’s six semesters with GPA and prints the transcript', async () => {
    const [s] = app.query<{ id: string; record_book_no: string; last_name: string }>(
      `SELECT s.id, s.record_book_no, s.last_name FROM student s JOIN student_status_history h ON h.student_id = s.id
       WHERE s.status = 'active' AND s.course = 4 GROUP BY s.id HAVING count(*) = 4 ORDER BY s.record_book_no LIMIT 1`,
    );
    const students = await new StudentsPage(page).open();
    await students.search(s!.record_book_no);
    await students.openStudent(s!.id);
    await page.getByTestId('card-tab-grades').click();
    await page.locator('[data-testid="student-grades"][data-loading="false"]').waitFor();
    for (const n of [1, 2, 3, 4, 5, 6]) await page.getByTestId(`grades-semester-${n}`).waitFor();
    expect(await page.getByTestId('grades-semester-7').count()).toBe(0);
    expect(await page.getByTestId('grades-cumulative').textContent()).toMatch(/^Всего кредитов \d+ · общий GPA \d,\d\d$/);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'registrar-grades.png') });

    await page.getByTestId('transcript-lang').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('transcript-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`transcript-${s!.record_book_no}-en.pdf`);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('certificates and verification', () => {
  const result = async () => {
    await page.getByTestId('verify-result').waitFor();
    return { valid: await page.getByTestId('verify-result').getAttribute('data-valid'), text: (await page.getByTestId('verify-result').textContent()) ?? '' };
  };

  it('issues a certificate of study; the Verify screen accepts its code and a photo of its QR, refuses a changed code, and a revoked one', async () => {
    const [s] = app.query<{ id: string; record_book_no: string; last_name: string }>(
      `SELECT id, record_book_no, last_name FROM student WHERE status = 'active' AND course = 2 ORDER BY record_book_no LIMIT 1`,
    );
    await page.getByTestId('nav-registrar').click();
    await page.getByTestId('registrar-student-query').fill(s!.record_book_no);
    await page.getByTestId('registrar-student-search').click();
    await page.locator(`[data-testid="registrar-student"][data-student-id="${s!.id}"]`).click();
    await page.getByTestId('certificate-lang').selectOption('ru');
    await page.getByTestId('certificate-purpose').fill('в Социальный фонд');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificate-issue').click()]);
    await page.getByTestId('certificate-issued').waitFor();
    expect(await page.getByTestId('certificate-issued').textContent()).toMatch(/№ A1-000001/);
    const pdf = path.join(__dirname, '.artifacts', 'registrar-certificate.pdf');
    fs.copyFileSync(await download.path(), pdf);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'registrar-issue.png') });

    const [row] = app.query<{ code: string }>(`SELECT code FROM issued_document WHERE number = 'A1-000001'`);
    await page.getByTestId('registrar-tab-verify').click();
    await page.getByTestId('verify-code').fill(`https://verify.unidesk.example/verify#${row!.code}`);
    await page.getByTestId('verify-check').click();
    const ok = await result();
    expect(ok.valid).toBe('true');
    expect(ok.text).toContain(s!.last_name);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'registrar-verify.png') });

    // the printed page, as a phone photographs it
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, path.join(__dirname, '.artifacts', 'registrar-certificate')]);
    await page.getByTestId('verify-code').fill('');
    await page.getByTestId('verify-image').setInputFiles(path.join(__dirname, '.artifacts', 'registrar-certificate.png'));
    // the code read from the photo fills the box, and its check answers
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[data-testid="verify-code"]')?.value ?? '').startsWith('https://'));
    await page.locator('[data-testid="verify-result"][data-valid="true"]').waitFor();

    const sealed = decodeCode(row!.code)!;
    await page.getByTestId('verify-code').fill(encodeCode({ ...sealed, fields: { ...sealed.fields, course: 4 } }));
    await page.getByTestId('verify-check').click();
    await page.locator('[data-testid="verify-result"][data-valid="false"]').waitFor();
    expect((await result()).text).toMatch(/Подписанные данные изменены/);

    await page.getByTestId('registrar-tab-register').click();
    await page.locator('[data-testid="register-row"][data-number="A1-000001"] [data-testid="register-revoke"]').click();
    await page.getByTestId('revoke-reason').fill('выдана по ошибке');
    await page.getByTestId('revoke-confirm').click();
    await page.locator('[data-testid="register-row"][data-number="A1-000001"] [data-testid="register-revoked"]').waitFor();
    await page.getByTestId('registrar-tab-verify').click();
    await page.getByTestId('verify-code').fill(row!.code);
    await page.getByTestId('verify-check').click();
    await page.locator('[data-testid="verify-result"][data-valid="false"]').waitFor();
    expect((await result()).text).toMatch(/аннулирован университетом: выдана по ошибке/);
  });
});

describe('transcripts in bulk', () => {
  it('prints a group’s transcripts into one ZIP in the background, skipping no one with grades, and says what is missing', async () => {
    const [g] = app.query<{ id: string; name: string; books: string }>(
      `SELECT g.id, g.name, group_concat(s.record_book_no) AS books FROM student s JOIN student_group g ON g.id = s.group_id
       WHERE EXISTS (SELECT 1 FROM grade gr JOIN grade_sheet gs ON gs.id = gr.sheet_id WHERE gr.student_id = s.id AND gs.state = 'closed')
       GROUP BY g.id ORDER BY count(*) DESC, g.name LIMIT 1`,
    );
    await page.getByTestId('nav-registrar').click();
    await page.getByTestId('registrar-tab-bulk').click();
    // nothing chosen yet: the form says what is missing, and nothing starts
    await page.getByTestId('print-start').click();
    expect(await page.getByTestId('print-error').textContent()).toMatch(/группу/);
    await page.getByTestId('bulk-group').selectOption(g!.id);
    await page.getByTestId('print-lang').selectOption('ru');
    await page.getByTestId('print-start').click();
    await page.locator('[data-testid="print-status"][data-state="done"]').waitFor({ timeout: 120_000 });
    const books = g!.books.split(',');
    expect(await page.getByTestId('print-status').getAttribute('data-done')).toBe(String(books.length));
    const out = (await page.getByTestId('print-path').textContent())!;
    expect(path.basename(out)).toBe(`transcripts-${g!.name}-ru-pdf.zip`);
    expect(Object.keys(unzipSync(fs.readFileSync(out))).sort()).toEqual(books.map((b) => `transcript-${b}-ru.pdf`).sort());
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'registrar-bulk.png') });

    // a year nobody graduated in: refused in words, nothing written
    await page.getByTestId('bulk-by').selectOption('graduated');
    await page.getByTestId('bulk-year').fill('2001');
    await page.getByTestId('print-start').click();
    expect(await page.getByTestId('print-error').textContent()).toMatch(/закрытых ведомостей/);
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]);
  });
});
