/**
 * Signing offline-verifiable documents (issue 13), with node:crypto: the university's root key
 * certifies a registrar workstation's key for a period and a number series; the workstation
 * signs a document's essential fields. What is signed and how it is checked is shared with the
 * app, the CLI and the server's public page (src-shared/domain/document-code.ts).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import {
  certificateBody,
  documentBody,
  SEAL_VERSION,
  toBase64url,
  type KeyCertificate,
  type SealFields,
  type Sealed,
  type SignatureCheck,
} from '../../src-shared/domain/document-code';

export type { KeyCertificate, SealFields, Sealed };

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const SPKI_PREFIX_LENGTH = 12;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(key: KeyObject): string {
  return toBase64url(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_LENGTH));
}

export function newSigningKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** A private key as stored (PKCS#8 PEM) and back. */
export const exportPrivateKey = (k: KeyObject): string => k.export({ format: 'pem', type: 'pkcs8' }).toString();
export const importPrivateKey = (pem: string): KeyObject => createPrivateKey(pem);

/** The root key certifies a workstation's public key for a series and [validFrom, validTo] (ISO dates). */
export function certifyKey(root: KeyObject, workstationPublicKey: KeyObject, c: { keyId: string; series: string; validFrom: string; validTo: string }): KeyCertificate {
  const body = { keyId: c.keyId, series: c.series, publicKey: rawPublicKey(workstationPublicKey), validFrom: c.validFrom, validTo: c.validTo };
  return { ...body, signature: toBase64url(sign(null, certificateBody(body), root)) };
}

export function sealDocument(key: KeyObject, cert: KeyCertificate, fields: SealFields): Sealed {
  return { v: SEAL_VERSION, fields, cert, signature: toBase64url(sign(null, documentBody(cert.keyId, fields), key)) };
}

/** A raw Ed25519 public key (base64url, as certificates carry it) as a KeyObject. */
export function publicKeyFromRaw(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

// a verifying desk checks codes of a handful of workstation keys: their KeyObjects are kept
const publicKeys = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 256;

/** node:crypto's Ed25519 check (native), for main and the server; the browser uses the shared pure-JS one. */
export const nativeSignatureCheck: SignatureCheck = (signature, body, publicKey) => {
  try {
    let key = publicKeys.get(publicKey);
    if (!key) {
      key = publicKeyFromRaw(publicKey);
      if (publicKeys.size >= KEY_CACHE_LIMIT) publicKeys.clear();
      publicKeys.set(publicKey, key);
    }
    const sig = Buffer.from(signature, 'base64url');
    return sig.length === 64 && verify(null, body, key, sig);
  } catch {
    return false;
  }
};
