/**
 * Offline-verifiable documents (issue 13, "Verification anyone can do"), the cryptographic core
 * main and the sync server share: the university's root key certifies a registrar
 * workstation's signing key for a period; the workstation signs a document's essential fields;
 * the code carries fields, certificate and signature, so checking it needs nothing but the
 * root public key. Ed25519 (RFC 8032) through node:crypto. Fields are signed in a canonical
 * JSON (keys sorted), so their order in transit does not matter but every value does.
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export const SEAL_VERSION = 1;
/** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type SealFields = Readonly<Record<string, string | number | null>>;

export interface KeyCertificate {
  /** the workstation key's id (the register shows it; revocation names it) */
  keyId: string;
  /** raw Ed25519 public key, base64url */
  publicKey: string;
  validFrom: string;
  validTo: string;
  /** the root key's signature over the fields above, base64url */
  signature: string;
}

export interface Sealed {
  v: number;
  fields: SealFields;
  cert: KeyCertificate;
  signature: string;
}

export type SealCheck =
  | { ok: true; fields: SealFields; keyId: string }
  | { ok: false; reason: 'malformed' | 'certificate' | 'keyNotValidOn' | 'signature'; keyId?: string };

const b64 = (b: Buffer) => b.toString('base64url');
const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object'
    ? `{${Object.keys(value as object)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(value);

export function rawPublicKey(key: KeyObject): string {
  return b64(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length));
}

function publicKeyFromRaw(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw new Error('not an Ed25519 public key');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

export function newSigningKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

const certBody = (c: Omit<KeyCertificate, 'signature'>) => Buffer.from(canonical({ v: SEAL_VERSION, keyId: c.keyId, publicKey: c.publicKey, validFrom: c.validFrom, validTo: c.validTo }));

/** The root key certifies a workstation's public key for [validFrom, validTo] (ISO dates). */
export function certifyKey(root: KeyObject, workstationPublicKey: KeyObject, c: { keyId: string; validFrom: string; validTo: string }): KeyCertificate {
  const body = { keyId: c.keyId, publicKey: rawPublicKey(workstationPublicKey), validFrom: c.validFrom, validTo: c.validTo };
  return { ...body, signature: b64(sign(null, certBody(body), root)) };
}

export function sealDocument(key: KeyObject, cert: KeyCertificate, fields: SealFields): Sealed {
  return { v: SEAL_VERSION, fields, cert, signature: b64(sign(null, Buffer.from(canonical({ v: SEAL_VERSION, keyId: cert.keyId, fields })), key)) };
}

/** The text a QR carries (and a URL's fragment): compact, URL-safe. */
export function encodeSeal(s: Sealed): string {
  return b64(Buffer.from(JSON.stringify(s)));
}

/** Checks a code against the university's root public key (raw, base64url) on the document's issue date. */
export function checkSeal(code: string, rootPublicKey: string, issuedOn: (fields: SealFields) => string | null): SealCheck {
  let s: Sealed;
  try {
    s = JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Sealed;
    if (s.v !== SEAL_VERSION || !s.fields || typeof s.fields !== 'object' || !s.cert || typeof s.signature !== 'string') return { ok: false, reason: 'malformed' };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const keyId = String(s.cert.keyId);
  try {
    if (!verify(null, certBody(s.cert), publicKeyFromRaw(rootPublicKey), Buffer.from(String(s.cert.signature), 'base64url'))) return { ok: false, reason: 'certificate', keyId };
    const day = issuedOn(s.fields);
    if (!day || day < s.cert.validFrom || day > s.cert.validTo) return { ok: false, reason: 'keyNotValidOn', keyId };
    const body = Buffer.from(canonical({ v: SEAL_VERSION, keyId: s.cert.keyId, fields: s.fields }));
    if (!verify(null, body, publicKeyFromRaw(s.cert.publicKey), Buffer.from(s.signature, 'base64url'))) return { ok: false, reason: 'signature', keyId };
  } catch {
    return { ok: false, reason: 'malformed', keyId };
  }
  return { ok: true, fields: s.fields, keyId };
}
