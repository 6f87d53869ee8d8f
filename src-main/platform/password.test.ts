import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('passwords (the app and the sync server share this)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Сырсөз-1');
    const b = await hashPassword('Сырсөз-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Сырсөз-1', a)).toBe(true);
    expect(await verifyPassword('Сырсөз-2', a)).toBe(false);
    expect(await verifyPassword('Сырсөз-1', 'plain')).toBe(false);
  });

  it('treats the composed and decomposed spellings of a Kyrgyz letter as the same password', async () => {
    const stored = await hashPassword('Өмүр');
    expect(await verifyPassword('Өмүр'.normalize('NFD'), stored)).toBe(true);
  });

  it('still reads a hash the server wrote in base64url', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('correct-horse', salt, 32, { N: 16384, r: 8, p: 1 });
    const stored = ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('correct-horse', stored)).toBe(true);
    expect(await verifyPassword('wrong-horse', stored)).toBe(false);
  });
});
