/**
 * Passwords, hashed with scrypt (node:crypto) — one implementation for the app's accounts and
 * the sync server's administrators: "scrypt$N$r$p$salt$hash". The parameters travel with the
 * hash, so they can be raised later without a migration. Salt and hash are written in base64;
 * reading accepts base64url too (hashes the server wrote before the two were one).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** ~50 ms on the 2-core office machines, well above brute-force comfort. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LEN = 32;
/** room for raised parameters (N=16384, r=8 needs 16 MiB) */
const MAX_MEMORY = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: MAX_MEMORY }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  // Node's base64 decoder reads both alphabets (+/ and -_)
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length === 0) return false;
  const key = await scrypt(password, Buffer.from(saltText, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
