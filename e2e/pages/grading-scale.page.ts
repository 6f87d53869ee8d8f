import type { Page } from 'playwright-core';

/** The administrator's grading scale screen: versions and the editor of a new version. */
export class GradingScalePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('nav-gradingScale').click();
    await this.page.locator('[data-testid="grading-scale-screen"][data-loading="false"]').waitFor();
    await this.page.getByTestId('scale-bands').waitFor();
    return this;
  }

  async year(): Promise<string> {
    return this.page.getByTestId('scale-year').inputValue();
  }

  /** Types into a cell by its path in the scale, e.g. "bands.8.max" or "attemptLimit". */
  async set(path: string, value: string): Promise<void> {
    await this.page.getByTestId(`scale-${path}`).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('scale-save').click();
  }

  /** The problem shown under a cell, once it appears. */
  async errorAt(path: string): Promise<string> {
    const error = this.page.getByTestId(`scale-error-${path}`);
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  async hasErrorAt(path: string): Promise<boolean> {
    return (await this.page.getByTestId(`scale-error-${path}`).count()) > 0;
  }

  async savedNotice(): Promise<string> {
    const notice = this.page.getByTestId('scale-saved');
    await notice.waitFor();
    return (await notice.textContent()) ?? '';
  }

  async versionRow(year: string, version: number): Promise<void> {
    await this.page.locator(`[data-testid="scale-version-row"][data-year="${year}"][data-version="${version}"]`).waitFor();
  }
}
