/**
 * The device token at rest (issue 11, item 9). In the desktop app Electron's `safeStorage`
 * (the OS keychain, DPAPI, libsecret) protects a random key, and the token is stored in the
 * replica sealed with it (AES-256-GCM): a copied replica file does not carry a usable token.
 * Without the key (the browser host, the command line) the token stays as it is, in the
 * owner-only replica. The key is process-wide: the backend receives it once at start.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';
let processKey: Buffer | null = null;

/** Set by the desktop app's backend at start (from safeStorage); null elsewhere. */
export function setTokenKey(key: Buffer | null): void {
  if (key && key.length !== 32) throw new Error('the token key must be 32 bytes');
  processKey = key;
}

export function tokenKey(): Buffer | null {
  return processKey;
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function sealToken(token: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return PREFIX + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join(':');
}

/** The token, or null when it cannot be opened with this key (another computer's, or altered). */
export function openToken(stored: string, key: Buffer): string | null {
  const [iv, tag, body] = stored.slice(PREFIX.length).split(':').map((p) => Buffer.from(p, 'base64'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
