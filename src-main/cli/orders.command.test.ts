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

const cli = (...args: string[]) => runCli([...args, '--db', file], {});

describe('unidesk orders and student state', () => {
  it('lists orders as JSON', async () => {
    expect(await cli('orders', 'list', '--user', 'studhr', '--json')).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect(r.rows).toEqual([expect.objectContaining({ id: orderId, number: '1-п', state: 'signed', studentCount: 2 })]);
  });

  it('shows an order by its number', async () => {
    expect(await cli('orders', 'show', '--order', '1-п', '--user', 'studhr', '--lang', 'en')).toBe(0);
    expect(out[0]).toMatch(/^1-п promotion signed; date 28\.08\.2026, effective 01\.09\.2026/);
    expect(out.join('\n')).toContain('Асанова Айгерим Бакыт кызы');
  });

  it('exports an order as PDF with Kyrgyz letters intact', async () => {
    const pdf = path.join(dir, 'order.pdf');
    expect(await cli('orders', 'export', '--order', orderId, '--format', 'pdf', '--lang', 'ky', '--out', pdf, '--user', 'studhr')).toBe(0);
    expect(out.at(-1)).toBe(`${pdf} файлы жазылды`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('БУЙРУК');
    expect(text).toContain('1-п');
    expect(text).toContain('Жеңишбеков');
    expect(fs.existsSync(`${pdf}.part`)).toBe(false);
  });

  it('exports an order as xlsx', async () => {
    const xlsx = path.join(dir, 'order.xlsx');
    expect(await cli('orders', 'export', '--order', '1-п', '--format', 'xlsx', '--lang', 'en', '--doc-lang', 'ru', '--out', xlsx, '--user', 'studhr')).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints a student’s state on a date as JSON', async () => {
    expect(await cli('student', 'state', '--student', IDS.studentAigerim, '--date', '2026-09-15', '--user', 'studhr')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ status: 'active', course: 2, orderNo: '1-п', groupName: 'ЭК-1-26' });
    expect(await cli('student', 'state', '--student', IDS.studentAigerim, '--date', '2026-08-31', '--user', 'studhr')).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual({ studentId: IDS.studentAigerim, date: '2026-08-31', status: null });
  });

  it('says what is wrong', async () => {
    expect(await cli('orders', 'export', '--order', '1-п', '--format', 'doc', '--doc-lang', 'ky', '--out', 'x', '--user', 'studhr', '--lang', 'en')).toBe(2);
    expect(err[0]).toMatch(/--format must be one of pdf, xlsx, got "doc"/);
    expect(await cli('orders', 'show', '--order', '99-п', '--user', 'studhr', '--lang', 'en')).toBe(1);
    expect(err.at(-1)).toMatch(/no order numbered "99-п"/);
    expect(await cli('student', 'state', '--student', IDS.studentAigerim, '--date', '2026-02-30', '--user', 'studhr')).toBe(2);
  });

  it('acts as a real user: no user, no command; an unknown one is refused', async () => {
    expect(await cli('orders', 'list', '--lang', 'en')).toBe(2);
    expect(err[0]).toMatch(/--user USERNAME/);
    expect(await cli('orders', 'list', '--user', 'nobody', '--lang', 'en')).toBe(1);
    expect(err.at(-1)).toMatch(/no active user "nobody"/);
  });

  it('applies the user’s scope and rights, as the app does', async () => {
    // a Law clerk does not see an Economics student
    expect(await cli('student', 'state', '--student', IDS.studentAigerim, '--date', '2026-09-15', '--user', 'clerk2', '--lang', 'en')).toBe(1);
    expect(err.at(-1)).toMatch(/^unidesk: /);
    expect(out).toEqual([]);
    // HR has no access to students' orders
    expect(await cli('orders', 'list', '--user', 'hr', '--lang', 'ru')).toBe(1);
    expect(err.at(-1)!.replace(/^unidesk: /, '')).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('validates requests with the contract, in the user’s language', async () => {
    expect(await cli('student', 'state', '--student', 'not-an-id', '--date', '2026-09-15', '--user', 'studhr', '--lang', 'ru')).toBe(1);
    expect(err.at(-1)).toMatch(/^unidesk: .*[а-я]/);
  });

  it('speaks Kyrgyz, Russian and English, with plurals that read right', async () => {
    expect(await cli('orders', 'list', '--user', 'studhr', '--lang', 'ru')).toBe(0);
    expect(out.at(-1)).toBe('1 из 1 приказа');
    expect(out.at(-2)).toContain('2 студента');
    expect(await cli('orders', 'list', '--user', 'studhr', '--lang', 'en')).toBe(0);
    expect(out.at(-1)).toBe('1 of 1 order');
    expect(out.at(-2)).toContain('2 students');
    expect(await cli('orders', 'list', '--user', 'studhr', '--lang', 'ky')).toBe(0);
    expect(out.at(-1)).toBe('жалпы 1 буйруктун 1');
    // the language may come from the system
    expect(await runCli(['orders', 'list', '--user', 'studhr', '--db', file], { LANG: 'ru_RU.UTF-8' })).toBe(0);
    expect(out.at(-1)).toBe('1 из 1 приказа');
  });
});
