import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrdersPage } from './pages/orders.page';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
beforeAll(async () => {
  app = await startApp();
  page = await app.newPage();
});
afterAll(() => app?.stop());

describe('the administrator sets the visas every order carries', () => {
  it('ticks the vice-rector for academic affairs, saves, and the choice is stored for every workstation', async () => {
    await signInAs(page, app.openUrl, 'admin', 'ru');
    await new OrdersPage(page).open();
    const panel = page.getByTestId('orders-visas');
    await panel.locator('summary').click();
    const [vice] = app.query<{ id: string }>(`SELECT id FROM position WHERE name_ru = 'Проректор по учебной работе'`);
    await panel.locator(`[data-testid="orders-visas-add"][data-position-id="${vice!.id}"]`).click();
    expect(await page.getByTestId('orders-visas-chosen').textContent()).toContain('Проректор по учебной работе');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'order-visas.png') });
    await page.getByTestId('orders-visas-save').click();
    await page.getByTestId('orders-visas-saved').waitFor();
    expect(app.query(`SELECT id, order_visa FROM position WHERE order_visa IS NOT NULL`)).toEqual([{ id: vice!.id, order_visa: 1 }]);
    expect(await panel.locator('summary').textContent()).toContain('Проректор по учебной работе');
  });
});
