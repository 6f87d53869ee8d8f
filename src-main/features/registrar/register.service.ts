/**
 * The register (issue 13): a certificate is computed as of today, numbered in this
 * workstation's series, sealed with its key and entered with its audit entry and outbox
 * mutation in one transaction; a reprint is a new entry marked DUPLICATE that names the
 * original; a revocation needs a reason. Verification checks the code with the root key, then
 * what the register knows of the number.
 */
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { ExportedFile, IssuedDocumentView, IssuedResult, SessionUser, VerifyView } from '../../../src-shared/contract';
import { canonicalJson, codeFromText, decodeCode, encodeCode, shortCheck, verifyCode, type CodeCheck, type SealFields } from '../../../src-shared/domain/document-code';
import { fullName } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import { latinNameOf } from '../../../src-shared/domain/transliterate';
import type { Database } from '../../db/connection';
import type { CertificateDocumentInput, CertificateLanguage } from '../../documents/certificate-document.model';
import { renderCertificatePdf } from '../../documents/certificate/certificate.pdf';
import { renderTranscriptPdf } from '../../documents/transcript/transcript.pdf';
import { AppError, forbidden } from '../../host/app-error';
import { nativeSignatureCheck, sealDocument } from '../../platform/document-seal';
import { universityToday } from '../../platform/university-clock';
import { holderSignature, universityNames } from '../reference/reference.service';
import { assertInScope, scopeFor } from '../scope';
import type { VerifyStatusResponse } from '../../../src-shared/sync/protocol';
import { createSyncHttp } from '../sync/sync-http';
import { readSyncState } from '../sync/sync-state.repository';
import { withWrite } from '../write-transaction';
import { insertIssued, issuedById, issuedByNumber, listIssued, nextSeq, revokeIssued, type IssuedRow } from './register.repository';
import { rootPublicKey, workstationKey } from './signing-key.service';
import { setting } from './signing-key.repository';
import { ACADEMIC_LANGUAGES, academicInput } from './academic-certificate';
import { studyOn, validUntil } from './study-certificate';
import { transcriptInput } from './transcript-document';
import { transcriptStudent } from './transcript.service';

const VERIFY_URL = 'registrar.verify_url';

/** Where the QR points: the setting IT keeps, else the central server's page, else a placeholder to set. */
export function verifyBaseUrl(db: Database): string {
  const configured = setting(db, VERIFY_URL);
  if (configured) return configured;
  const server = readSyncState(db)?.serverUrl;
  return server ? `${server.replace(/\/+$/, '')}/verify` : 'https://verify.unidesk.example/verify';
}

function view(r: IssuedRow): IssuedDocumentView {
  const signature = decodeCode(r.code)?.signature ?? '';
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    studentId: r.student_id,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    recordBookNo: r.record_book_no,
    issuedOn: r.issued_on,
    lang: r.lang,
    purpose: r.purpose,
    issuedBy: r.issued_by,
    workstation: r.workstation,
    duplicateOf: r.original_number,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    revokeReason: r.revoke_reason,
    shortCode: signature ? shortCheck(signature) : '',
    version: r.version,
  };
}

/** what the register issues: certificates of study, academic certificates and official (numbered, sealed) transcripts */
export type CertificateType = 'study' | 'academic' | 'transcript';

const FILE_PREFIX: Record<CertificateType, string> = { study: 'certificate', academic: 'academic-certificate', transcript: 'transcript' };

const pdfFile = (type: CertificateType, number: string, lang: string, buffer: Buffer): ExportedFile => ({
  fileName: `${FILE_PREFIX[type]}-${number}-${lang}.pdf`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
  mimeType: 'application/pdf',
  base64: buffer.toString('base64'),
});

