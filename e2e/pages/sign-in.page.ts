import type { Page } from 'playwright-core';
import { ShellPage } from './shell.page';

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

/** A demo user (password "unidesk-<username>") signs in from the sign-in page, in `lang`, and waits for the app. */
export async function signInAs(page: Page, url: string, username: string, lang: 'ky' | 'ru' | 'en'): Promise<void> {
  const signIn = await new SignInPage(page).open(url);
  await signIn.chooseLanguage(lang);
  await signIn.signIn(username, `unidesk-${username}`);
  await new ShellPage(page).waitUntilSignedIn();
}
