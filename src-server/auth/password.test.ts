import { describe, expect, it } from 'vitest';
import { newDeviceToken, tokenHash } from './device-token';
import { hashPassword, verifyPassword } from './password';

describe('admin passwords and device tokens', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Сырсөз-1');
    const b = await hashPassword('Сырсөз-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Сырсөз-1', a)).toBe(true);
    expect(await verifyPassword('Сырсөз-2', a)).toBe(false);
    expect(await verifyPassword('Сырсөз-1', 'plain')).toBe(false);
  });

  it('makes unguessable tokens and stores only a hash of them', () => {
    const t = newDeviceToken();
    expect(t).toMatch(/^udt_[A-Za-z0-9_-]{43}$/);
    expect(newDeviceToken()).not.toBe(t);
    expect(tokenHash(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(t)).not.toContain(t.slice(4));
  });
});
