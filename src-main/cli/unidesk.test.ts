import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './unidesk';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('the unidesk command', () => {
  it('prints help listing its commands', async () => {
    expect(await runCli(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: unidesk <command>/);
    expect(out.join('\n')).toMatch(/demo .*\n.*unidesk demo --db FILE/);
  });

  it('prints its version', async () => {
    expect(await runCli(['version'])).toBe(0);
    expect(out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says what is wrong on stderr with a non-zero exit code', async () => {
    expect(await runCli(['frobnicate', '--lang', 'en'])).toBe(2);
    expect(err[0]).toMatch(/unknown command "frobnicate"/);
    expect(await runCli(['demo', '--lang', 'en'])).toBe(2);
    expect(err.join('\n')).toMatch(/--db is required/);
    expect(await runCli(['demo', '--db', 'x.sqlite', '--students', 'lots', '--lang', 'en'])).toBe(2);
    expect(err.join('\n')).toMatch(/--students must be a whole number/);
  });

  it('refuses to overwrite an existing file with the demo', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-cli-')), 'x.sqlite');
    fs.writeFileSync(file, 'precious');
    expect(await runCli(['demo', '--db', file, '--lang', 'en'])).toBe(1);
    expect(err[0]).toMatch(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });
});
