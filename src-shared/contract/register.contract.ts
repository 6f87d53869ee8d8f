/**
 * The register of issued documents (issue 13): certificates issued with a number and a signed
 * code, reprinted as duplicates, revoked with a reason, and checked by anyone.
 */
import { z } from 'zod';
import type { CodeProblem } from '../domain/document-code';
import { id } from './common';
import { operation } from './define';
import type { ExportedFile } from './orders.contract';

export const ISSUED_TYPES = ['study', 'academic', 'transcript'] as const;
export type IssuedType = (typeof ISSUED_TYPES)[number];

export interface IssuedDocumentView {
  id: string;
  number: string;
  type: IssuedType;
  studentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  recordBookNo: string;
  issuedOn: string;
  lang: 'ky' | 'ru' | 'en';
  purpose: string;
  issuedBy: string | null;
  workstation: string;
  /** the original's number, when this entry is a reprint */
  duplicateOf: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  /** the eight characters printed beside the number for typing by hand */
  shortCode: string;
  version: number;
}

export interface IssuedResult {
  document: IssuedDocumentView;
  file: ExportedFile;
}

export interface VerifyView {
  valid: boolean;
  /** why not: what the code itself fails, or what the register says */
  problem: CodeProblem | 'revoked' | 'keyRevoked' | null;
  /** the signed fields, to compare with the paper (also when the register revoked it) */
  fields: Record<string, string | number | null> | null;
  keyId: string | null;
  /** what this replica's register knows of the number (null: not in it, e.g. not synced yet) */
  register: { revokedAt: string | null; revokeReason: string | null } | null;
  /** the server revoked the key that signed it (a stolen laptop) */
  keyRevocation: { revokedAt: string | null; reason: string | null } | null;
  /** what the server said: null when not asked (not enrolled), 'failed' when it did not answer */
  online: 'valid' | 'revoked' | 'unknown' | 'failed' | null;
}

/** The reason a refused check names: the key's revocation or the document's. */
export const verifyReason = (v: VerifyView): string => v.keyRevocation?.reason ?? v.register?.revokeReason ?? '';

/** The message for what the server said, if it was asked. */
export const onlineNote = (v: VerifyView) =>
  v.online === 'valid' ? 'verify.online.ok' : v.online === 'unknown' ? 'verify.online.notInRegister' : v.online === 'failed' ? 'verify.online.failed' : null;

const lang = z.enum(['ky', 'ru', 'en']);

export const registerContract = {
  'register.issueCertificate': operation<IssuedResult>()(
    z.object({ studentId: id, type: z.enum(ISSUED_TYPES), lang, purpose: z.string().trim().max(200).default('') }).strict(),
  ),
  'register.list': operation<{ total: number; rows: IssuedDocumentView[] }>()(
    z
      .object({
        query: z.string().trim().max(60).optional(),
        studentId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'register.reprint': operation<IssuedResult>()(z.object({ id }).strict()),
  'register.revoke': operation<IssuedDocumentView>()(z.object({ id, version: z.number().int().min(1), reason: z.string().trim().min(1).max(300) }).strict()),
  'register.verify': operation<VerifyView>()(z.object({ code: z.string().trim().min(1).max(8000) }).strict()),
};
