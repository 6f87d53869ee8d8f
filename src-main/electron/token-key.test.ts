import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadTokenKey, TOKEN_KEY_FILE, type SafeStorageLike } from './token-key';

/** A stand-in for safeStorage: "encrypts" by reversing and tagging, enough to see what is stored. */
const safe = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`enc:${[...s].reverse().join('')}`),
  decryptString: (b) => {
    const t = b.toString();
    if (!t.startsWith('enc:')) throw new Error('not ours');
    return [...t.slice(4)].reverse().join('');
  },
});
const log = () => ({ info: vi.fn(), error: vi.fn() });

describe('the token key in safe storage', () => {
  it('is made once, stored only encrypted and owner-only, and read back the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-key-'));
    const first = loadTokenKey(dir, safe(), log());
    expect(Buffer.from(first!, 'base64')).toHaveLength(32);
    const stored = fs.readFileSync(path.join(dir, TOKEN_KEY_FILE), 'utf8');
    expect(stored).not.toContain(first);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, TOKEN_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadTokenKey(dir, safe(), log())).toBe(first);
  });

  it('gives no key without safe storage, or when the stored one cannot be opened, and logs why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-key-'));
    const l = log();
    expect(loadTokenKey(dir, safe(false), l)).toBeNull();
    expect(l.info).toHaveBeenCalledWith(expect.stringMatching(/no safe storage/));
    fs.writeFileSync(path.join(dir, TOKEN_KEY_FILE), 'garbage');
    expect(loadTokenKey(dir, safe(), l)).toBeNull();
    expect(l.error).toHaveBeenCalled();
  });
});
