import type { Page } from 'playwright-core';

/** The Curricula section: the picker, the semesters and the inline item form. */
export class CurriculaPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByTestId('nav-curricula').click();
    await this.page.getByTestId('curricula-screen').waitFor();
    return this;
  }

  async choose(specialtyId: string, intakeYear: number, form: string, curriculumId: string): Promise<void> {
    await this.page.getByTestId('curricula-specialty').selectOption(specialtyId);
    await this.page.getByTestId('curricula-form').selectOption(form);
    await this.page.getByTestId('curricula-year').selectOption(String(intakeYear));
    await this.page.locator(`[data-testid="curricula-detail"][data-curriculum-id="${curriculumId}"]`).waitFor();
  }

  private semester(n: number) {
    return this.page.locator(`[data-testid="curricula-semester"][data-semester="${n}"]`);
  }

  async semesterCredits(n: number): Promise<number> {
    return Number(await this.semester(n).getByTestId('curricula-semester-total').getAttribute('data-credits'));
  }

  async waitSemesterCredits(n: number, credits: number): Promise<void> {
    await this.semester(n).locator(`[data-testid="curricula-semester-total"][data-credits="${credits}"]`).waitFor();
  }

  async startAdding(n: number): Promise<void> {
    await this.semester(n).getByTestId('curricula-add').click();
    await this.semester(n).getByTestId('curricula-item-form').waitFor();
  }

  /** Finds the discipline by part of its name and chooses it. */
  async chooseDiscipline(search: string, disciplineId: string): Promise<void> {
    await this.page.getByTestId('curricula-item-search').fill(search);
    await this.page.locator(`[data-testid="curricula-item-discipline"] option[value="${disciplineId}"]`).waitFor({ state: 'attached' });
    await this.page.getByTestId('curricula-item-discipline').selectOption(disciplineId);
  }

  async fillCredits(credits: string): Promise<void> {
    await this.page.getByTestId('curricula-item-credits').fill(credits);
  }

  async hours(): Promise<string> {
    return this.page.getByTestId('curricula-item-hours').inputValue();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('curricula-item-save').click();
  }

  async waitSaved(): Promise<void> {
    await this.page.getByTestId('curricula-notice').waitFor();
    await this.page.getByTestId('curricula-item-form').waitFor({ state: 'detached' });
  }

  /** Waits until the field shows a problem containing `text`; returns the whole message. */
  async waitFieldError(name: string, text: string): Promise<string> {
    const error = this.page.getByTestId(`field-error-${name}`).filter({ hasText: text });
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }
}
