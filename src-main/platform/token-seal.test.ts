import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, openToken, sealToken } from './token-seal';

describe('the device token at rest', () => {
  it('is sealed so that only the same key opens it, and an altered one opens to nothing', () => {
    const key = randomBytes(32);
    const sealed = sealToken('device-token-abc', key);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('device-token-abc');
    expect(openToken(sealed, key)).toBe('device-token-abc');
    expect(openToken(sealed, randomBytes(32))).toBeNull();
    const altered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(openToken(altered, key)).toBeNull();
    expect(isSealed('plain-token')).toBe(false);
  });
});
