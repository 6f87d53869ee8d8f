import type { Page } from 'playwright-core';

export class StudentCardPage {
  constructor(private readonly page: Page) {}

  /** The card shows "Loading…" until the student arrives: read it only then. */
  private async loaded(): Promise<void> {
    await this.page.locator('[data-testid="student-card"][data-loading="false"]').waitFor();
  }

  async name(): Promise<string> {
    await this.loaded();
    return (await this.page.getByTestId('student-card-name').textContent()) ?? '';
  }

  async historyRows(): Promise<string[]> {
    await this.loaded();
    return this.page.getByTestId('student-history-row').allTextContents();
  }

  async text(): Promise<string> {
    await this.loaded();
    return (await this.page.getByTestId('student-card').textContent()) ?? '';
  }
}

export class StudentEditPage {
  constructor(private readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.getByTestId('student-edit').click();
    await this.page.getByTestId('edit-recordBookNo').waitFor();
  }

  async fill(field: 'recordBookNo' | 'pin' | 'birthDate', value: string): Promise<void> {
    await this.page.getByTestId(`edit-${field}`).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('student-save').click();
  }

  async savedNotice(): Promise<void> {
    await this.page.getByTestId('saved-notice').waitFor();
  }

  async fieldError(field: string): Promise<string> {
    const el = this.page.getByTestId(`field-error-${field}`);
    await el.waitFor();
    return (await el.textContent()) ?? '';
  }
}
