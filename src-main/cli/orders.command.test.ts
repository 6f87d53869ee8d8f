import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixtureDb, IDS, USERS } from '../testing/fixture';
import { ordersHarness } from '../features/orders/orders.test-kit';
import { runCli } from './unidesk';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-cli-orders-'));
const file = path.join(dir, 'u.sqlite');
let orderId = '';
let out: string[];
let err: string[];

beforeAll(async () => {
  const db = await createFixtureDb(file);
  const h = ordersHarness(db);
  orderId = h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }, { studentId: IDS.studentNurlan }], '2026-08-28').id;
  await db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return () => vi.restoreAllMocks();
});

describe('unidesk orders and student state', () => {
  it('lists orders as JSON', async () => {
    expect(await runCli(['orders', 'list', '--db', file, '--json'])).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect(r.rows).toEqual([expect.objectContaining({ id: orderId, number: '1-п', state: 'signed', studentCount: 2 })]);
  });

  it('shows an order by its number', async () => {
    expect(await runCli(['orders', 'show', '--order', '1-п', '--db', file])).toBe(0);
    expect(out[0]).toMatch(/^1-п promotion signed; date 28\.08\.2026, effective 01\.09\.2026/);
    expect(out.join('\n')).toContain('Асанова Айгерим Бакыт кызы');
  });

  it('exports an order as PDF with Kyrgyz letters intact', async () => {
    const pdf = path.join(dir, 'order.pdf');
    expect(await runCli(['orders', 'export', '--order', orderId, '--format', 'pdf', '--lang', 'ky', '--out', pdf, '--db', file])).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('БУЙРУК');
    expect(text).toContain('1-п');
    expect(text).toContain('Жеңишбеков');
    expect(fs.existsSync(`${pdf}.part`)).toBe(false);
  });

  it('exports an order as xlsx', async () => {
    const xlsx = path.join(dir, 'order.xlsx');
    expect(await runCli(['orders', 'export', '--order', '1-п', '--format', 'xlsx', '--lang', 'ru', '--out', xlsx, '--db', file])).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints a student’s state on a date as JSON', async () => {
    expect(await runCli(['student', 'state', '--student', IDS.studentAigerim, '--date', '2026-09-15', '--db', file])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ status: 'active', course: 2, orderNo: '1-п', groupName: 'ЭК-1-26' });
    expect(await runCli(['student', 'state', '--student', IDS.studentAigerim, '--date', '2026-08-31', '--db', file])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual({ studentId: IDS.studentAigerim, date: '2026-08-31', status: null });
  });

  it('says what is wrong', async () => {
    expect(await runCli(['orders', 'export', '--order', '1-п', '--format', 'doc', '--lang', 'ky', '--out', 'x', '--db', file])).toBe(2);
    expect(err[0]).toMatch(/--format must be one of pdf, xlsx, got "doc"/);
    expect(await runCli(['orders', 'show', '--order', '99-п', '--db', file])).toBe(1);
    expect(err.at(-1)).toMatch(/no order numbered "99-п"/);
    expect(await runCli(['student', 'state', '--student', IDS.studentAigerim, '--date', '2026-02-30', '--db', file])).toBe(2);
  });
});
