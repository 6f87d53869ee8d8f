import type { Page } from 'playwright-core';

export class ShellPage {
  constructor(private readonly page: Page) {}

  async waitUntilSignedIn(): Promise<void> {
    await this.page.getByTestId('current-user').waitFor();
  }

  async currentUser(): Promise<string> {
    return (await this.page.getByTestId('current-user').textContent()) ?? '';
  }

  async hasNav(section: 'students' | 'audit'): Promise<boolean> {
    return (await this.page.getByTestId(`nav-${section}`).count()) > 0;
  }

  async switchLanguage(locale: 'ky' | 'ru' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${locale}`).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('signout').click();
    await this.page.getByTestId('signin-username').waitFor();
  }
}
