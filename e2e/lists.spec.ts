/**
 * The offices' lists (ui/data-table.tsx) as a clerk uses them: sort a column in Kyrgyz
 * alphabetical order, walk the rows with the keyboard and open one with Enter, and export
 * exactly what is shown — the current filter, in the current order — as a CSV file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkWithAutumnSheets } from './pages/grades.page';
import { openEntryWindows, startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;
const collator = new Intl.Collator('ky', { numeric: true, sensitivity: 'base' });
const column = (testId: string, index: number) =>
  page.getByTestId(testId).locator(`td:nth-child(${index})`).evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()));

async function downloadCsv(testId: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
}

beforeAll(async () => {
  app = await startApp({
    prepareDb: openEntryWindows,
  });
  page = await app.newPage();
  await clerkWithAutumnSheets(app, page, 'ky');
}, 120_000);
afterAll(() => app?.stop());

describe('a list of the office', () => {
  it('sorts a column in Kyrgyz alphabetical order, and back', async () => {
    await page.getByTestId('grades-table-sort-discipline').click();
    const up = await column('grades-row', 3);
    expect(up.length).toBeGreaterThan(5);
    expect(up).toEqual([...up].sort(collator.compare));
    expect(await page.getByTestId('grades-table-sort-discipline').getAttribute('data-sorted')).toBe('asc');
    await page.getByTestId('grades-table-sort-discipline').click();
    expect(await column('grades-row', 3)).toEqual([...up].reverse());
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'list-grades-sorted.png') });
  });

  it('exports what is shown, filtered and in the order shown', async () => {
    const group = (await page.getByTestId('grades-filter-group').locator('option').nth(1).getAttribute('value'))!;
    await page.getByTestId('grades-filter-group').selectOption(group);
    const numbers = await page.getByTestId('grades-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td strong')?.textContent ?? ''));
    const csv = await downloadCsv('grades-table-export');
    expect(csv[0]![0]).toBe(await page.getByTestId('grades-table-sort-number').textContent().then((t) => t!.replace(/[▲▼↕]/g, '').trim()));
    expect(csv.slice(1).map((r) => r[0])).toEqual(numbers);
    expect(new Set(csv.slice(1).map((r) => r[1])).size).toBe(1);
    await page.getByTestId('grades-filter-group').selectOption('');
  });

  it('walks the rows with the arrow keys and opens one with Enter', async () => {
    const ids = await page.getByTestId('grades-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sheet-id')));
    await page.getByTestId('grades-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="grade-grid"][data-sheet-id="${ids[1]}"]`).waitFor();
  });

  it('exports every order of the filter, not only the page on screen', async () => {
    await page.getByTestId('nav-orders').click();
    const count = page.getByTestId('orders-count');
    await page.locator('[data-testid="orders-count"]:not([data-total=""])').waitFor();
    const total = Number(await count.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    const csv = await downloadCsv('orders-table-export');
    expect(csv.length - 1).toBe(total);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'list-orders.png') });
  });
});
