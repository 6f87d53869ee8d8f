/**
 * The key this workstation signs documents with (issue 13, "Keys"). The university's root key
 * certifies each registrar workstation's key for a year and a number series of its own; the
 * private key never leaves the replica and is stored sealed like the device token (with the
 * desktop app's safeStorage key; platform/token-seal.ts).
 *
 * A replica that is not enrolled with a central server (the demo, a university trying UniDesk
 * alone) is its own authority: it makes a root key once, keeps it sealed in its settings and
 * publishes its public key in the register's settings, so its documents verify exactly as a
 * server-certified workstation's do. An enrolled workstation never certifies itself: its key
 * must come certified by the server's root (README, "Keys and what IT keeps safe").
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { SessionUser } from '../../../src-shared/contract';
import { addDays } from '../../../src-shared/domain/dates';
import { certifiedBy, LOCAL_SERIES_PREFIX, SERVER_SERIES_PREFIX, type KeyCertificate } from '../../../src-shared/domain/document-code';
import { can, ROLES, type Role } from '../../../src-shared/domain/roles';
import type { SigningKeyResponse } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { certifyKey, exportPrivateKey, importPrivateKey, nativeSignatureCheck, newSigningKey, rawPublicKey } from '../../platform/document-seal';
import { isSealed, openToken, sealToken, tokenKey } from '../../platform/token-seal';
import { writeAudit } from '../audit/audit.repository';
import type { SyncHttp } from '../sync/sync-http';
import { readSyncState } from '../sync/sync-state.repository';
import { withWrite } from '../write-transaction';
import { liveKeyRows, insertKey, putSetting, seriesInUse, setting, storeCertifiedKey } from './signing-key.repository';

export const ROOT_PUBLIC_KEY = 'registrar.root_public_key';
const LOCAL_ROOT_KEY = 'registrar.local_root_key';

export interface WorkstationKey {
  key: KeyObject;
  cert: KeyCertificate;
}

const seal = (pem: string) => {
  const k = tokenKey();
  return k ? sealToken(pem, k) : pem;
};
function open(stored: string): KeyObject {
  if (!isSealed(stored)) return importPrivateKey(stored);
  const k = tokenKey();
  const pem = k ? openToken(stored, k) : null;
  // a copied replica carries no usable key: documents are signed only where the key was made
  if (!pem) throw new AppError('conflict', 'error.registrar.keyUnreadable');
  return importPrivateKey(pem);
}

/** The university's root public key (raw, base64url) this replica verifies with, if it has one. */
export function rootPublicKey(db: Database): string | null {
  return setting(db, ROOT_PUBLIC_KEY);
}

/** The next series of a local authority: A1, A2, … (one per key it ever certified). */
function nextLocalSeries(db: Database): string {
  const used = new Set(seriesInUse(db));
  let n = 1;
  while (used.has(`${LOCAL_SERIES_PREFIX}${n}`)) n++;
  return `${LOCAL_SERIES_PREFIX}${n}`;
}

function yearAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The workstation's key valid on `today`; on a standalone replica made and certified here the first time. */
export function workstationKey(db: Database, session: SessionUser, today: string): WorkstationKey {
  const enrolled = readSyncState(db) !== null;
  for (const row of liveKeyRows(db)) {
    const cert = JSON.parse(row.certificate_json) as KeyCertificate;
    // enrolled, only the server's root certifies: a key this replica made for itself would be refused by the server
    if (enrolled && !cert.series.startsWith(SERVER_SERIES_PREFIX)) continue;
    if (cert.validFrom <= today && today <= cert.validTo) return { key: open(row.private_key), cert };
  }
  if (enrolled) throw new AppError('conflict', 'error.registrar.noCertifiedKey');
  return withWrite(db, session, (w) => {
    let rootPem = setting(db, LOCAL_ROOT_KEY);
    let root: KeyObject;
    if (rootPem) root = open(rootPem);
    else {
      const made = newSigningKey();
      root = made.privateKey;
      rootPem = seal(exportPrivateKey(root));
      putSetting(w, LOCAL_ROOT_KEY, rootPem);
      putSetting(w, ROOT_PUBLIC_KEY, rawPublicKey(made.publicKey));
      w.audit({ action: 'registrar.rootKey', entity: 'settings', entityId: ROOT_PUBLIC_KEY, oldValue: null, newValue: { publicKey: rawPublicKey(made.publicKey) } });
    }
    const station = newSigningKey();
    const cert = certifyKey(root, station.publicKey, { keyId: randomUUID(), series: nextLocalSeries(db), validFrom: today, validTo: yearAfter(today) });
    insertKey(w, { key_id: cert.keyId, series: cert.series, certificate_json: JSON.stringify(cert), private_key: seal(exportPrivateKey(station.privateKey)), created_at: w.now });
    w.audit({ action: 'registrar.signingKey', entity: 'signing_key', entityId: cert.keyId, oldValue: null, newValue: { series: cert.series, validFrom: cert.validFrom, validTo: cert.validTo } });
    return { key: station.privateKey, cert };
  });
}

/** A key is renewed this many days before its certificate ends, so a workstation offline for weeks still signs. */
export const RENEW_DAYS = 30;

const signsDocuments = (role: string) => (ROLES as readonly string[]).includes(role) && can(role as Role, 'documents.certify');

/**
 * An enrolled registrar workstation's key, certified by the server's root key: asked for at
 * enrolment and by each sync when none covers the next RENEW_DAYS. The key pair is made here;
 * only the public half travels. The answer is checked before it is kept: the certificate must
 * be for this public key, signed by the root the server names. Null when nothing was needed.
 */
export async function ensureCertifiedKey(db: Database, http: SyncHttp, today: string): Promise<KeyCertificate | null> {
  const state = readSyncState(db);
  if (!state || state.tokenSealed || !signsDocuments(state.role)) return null;
  const root = rootPublicKey(db);
  const until = addDays(today, RENEW_DAYS);
  for (const row of liveKeyRows(db)) {
    const cert = JSON.parse(row.certificate_json) as KeyCertificate;
    if (root && certifiedBy(cert, root, nativeSignatureCheck) && cert.validFrom <= today && until <= cert.validTo) return null;
  }
  const made = newSigningKey();
  const publicKey = rawPublicKey(made.publicKey);
  const res = await http.post<SigningKeyResponse>('/v1/signing-key', { publicKey }, { token: state.token });
  if (res.certificate.publicKey !== publicKey || !certifiedBy(res.certificate, res.rootPublicKey, nativeSignatureCheck)) {
    throw new Error('the server answered with a key certificate that is not for this workstation’s key');
  }
  const cert = res.certificate;
  const now = new Date().toISOString();
  storeCertifiedKey(db, { key_id: cert.keyId, series: cert.series, certificate_json: JSON.stringify(cert), private_key: seal(exportPrivateKey(made.privateKey)), created_at: now }, res.rootPublicKey, (d) =>
    writeAudit(d, { txId: uuidv7(), now, userId: null }, { action: 'registrar.signingKey', entity: 'signing_key', entityId: cert.keyId, oldValue: null, newValue: { series: cert.series, validFrom: cert.validFrom, validTo: cert.validTo, certifiedBy: state.serverUrl } }),
  );
  return cert;
}

