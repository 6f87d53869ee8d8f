/**
 * The check anyone can run on an issued document (issue 13, "Verification anyone can do"): the
 * code in its QR carries the document's essential fields, the certificate of the workstation
 * key that signed them (itself signed by the university's root key) and the signature, so
 * checking needs nothing but the root public key. Pure and synchronous (Ed25519 from
 * @noble/curves): the app's Verify screen, `unidesk verify` and the server's public /verify
 * page run this same function. Signing lives in src-main/platform/document-seal.ts.
 */
import { ed25519 } from '@noble/curves/ed25519.js';

export const SEAL_VERSION = 1;

/**
 * Series prefixes: a central server certifies S1, S2 …; a replica that is its own authority
 * (not enrolled) A1, A2 … — so an enrolled workstation never signs with a key of its own making.
 */
export const SERVER_SERIES_PREFIX = 'S';
export const LOCAL_SERIES_PREFIX = 'A';

export type SealFields = Readonly<Record<string, string | number | null>>;

export interface KeyCertificate {
  /** the workstation key's id (the register shows it; a stolen laptop's key is revoked by it) */
  keyId: string;
  /** the number series this key alone issues in ("A1" → A1-000001, A1-000002 …) */
  series: string;
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

export type CodeProblem = 'malformed' | 'certificate' | 'keyNotValidOn' | 'series' | 'signature';
export type CodeCheck = { ok: true; fields: SealFields; keyId: string; series: string } | { ok: false; reason: CodeProblem; keyId?: string };

/** JSON with keys sorted at every level: what is signed does not depend on the order fields travel in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export function certificateBody(c: Omit<KeyCertificate, 'signature'>): Uint8Array {
  return utf8(canonicalJson({ v: SEAL_VERSION, keyId: c.keyId, series: c.series, publicKey: c.publicKey, validFrom: c.validFrom, validTo: c.validTo }));
}

export function documentBody(keyId: string, fields: SealFields): Uint8Array {
  return utf8(canonicalJson({ v: SEAL_VERSION, keyId, fields }));
}

function fromBase64url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The code a QR carries (a URL fragment): the sealed JSON, base64url. */
export function encodeCode(s: Sealed): string {
  return toBase64url(utf8(JSON.stringify(s)));
}

/** The code from what a person pastes: the code itself, or the QR's URL (…/verify#CODE). */
export function codeFromText(text: string): string {
  const t = text.trim();
  const hash = t.indexOf('#');
  return (hash >= 0 ? t.slice(hash + 1) : t).replace(/\s+/g, '');
}

export function decodeCode(code: string): Sealed | null {
  try {
    const s = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(code))) as Sealed;
    const okFields = s && typeof s.fields === 'object' && s.fields !== null && Object.values(s.fields).every((v) => v === null || typeof v === 'string' || typeof v === 'number');
    const c = s?.cert;
    const okCert = !!c && ['keyId', 'series', 'publicKey', 'validFrom', 'validTo', 'signature'].every((k) => typeof (c as unknown as Record<string, unknown>)[k] === 'string');
    return s.v === SEAL_VERSION && okFields && okCert && typeof s.signature === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** An Ed25519 check of a signature (base64url) over a body by a raw public key (base64url); false for anything malformed. */
export type SignatureCheck = (signature: string, body: Uint8Array, publicKey: string) => boolean;

/** In pure JS, so the browser's /verify page runs it; Node passes its native check instead (platform/document-seal.ts), ~20× faster. */
export const nobleSignatureCheck: SignatureCheck = (signature, body, publicKey) => {
  try {
    return ed25519.verify(fromBase64url(signature), body, fromBase64url(publicKey));
  } catch {
    return false;
  }
};

/** Whether the root key (raw, base64url) signed this workstation key's certificate. */
export function certifiedBy(cert: KeyCertificate, rootPublicKey: string, verifies: SignatureCheck = nobleSignatureCheck): boolean {
  return verifies(cert.signature, certificateBody(cert), rootPublicKey);
}

/**
 * Checks a code against the university's root public key (raw, base64url): the certificate is
 * the root's, the document was issued (fields.issuedOn) inside the key's period, its number is
 * in the key's series, and every field is as signed. Revocation is checked on top, online.
 */
export function verifyCode(code: string, rootPublicKey: string, verifies: SignatureCheck = nobleSignatureCheck): CodeCheck {
  const s = decodeCode(codeFromText(code));
  if (!s) return { ok: false, reason: 'malformed' };
  const keyId = s.cert.keyId;
  if (!certifiedBy(s.cert, rootPublicKey, verifies)) return { ok: false, reason: 'certificate', keyId };
  const day = s.fields.issuedOn;
  if (typeof day !== 'string' || day < s.cert.validFrom || day > s.cert.validTo) return { ok: false, reason: 'keyNotValidOn', keyId };
  if (typeof s.fields.number !== 'string' || !s.fields.number.startsWith(`${s.cert.series}-`)) return { ok: false, reason: 'series', keyId };
  if (!verifies(s.signature, documentBody(keyId, s.fields), s.cert.publicKey)) return { ok: false, reason: 'signature', keyId };
  return { ok: true, fields: s.fields, keyId, series: s.cert.series };
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The short code printed under the QR for typing by hand ("A1-000017 · 7KQ4-M2XD"): the number
 * and eight characters drawn from the signature. It proves nothing offline; online it finds
 * the register entry, and the eight characters keep numbers from being guessed.
 */
export function shortCheck(signature: string): string {
  const bytes = fromBase64url(signature);
  let out = '';
  for (let i = 0; i < 8; i++) out += BASE32[bytes[i]! % 32];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
