/**
 * The key that seals the device token (platform/token-seal.ts), kept with Electron's
 * safeStorage — the OS keychain, DPAPI or libsecret — in `token-key.bin` beside the replica.
 * A copy of the data folder is useless without this user's OS login. Where safeStorage is not
 * available (Linux without a keyring) there is no key, and the token stays in the owner-only
 * replica; the log says so.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const TOKEN_KEY_FILE = 'token-key.bin';

/** The key (base64), made on first use; null without safeStorage or when the stored key cannot be opened. */
export function loadTokenKey(dataDir: string, safe: SafeStorageLike, log: { info(m: string): void; error(m: string, e?: unknown): void }): string | null {
  if (!safe.isEncryptionAvailable()) {
    log.info('sync token: the OS offers no safe storage here; it stays in the owner-only replica');
    return null;
  }
  const file = path.join(dataDir, TOKEN_KEY_FILE);
  try {
    if (fs.existsSync(file)) return safe.decryptString(fs.readFileSync(file));
    const key = randomBytes(32).toString('base64');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, safe.encryptString(key), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    // another OS user's key, or a damaged file: sync asks for a new enrolment rather than guessing
    log.error('sync token: the safe-storage key could not be read', e);
    return null;
  }
}
