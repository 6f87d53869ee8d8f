import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { signInAs } from './sign-in.page';

export class GradesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('nav-grades').click();
    await this.page.getByTestId('grades-screen').waitFor();
    return this;
  }

  async chooseSession(sessionId: string): Promise<void> {
    await this.page.getByTestId('grades-session').selectOption(sessionId);
  }

  async generate(): Promise<void> {
    await this.page.getByTestId('grades-generate').click();
    await this.page.getByTestId('grades-row').first().waitFor();
  }

  async openSheet(sheetId: string): Promise<GradeGridPage> {
    await this.page.locator(`[data-testid="grades-row"][data-sheet-id="${sheetId}"]`).click();
    await this.page.locator(`[data-testid="grade-grid"][data-sheet-id="${sheetId}"]`).waitFor();
    return new GradeGridPage(this.page);
  }
}

export class GradeGridPage {
  constructor(private readonly page: Page) {}

  cell(row: number, col: string) {
    return this.page.locator(`[data-testid="grade-cell"][data-row="${row}"][data-col="${col}"]`);
  }

  /** Types a row of points with the keyboard: value, Tab, value, Tab, value, Enter. */
  async typeRow(row: number, values: string[]): Promise<void> {
    await this.cell(row, 'm1').click();
    for (let i = 0; i < values.length; i++) {
      await this.page.keyboard.type(values[i]!);
      await this.page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
    }
  }

  /** Pastes a block copied from Excel (tab-separated, one line a row) at the selected cell. */
  async paste(row: number, col: string, tsv: string): Promise<void> {
    await this.cell(row, col).click();
    await this.page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const target = document.activeElement ?? document.querySelector('[data-testid="grade-grid"]')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
  }

  async waitSaved(): Promise<void> {
    await this.page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="grade-save-status"]');
      return s?.getAttribute('data-status') === 'saved' && s.getAttribute('data-unsent') === '0';
    });
  }

  /** Picks the first examiner offered and the exam date, as the dean's office does before closing. */
  async setExaminer(date = '15.01.2027'): Promise<void> {
    await this.page.getByTestId('examiner-panel').locator('summary').click();
    const first = await this.page.getByTestId('examiner-select').locator('option').nth(1).getAttribute('value');
    await this.page.getByTestId('examiner-select').selectOption(first!);
    await this.page.getByTestId('examiner-date').fill(date);
    await this.page.getByTestId('examiner-save').click();
    await this.page.getByTestId('examiner-saved').waitFor();
  }

  async closeSheet(): Promise<void> {
    await this.page.getByTestId('grade-close').click();
    await this.page.getByTestId('grade-close-confirm').click();
    await this.page.waitForFunction(() => document.querySelector('[data-testid="grade-grid"]')?.getAttribute('data-state') === 'closed');
  }

  async download(testId: string, to: string): Promise<void> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    await download.saveAs(to);
  }
}

/**
 * The Economics dean's office clerk signs in (in `lang`) and generates the sheets of the faculty's
 * 2026-2027 autumn session: where the grade-sheet specs start.
 */
export async function clerkWithAutumnSheets(app: RunningApp, page: Page, lang: 'ky' | 'ru' | 'en'): Promise<{ sessionId: string; grades: GradesPage }> {
  await signInAs(page, app.openUrl, 'clerk', lang);
  const [session] = app.query<{ id: string }>(
    `SELECT s.id FROM academic_session s JOIN app_user u ON u.username = 'clerk' AND u.faculty_id = s.faculty_id WHERE s.academic_year_id = '2026-2027' AND s.term = 'autumn'`,
  );
  const grades = await new GradesPage(page).open();
  await grades.chooseSession(session!.id);
  await grades.generate();
  return { sessionId: session!.id, grades };
}
