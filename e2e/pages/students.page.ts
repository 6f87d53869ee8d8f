import type { Page } from 'playwright-core';

export class StudentsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('nav-students').click();
    await this.page.getByTestId('students-row').first().waitFor();
    return this;
  }

  /** Types into the search box and waits until the list shows the result of that search. */
  async search(text: string): Promise<void> {
    const before = await this.countText();
    await this.page.getByTestId('students-search').fill(text);
    await this.page.waitForFunction(
      (prev) => document.querySelector('[data-testid="students-count"]')?.textContent !== prev,
      before,
    );
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="students-loading"]'));
  }

  async countText(): Promise<string> {
    return (await this.page.getByTestId('students-count').textContent()) ?? '';
  }

  /** The number in the count line ("8 381 студент" → 8381). */
  async count(): Promise<number> {
    return Number((await this.countText()).replace(/[^\d]/g, ''));
  }

  async visibleRows(): Promise<{ id: string; text: string }[]> {
    return this.page.getByTestId('students-row').evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-student-id') ?? '', text: r.textContent ?? '' })),
    );
  }

  async openStudent(id: string): Promise<void> {
    await this.page.locator(`[data-testid="students-row"][data-student-id="${id}"]`).click();
    await this.page.getByTestId('student-card').waitFor();
  }

  async scrollToEnd(): Promise<void> {
    await this.page.getByTestId('students-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  }
}
