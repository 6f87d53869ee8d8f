/**
 * The sync protocol between a device's replica and the central server (docs/sync.md). Both
 * sides validate every message with these schemas; nothing here touches a database.
 *
 * A device pushes its outbox grouped by local transaction: the named mutations (what the user
 * did, for authorization and the person reading a conflict) and the row changes that
 * transaction made (captured by triggers, so no write can forget to sync). The server applies
 * each transaction atomically and idempotently, then pulls hand back a change log.
 */
import type { KeyCertificate } from '../domain/document-code';
import { z } from 'zod';

/** The protocol's own version: the server accepts this and the previous one. */
export const PROTOCOL_VERSION = 1;

/** Limits both sides enforce: a push stays a few hundred mutations and under ~1 MB. */
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PUSH_BYTES = 1_000_000;
export const MAX_PULL_LIMIT = 5_000;

/**
 * A row as a plain object. Not z.record: checking each key with a schema costs more than the
 * rest of a 500-row push together; the server checks every value's shape itself (row-rules.ts).
 */
const json = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'expected an object of column values' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** One row written by a local transaction. `values` is the whole row after; `old` the row before. */
export const rowChange = z.object({
  table: z.string().regex(/^[a-z_]{1,40}$/),
  id: z.string().min(1).max(100),
  op: z.enum(['insert', 'update', 'delete']),
  values: json.nullable(),
  old: json.nullable(),
});
export type RowChange = z.infer<typeof rowChange>;

export const pushedMutation = z.object({
  /** the device's outbox sequence: increasing, without gaps */
  seq: z.number().int().min(1),
  mutationId: uuid,
  name: z.string().regex(/^[a-zA-Z_]+\.[a-zA-Z_]+$/).max(60),
  entity: z.string().max(40),
  entityId: z.string().max(100),
  baseVersion: z.number().int().nullable(),
  userId: z.string().max(100).nullable(),
  /** the replica's schema (migration) version the change was made with */
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(40),
  payload: z.unknown(),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushedTransaction = z.object({
  txId: uuid,
  mutations: z.array(pushedMutation).min(1).max(MAX_PUSH_MUTATIONS),
  rows: z.array(rowChange).max(20_000),
});
export type PushedTransaction = z.infer<typeof pushedTransaction>;

export const pushRequest = z.object({
  protocol: z.number().int(),
  /** which copy of the replica is pushing (given at enrolment, new after a renumbering) */
  incarnation: z.string().max(100).optional(),
  transactions: z.array(pushedTransaction).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequest>;

export type MutationStatus = 'applied' | 'rejected' | 'conflict';

export interface ConflictView {
  id: string;
  table: string;
  rowId: string;
  /** the fields that differ: the server's value and the device's */
  fields: { field: string; server: unknown; device: unknown }[];
  /** who changed the server's value last, and when (the change log's device and user) */
  serverChangedBy: string | null;
  serverChangedAt: string | null;
}

export interface MutationResult {
  seq: number;
  mutationId: string;
  status: MutationStatus;
  /** why it was rejected or what conflicts, for the person who resolves it */
  code?: string;
  message?: string;
  conflicts?: ConflictView[];
}

export interface PushResponse {
  results: MutationResult[];
  /** the last outbox seq the server has applied for this device (its idempotency mark) */
  lastSeq: number;
  /** set when the batch started after a gap: the device must resend from lastSeq + 1 */
  gapAt?: number;
  /**
   * set when a seq the server already answered came with another mutation: this replica was
   * restored from a backup or copied. Nothing from that point was applied; the device renumbers
   * its unconfirmed changes past lastSeq (/v1/rebase) and sends them again.
   */
  reusedAt?: number;
  /**
   * For rows of rejected or conflicting transactions: the server's row as it stands (null
   * values: the server has none), so the device can put its replica back in step while the
   * person decides. The device keeps its own values in its "Needs attention" list.
   */
  restore: PulledChange[];
}

/** The largest position the server's change log can have (bigint). */
const MAX_CURSOR = 9223372036854775807n;

export const pullRequest = z.object({
  protocol: z.number().int(),
  /** the last change-log position applied; "0" for the start (a PostgreSQL bigint: at most 2^63 − 1) */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= MAX_CURSOR, { message: 'beyond the largest change-log position' }),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
  /** the mark the server gave with this cursor: a change log rolled back (a restored server) does not match it */
  mark: z.string().regex(/^\d{1,24}$/).optional(),
});
export type PullRequest = z.infer<typeof pullRequest>;

export interface PulledChange {
  table: string;
  id: string;
  op: 'upsert' | 'delete';
  /** the whole row as the server holds it now (null for a delete) */
  values: Record<string, unknown> | null;
}

export interface PullResponse {
  changes: PulledChange[];
  /** apply the page, then store this cursor in the same local transaction */
  cursor: string;
  hasMore: boolean;
  /** which change the cursor points at (its commit time in µs): sent back with the next pull */
  mark?: string | null;
  /**
   * the cursor is past this server's change log, or points at a change it no longer has: the
   * server was restored from a backup. Nothing was applied; the device re-sends and re-loads.
   */
  restart?: boolean;
}

export const bootstrapRequest = z.object({
  protocol: z.number().int(),
  table: z.string().regex(/^[a-z_]{1,40}$/),
  /** rows of the table after this id, in id order; "" for the first page */
  after: z.string().max(100),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(2000),
});

export interface BootstrapPage {
  table: string;
  rows: Record<string, unknown>[];
  /** the last id of the page, for the next request; null when the table is done */
  next: string | null;
  /** the change-log position the snapshot is consistent with: pull from here afterwards */
  cursor: string;
}

/** What a device may see and push: a dean's office its faculty, accounting contract students, HR its staff. */
export const deviceScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('faculty'), facultyId: z.string().min(1) }),
  z.object({ kind: z.literal('contract') }),
  z.object({ kind: z.literal('hr') }),
]);
export type DeviceScope = z.infer<typeof deviceScope>;

