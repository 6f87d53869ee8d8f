import type { Page } from 'playwright-core';

export class StudentCardPage {
  constructor(private readonly page: Page) {}

  async name(): Promise<string> {
    return (await this.page.getByTestId('student-card-name').textContent()) ?? '';
  }

  async historyRows(): Promise<string[]> {
    return this.page.getByTestId('student-history-row').allTextContents();
  }

  async text(): Promise<string> {
    return (await this.page.getByTestId('student-card').textContent()) ?? '';
  }
}