export function createRegister(db: Database, today: () => string = () => universityToday(), opts: { statusTimeoutMs?: number } = {}) {
  /** The server's answer on a key and a number; null offline, not enrolled, or no answer in time. */
  async function onlineStatus(keyId: string, number: string): Promise<VerifyStatusResponse | null> {
    const state = readSyncState(db);
    if (!state) return null;
    try {
      return await createSyncHttp(state.serverUrl, { timeoutMs: opts.statusTimeoutMs ?? 4000 }).post<VerifyStatusResponse>('/v1/verify/status', { keyId, number });
    } catch {
      return null;
    }
  }

  /** What a document of each type prints and seals, computed as of `day`; the register numbers it. */
  interface Prepared {
    facultyId: string;
    student: { last_name: string; first_name: string; patronymic: string | null; birth_date: string };
    /** the type's own signed fields, beside number, date, names and birth date */
    fields: SealFields;
    hashed: unknown;
    render(number: string, duplicate: boolean, verify: { url: string; shortCode: string }): Promise<Buffer>;
  }

  function prepareStudy(session: SessionUser, studentId: string, day: string, purpose: string, lang: CertificateLanguage): Prepared {
    const s = transcriptStudent(db, session, studentId);
    const { study, faculty } = studyOn(db, studentId, day);
    const names = { lastName: s.last_name, firstName: s.first_name, patronymic: s.patronymic };
    const input: Omit<CertificateDocumentInput, 'number' | 'duplicate' | 'verify'> = {
      university: universityNames(db),
      faculty: { ky: faculty.ky, ru: faculty.ru, en: faculty.en },
      issuedOn: day,
      student: { ...names, latinName: latinNameOf(s.latin_name, names), sex: s.sex as 'F' | 'M', birthDate: s.birth_date },
      study,
      purpose,
      validUntil: validUntil(day),
      registrar: session.displayName,
      dean: holderSignature(db, 'dean', faculty.id),
    };
    return {
      facultyId: faculty.id,
      student: s,
      fields: { status: study.status, course: study.course, faculty: faculty.code, validUntil: input.validUntil },
      hashed: input,
      render: (number, duplicate, verify) => renderCertificatePdf({ ...input, number, duplicate, verify }, lang),
    };
  }

  function prepareAcademic(session: SessionUser, studentId: string, day: string, lang: CertificateLanguage): Prepared {
    if (!(ACADEMIC_LANGUAGES as readonly string[]).includes(lang)) throw new AppError('validation', 'error.academic.language', {}, [{ path: 'lang', key: 'error.academic.language' }]);
    const s = transcriptStudent(db, session, studentId);
    const { input, leaving } = academicInput(db, session, studentId, day);
    return {
      facultyId: s.faculty_id,
      student: s,
      fields: { faculty: s.faculty_code, leftOn: leaving.date, credits: input.grades.cumulative.creditsEarned, gpa: input.grades.cumulative.gpa },
      hashed: { ...input, leaving },
      render: (number, duplicate, verify) => renderTranscriptPdf({ ...input, registered: { number, duplicate, leaving, verify } }, lang),
    };
  }

  /** An official transcript: the Grades tab's transcript, numbered and sealed with its credits and GPA, for any student with a closed grade. */
  function prepareTranscript(session: SessionUser, studentId: string, day: string, lang: CertificateLanguage): Prepared {
    const s = transcriptStudent(db, session, studentId);
    // the registrar who issues it signs it
    const input = { ...transcriptInput(db, session, studentId, day), registrar: session.displayName };
    return {
      facultyId: s.faculty_id,
      student: s,
      fields: { faculty: s.faculty_code, status: s.status, credits: input.grades.cumulative.creditsEarned, gpa: input.grades.cumulative.gpa },
      hashed: input,
      render: (number, duplicate, verify) => renderTranscriptPdf({ ...input, registered: { number, duplicate, leaving: null, verify } }, lang),
    };
  }

  /** Numbers, seals and enters a document (one transaction); answers its register row and how to print it. */
  function enter(session: SessionUser, req: { type: CertificateType; studentId: string; lang: CertificateLanguage; purpose: string; duplicateOf: IssuedRow | null }) {
    const day = today();
    const p =
      req.type === 'study'
        ? prepareStudy(session, req.studentId, day, req.purpose, req.lang)
        : req.type === 'academic'
          ? prepareAcademic(session, req.studentId, day, req.lang)
          : prepareTranscript(session, req.studentId, day, req.lang);
    assertInScope(session, 'documentsIssued', 'write', { facultyId: p.facultyId }, 'error.transcript.scope');
    const { key, cert } = workstationKey(db, session, day);
    const workstation = readSyncState(db)?.deviceName ?? 'standalone';
    const contentHash = createHash('sha256').update(canonicalJson({ ...(p.hashed as object), lang: req.lang })).digest('hex');
    const st = p.student;
    return withWrite(db, session, (w) => {
      const seq = nextSeq(w, cert.series);
      const number = `${cert.series}-${String(seq).padStart(6, '0')}`;
      const fields: SealFields = {
        type: req.type,
        number,
        issuedOn: day,
        lastName: st.last_name,
        firstName: st.first_name,
        patronymic: st.patronymic,
        birthDate: st.birth_date,
        ...p.fields,
        duplicateOf: req.duplicateOf?.number ?? null,
        hash: contentHash.slice(0, 16),
      };
      const code = encodeCode(sealDocument(key, cert, fields));
      const row = {
        id: uuidv7(),
        number,
        series: cert.series,
        seq,
        type: req.type,
        student_id: req.studentId,
        faculty_id: p.facultyId,
        issued_on: day,
        lang: req.lang,
        purpose: req.purpose,
        fields_json: JSON.stringify(fields),
        content_hash: contentHash,
        key_id: cert.keyId,
        code,
        duplicate_of: req.duplicateOf?.id ?? null,
        issued_by: session.id,
        workstation,
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
        version: 1,
        created_at: w.now,
        updated_at: w.now,
      };
      insertIssued(w, row);
      const student = fullName({ lastName: st.last_name, firstName: st.first_name, patronymic: st.patronymic });
      w.audit({ action: req.duplicateOf ? 'document.reprint' : 'document.issue', entity: 'issued_document', entityId: row.id, oldValue: null, newValue: { number, type: req.type, student, purpose: req.purpose, duplicateOf: req.duplicateOf?.number ?? null } });
      w.outbox({ name: 'document.issue', entity: 'issued_document', entityId: row.id, payload: { number }, baseVersion: null });
      const verify = { url: `${verifyBaseUrl(db)}#${code}`, shortCode: shortCheck(decodeCode(code)!.signature) };
      return { id: row.id, number, render: () => p.render(number, req.duplicateOf !== null, verify) };
    });
  }

  async function issued(e: { id: string; number: string; render: () => Promise<Buffer> }, type: CertificateType, lang: CertificateLanguage): Promise<IssuedResult> {
    const buffer = await e.render();
    return { document: view(issuedById(db, e.id)!), file: pdfFile(type, e.number, lang, buffer) };
  }

  function found(session: SessionUser, id: string): IssuedRow {
    const row = issuedById(db, id);
    if (!row) throw new AppError('not_found', 'error.register.notFound');
    assertInScope(session, 'documentsIssued', 'read', { facultyId: row.faculty_id }, 'error.transcript.scope');
    return row;
  }

  return {
    async issueCertificate(session: SessionUser, req: { studentId: string; type: CertificateType; lang: CertificateLanguage; purpose: string }): Promise<IssuedResult> {
      if (!can(session.role, 'documents.certify')) throw new AppError('forbidden', 'error.register.certificatesOnly');
      return issued(enter(session, { ...req, duplicateOf: null }), req.type, req.lang);
    },

    /** A reprint: a new entry (numbered, sealed, audited) printed DUPLICATE, naming the original. */
    async reprint(session: SessionUser, req: { id: string }): Promise<IssuedResult> {
      if (!can(session.role, 'documents.certify')) throw new AppError('forbidden', 'error.register.certificatesOnly');
      const original = found(session, req.id);
      if (original.revoked_at) throw new AppError('conflict', 'error.register.revoked', { number: original.number });
      const type = original.type as CertificateType;
      return issued(enter(session, { type, studentId: original.student_id, lang: original.lang, purpose: original.purpose, duplicateOf: original }), type, original.lang);
    },

    revoke(session: SessionUser, req: { id: string; version: number; reason: string }): IssuedDocumentView {
      if (!can(session.role, 'documents.revoke')) throw forbidden();
      const row = found(session, req.id);
      assertInScope(session, 'documentsIssued', 'write', { facultyId: row.faculty_id }, 'error.transcript.scope');
      if (row.revoked_at) throw new AppError('conflict', 'error.register.alreadyRevoked', { number: row.number });
      if (!req.reason.trim()) throw new AppError('validation', 'error.register.reasonRequired', {}, [{ path: 'reason', key: 'error.register.reasonRequired' }]);
      withWrite(db, session, (w) => {
        if (!revokeIssued(w, row.id, req.version, session.id, req.reason.trim())) throw new AppError('conflict', 'error.conflict.staleVersion');
        w.audit({ action: 'document.revoke', entity: 'issued_document', entityId: row.id, oldValue: { revokedAt: null }, newValue: { number: row.number, reason: req.reason.trim() } });
        w.outbox({ name: 'document.revoke', entity: 'issued_document', entityId: row.id, payload: { number: row.number }, baseVersion: req.version });
      });
      return view(issuedById(db, row.id)!);
    },

    list(session: SessionUser, req: { query?: string; studentId?: string; offset: number; limit: number }) {
      if (!can(session.role, 'documents.issue')) throw forbidden();
      const { total, rows } = listIssued(db, scopeFor(session, 'documentsIssued', 'read'), req);
      return { total, rows: rows.map(view) };
    },

    /** Anyone signed in may check a code; the register adds what this replica knows of the number. */
    /**
     * The offline check (signature, key, series), then this replica's register, then — on an
     * enrolled workstation, if the server answers within a few seconds — the server's word on
     * the key and the document (a stolen laptop's key, a revocation not synced here yet).
     */
    async verify(code: string): Promise<VerifyView> {
      const root = rootPublicKey(db);
      const check: CodeCheck = root ? verifyCode(code, root, nativeSignatureCheck) : { ok: false, reason: 'certificate' };
      // a valid code's fields are those verified; a failed one's are decoded once more to show what it claims
      const sealed = check.ok ? { fields: check.fields } : decodeCode(codeFromText(code));
      const number = typeof sealed?.fields.number === 'string' ? sealed.fields.number : null;
      const entry = number ? issuedByNumber(db, number) : undefined;
      const register = entry ? { revokedAt: entry.revoked_at, revokeReason: entry.revoke_reason } : null;
      const base = { fields: sealed?.fields ?? null, keyId: check.ok ? check.keyId : (check.keyId ?? null), register, keyRevocation: null, online: null };
      const answer = (problem: VerifyView['problem'], more: Partial<VerifyView> = {}): VerifyView => ({ valid: problem === null, problem, ...base, ...more });
      if (!check.ok) return answer(check.reason);
      if (register?.revokedAt) return answer('revoked');
      const status = await onlineStatus(check.keyId, number!);
      if (!status) return answer(null, { online: readSyncState(db) ? 'failed' : null });
      if (status.key.state === 'revoked') return answer('keyRevoked', { keyRevocation: { revokedAt: status.key.revokedAt, reason: status.key.reason }, online: 'revoked' });
      if (status.document.state === 'revoked') return answer('revoked', { register: { revokedAt: status.document.revokedAt, revokeReason: status.document.reason }, online: 'revoked' });
      return answer(null, { online: status.document.state });
    },
  };
}
export type Register = ReturnType<typeof createRegister>;