/** Connecting a workstation from the app: the administrator's sign-in, to list the faculties to choose from. */
export const facultiesRequest = z.object({
  protocol: z.number().int(),
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export interface FacultiesResponse {
  faculties: { id: string; code: string; name_ky: string; name_ru: string; name_en: string }[];
}

/** How many sent mutations an enrolment asks about at most (the newest). */
export const MAX_SENT_ASKED = 10_000;

export const enrolRequest = z.object({
  protocol: z.number().int(),
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceName: z.string().trim().min(1).max(100),
  /** the role the device works as (its office): main authorizes every pushed mutation against it */
  role: z.string().min(1).max(40),
  scope: deviceScope,
  /**
   * enrolling again: the mutations this replica had sent (and keeps, 30 days); the server says
   * which it does not know at all — lost with a restore of the server — and those go again
   */
  sentMutations: z.array(z.string().min(1).max(64)).max(MAX_SENT_ASKED).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequest>;

export interface EnrolResponse {
  deviceId: string;
  token: string;
  scope: DeviceScope;
  role: string;
  incarnation: string;
  /** of `sentMutations`, those the server has no answer for under any device */
  unknownMutations?: string[];
}

/** A device asks which of the mutations it sent the server has no answer for (a restored server lost them). */
export const knownRequest = z.object({
  protocol: z.number().int(),
  mutationIds: z.array(z.string().min(1).max(64)).max(MAX_SENT_ASKED),
});
export interface KnownResponse {
  unknown: string[];
}

export const rebaseRequest = z.object({
  protocol: z.number().int(),
  /** the incarnation this replica has (it must still be the device's) */
  incarnation: z.string().max(100).nullable(),
  /** the one it takes (chosen by the device, so a rebase whose answer was lost can be asked again) */
  next: z.string().min(8).max(100).optional(),
});

export interface RebaseResponse {
  /** the replica's new incarnation: the copy that renumbered is the device from now on */
  incarnation: string;
  /** renumber unconfirmed changes from lastSeq + 1 */
  lastSeq: number;
}

export const heartbeatRequest = z.object({
  protocol: z.number().int(),
  pending: z.number().int().min(0),
  oldestPendingAt: z.string().max(40).nullable(),
  appVersion: z.string().max(40),
  lastError: z.string().max(500).nullable(),
});
export type HeartbeatRequest = z.infer<typeof heartbeatRequest>;

export interface HeartbeatResponse {
  /** the last outbox seq the server has applied for this device */
  lastSeq: number;
  serverTime: string;
}

export interface DeviceView {
  id: string;
  name: string;
  role: string;
  scope: DeviceScope;
  enrolledAt: string;
  enrolledBy: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  pending: number;
  oldestPendingAt: string | null;
  lastSeq: number;
  lastError: string | null;
}

/** Every error the server answers with: a code the client maps to the user's language, and English text for logs. */
export interface ServerError {
  error: string;
  message: string;
}

/** A registrar workstation asks the root key to certify its document-signing key (issue 13). */
export const signingKeyRequest = z.object({
  protocol: z.number().int(),
  /** raw Ed25519 public key, base64url (the private key never leaves the workstation) */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 public key in base64url'),
});
export interface SigningKeyResponse {
  certificate: KeyCertificate;
  rootPublicKey: string;
}

/** What anyone may ask of a document online: is its key or the document itself revoked. */
export const verifyStatusRequest = z.object({
  keyId: z.string().min(1).max(100),
  number: z.string().min(1).max(40),
});
export interface VerifyStatusResponse {
  /** unknown: a key this server did not certify (the signature check decides) */
  key: { state: 'valid' | 'revoked' | 'unknown'; revokedAt: string | null; reason: string | null };
  document: { state: 'valid' | 'revoked' | 'unknown'; revokedAt: string | null; reason: string | null };
}

/** The short code typed by hand: the number and the eight characters beside the QR. */
export const verifyLookupRequest = z.object({
  number: z.string().trim().min(1).max(40),
  check: z.string().trim().toUpperCase().regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}$/, 'eight characters, as printed beside the QR'),
});
export interface VerifyLookupResponse {
  code: string;
}
