import type { Page } from 'playwright-core';

export class StudentsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('nav-students').click();
    await this.page.getByTestId('students-row').first().waitFor();
    return this;
  }

  /**
   * Types into the search box and waits until the list shows that search's result: loaded,
   * and every row on screen contains every word typed (or the list says nothing was found).
   */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('students-search').fill(text);
    const tokens = text.toLocaleLowerCase('ky').split(/\s+/).filter(Boolean);
    await this.page.waitForFunction((words) => {
      const list = document.querySelector('[data-testid="students-list"]');
      if (document.querySelector('[data-testid="students-empty"]')) return true;
      if (!list || list.getAttribute('data-loading') !== 'false') return false;
      const rows = [...document.querySelectorAll('[data-testid="students-row"]')];
      return rows.length > 0 && rows.every((r) => words.every((w) => (r.textContent ?? '').toLocaleLowerCase('ky').includes(w)));
    }, tokens);
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
