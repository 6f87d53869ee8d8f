import { describe, expect, it } from 'vitest';
import { newDeviceToken, tokenHash } from './device-token';

describe('device tokens', () => {
  it('makes unguessable tokens and stores only a hash of them', () => {
    const t = newDeviceToken();
    expect(t).toMatch(/^udt_[A-Za-z0-9_-]{43}$/);
    expect(newDeviceToken()).not.toBe(t);
    expect(tokenHash(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(t)).not.toContain(t.slice(4));
  });
});
