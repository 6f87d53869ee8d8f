import type { Page } from 'playwright-core';

export class OrdersPage {
  constructor(private readonly page: Page) {}

  async open(opts: { signer?: boolean } = {}): Promise<this> {
    await this.page.getByTestId('nav-orders').click();
    await this.page.getByTestId('orders-screen').waitFor();
    // the count line carries data-total="" while the list loads: wait for the number itself
    await this.page.waitForFunction(() => {
      const total = document.querySelector('[data-testid="orders-count"]')?.getAttribute('data-total');
      return total !== null && total !== undefined && total !== '';
    });
    if (opts.signer) await this.page.getByTestId('orders-to-sign').waitFor();
    return this;
  }

  async listedIds(): Promise<string[]> {
    return this.page.getByTestId('orders-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id') ?? ''));
  }

  /** The signer's in-tray: the waiting drafts' ids and whether each is ready; null when there is none on screen. */
  async toSign(): Promise<{ id: string; ready: boolean }[] | null> {
    const tray = this.page.getByTestId('orders-to-sign');
    if ((await tray.count()) === 0) return null;
    return this.page
      .getByTestId('orders-to-sign-item')
      .evaluateAll((items) => items.map((i) => ({ id: i.getAttribute('data-order-id') ?? '', ready: i.getAttribute('data-ready') === 'true' })));
  }

  async startNew(): Promise<OrderEditorPage> {
    await this.page.getByTestId('orders-new').click();
    await this.page.getByTestId('order-editor').waitFor();
    return new OrderEditorPage(this.page);
  }
}

export class OrderEditorPage {
  constructor(private readonly page: Page) {}

  private editor() {
    return this.page.getByTestId('order-editor');
  }

  async setType(type: string): Promise<void> {
    await this.page.getByTestId('order-type').selectOption(type);
  }

  async setEffectiveDate(ddmmyyyy: string): Promise<void> {
    await this.page.getByTestId('order-effective-date').fill(ddmmyyyy);
  }

  async setReason(text: string): Promise<void> {
    await this.page.getByTestId('order-reason').fill(text);
  }

  async setReasonRu(text: string): Promise<void> {
    await this.page.getByTestId('order-reason-ru').fill(text);
  }

  /** Why the Sign button is not offered (an i18n key), or null when nothing blocks it. */
  async signBlocker(): Promise<string | null> {
    const hint = this.page.getByTestId('order-sign-hint');
    return (await hint.count()) ? await hint.getAttribute('data-blocker') : null;
  }

  async addGroup(groupId: string): Promise<void> {
    await this.page.getByTestId('order-add-group').selectOption(groupId);
    await this.page.getByTestId('order-add-group-submit').click();
    await this.page.getByTestId('order-item').first().waitFor();
  }

  async itemCount(): Promise<number> {
    return Number(await this.page.getByTestId('order-items').getAttribute('data-count'));
  }

  /** Saves and waits for the server's preview of every item. */
  async save(): Promise<{ total: number; problems: number }> {
    await this.page.getByTestId('order-save').click();
    await this.page.waitForFunction(() => {
      const e = document.querySelector('[data-testid="order-editor"]');
      return e?.getAttribute('data-state') === 'draft' && e.getAttribute('data-dirty') !== 'true' && e.getAttribute('data-busy') !== 'true';
    });
    const summary = this.page.getByTestId('order-summary');
    return { total: Number(await summary.getAttribute('data-total')), problems: Number(await summary.getAttribute('data-problems')) };
  }

  async sign(orderDate?: string): Promise<string> {
    await this.page.getByTestId('order-sign').click();
    if (orderDate) await this.page.getByTestId('order-sign-date').fill(orderDate);
    await this.page.getByTestId('order-sign-confirm').click();
    await this.page.waitForFunction(() => document.querySelector('[data-testid="order-editor"]')?.getAttribute('data-state') === 'signed');
    return ((await this.page.getByTestId('order-number').textContent()) ?? '').trim();
  }

  async orderId(): Promise<string> {
    return (await this.editor().getAttribute('data-order-id')) ?? '';
  }

  async canSign(): Promise<boolean> {
    return (await this.page.getByTestId('order-sign').count()) > 0;
  }
}
