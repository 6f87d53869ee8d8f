import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureConsole } from '../testing/console-capture';
import { decodeCode, encodeCode } from '../../src-shared/domain/document-code';
import { openDatabase } from '../db/connection';
import { generateDemo } from '../features/demo/demo.generator';
import { runCli } from './unidesk';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-cli-registrar-'));
const file = path.join(dir, 'u.sqlite');
const { out, err } = captureConsole();
let recordBook = '';

beforeAll(async () => {
  const db = openDatabase(file);
  await generateDemo(db, { students: 300 });
  recordBook = db.sqlite.prepare(`SELECT record_book_no FROM student WHERE status = 'active' AND course = 2 ORDER BY record_book_no LIMIT 1`).pluck().get() as string;
  await db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, '--db', file], {});

describe('unidesk certificate, register and verify', () => {
  it('issues a certificate whose printed QR, read back from a scan of the page, verifies; a changed code and a revoked one do not', async () => {
    const pdf = path.join(dir, 'cert.pdf');
    expect(await cli('certificate', 'issue', '--student', recordBook, '--type', 'study', '--purpose', 'в банк', '--lang', 'ru', '--out', pdf, '--user', 'registrar')).toBe(0);
    expect(out[0]).toMatch(/^выдан документ № A1-000001 \(код [A-Z2-9]{4}-[A-Z2-9]{4}\)$/);

    // the page as a scanner sees it: 150 dpi
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, path.join(dir, 'scan')]);
    expect(await cli('verify', path.join(dir, 'scan.png'), '--lang', 'ru')).toBe(0);
    expect(out.join('\n')).toContain('Действителен');
    expect(out.join('\n')).toContain('number: A1-000001');

    expect(await cli('register', 'list', '--json', '--user', 'registrar')).toBe(0);
    const listed = JSON.parse(out.slice(-1)[0]!) as { rows: { number: string; purpose: string }[] };
    expect(listed.rows).toEqual([expect.objectContaining({ number: 'A1-000001', purpose: 'в банк' })]);

    const db = openDatabase(file);
    const code = db.sqlite.prepare(`SELECT code FROM issued_document`).pluck().get() as string;
    await db.close();
    const sealed = decodeCode(code)!;
    const forged = encodeCode({ ...sealed, fields: { ...sealed.fields, course: 4 } });
    expect(await cli('verify', forged, '--lang', 'en')).toBe(1);
    expect(err.join('\n')).toContain('The signed details were changed');

    expect(await cli('register', 'revoke', '--number', 'A1-000001', '--reason', 'утеряна', '--user', 'registrar', '--lang', 'ru')).toBe(0);
    expect(await cli('verify', `https://verify.unidesk.example/verify#${code}`, '--json')).toBe(1);
    const printed = out.join('\n');
    expect(JSON.parse(printed.slice(printed.lastIndexOf('{\n  "valid"')))).toMatchObject({ valid: false, problem: 'revoked', register: { revokeReason: 'утеряна' } });
  });

  it('refuses a dean’s office a certificate, and says what is wrong with the command', async () => {
    expect(await cli('certificate', 'issue', '--student', recordBook, '--lang', 'en', '--out', path.join(dir, 'x.pdf'), '--user', 'clerk')).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    expect(await cli('verify')).toBe(2);
  });
});
