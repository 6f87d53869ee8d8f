import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<this> {
    await this.page.goto(url);
    await this.page.getByTestId('signin-username').waitFor();
    return this;
  }

  async chooseLanguage(locale: 'ky' | 'ru' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${locale}`).click();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByTestId('signin-username').fill(username);
    await this.page.getByTestId('signin-password').fill(password);
    await this.page.getByTestId('signin-submit').click();
  }

  async error(): Promise<string> {
    const banner = this.page.getByTestId('signin-error');
    await banner.waitFor();
    return (await banner.textContent()) ?? '';
  }
}
