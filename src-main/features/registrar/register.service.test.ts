/**
 * Certificates of study and the register (issue 13) on the demo university: the wording for a
 * student studying, on leave, expelled or graduated as of the issue date; the code that anyone
 * can check, and how tampering, revocation and a foreign key fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src-shared/contract';
import { decodeCode, encodeCode } from '../../../src-shared/domain/document-code';
import { openDatabase, type Database } from '../../db/connection';
import { probePdf } from '../../documents/pdf/poppler.fixture';
import { refusal } from '../../testing/refusal';
import { generateDemo } from '../demo/demo.generator';
import { studentUpdateRequest } from '../../../src-shared/contract/students.contract';
import { createStudentsService } from '../students/students.service';
import { createRegister } from './register.service';

const TODAY = '2026-12-04';
let db: Database;
let register: ReturnType<typeof createRegister>;
const user = (username: string) =>
  db.sqlite.prepare(`SELECT id, username, display_name AS displayName, role, faculty_id AS facultyId FROM app_user WHERE username = ?`).get(username) as SessionUser;
const studentWith = (status: string, extra = '') =>
  db.sqlite.prepare(`SELECT s.id, s.last_name, s.first_name FROM student s WHERE s.status = ? ${extra} ORDER BY s.record_book_no LIMIT 1`).get(status) as { id: string; last_name: string; first_name: string };
const squash = (s: string) => s.replace(/\s+/g, ' ');
const pdfText = (base64: string, name: string) => squash(probePdf(Buffer.from(base64, 'base64'), name).pages.join(' '));
const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  db = openDatabase(':memory:');
  await generateDemo(db, { students: 400 });
  register = createRegister(db, () => TODAY);
});
afterAll(() => db.close());

describe('a certificate of study', () => {
  it('states what a studying student studies, numbers it in the workstation’s series and enters it with audit and outbox', async () => {
    const s = studentWith('active', `AND s.course = 2 AND s.sex = 'F'`);
    const r = await register.issueCertificate(user('registrar'), { type: 'study', studentId: s.id, lang: 'ru', purpose: 'в Социальный фонд' });
    expect(r.document).toMatchObject({ number: 'A1-000001', type: 'study', studentId: s.id, issuedOn: TODAY, purpose: 'в Социальный фонд', duplicateOf: null, revokedAt: null });
    const text = pdfText(r.file.base64, 'study-ru');
    expect(text).toContain('СПРАВКА');
    expect(text).toContain('№ A1-000001 от 04.12.2026');
    expect(text).toContain(`${s.last_name} ${s.first_name}`);
    expect(text).toMatch(/она действительно является студенткой 2 курса/);
    expect(text).toMatch(/Зачислена приказом № \S+ от \d\d\.\d\d\.\d{4}/);
    expect(text).toContain('Справка выдана для предъявления: в Социальный фонд.');
    expect(text).toContain('Справка действительна до 04.06.2027.');
    expect(text).toContain(`A1-000001 · ${r.document.shortCode}`);
    expect(count(`SELECT count(*) FROM audit_log WHERE action = 'document.issue'`)).toBe(1);
    expect(count(`SELECT count(*) FROM outbox WHERE name = 'document.issue'`)).toBe(1);
  });

  it('is checked by its code alone: valid as issued, "signature" for any changed field, revoked once revoked', async () => {
    const s = studentWith('active', 'AND s.course = 3');
    const r = await register.issueCertificate(user('registrar'), { type: 'study', studentId: s.id, lang: 'ky', purpose: '' });
    const code = db.sqlite.prepare(`SELECT code FROM issued_document WHERE id = ?`).pluck().get(r.document.id) as string;
    expect(await register.verify(`https://verify.unidesk.example/verify#${code}`)).toMatchObject({ valid: true, problem: null, fields: { number: r.document.number, lastName: s.last_name, course: 3 } });
    const sealed = decodeCode(code)!;
    for (const [k, v] of Object.entries({ lastName: 'Башка', firstName: 'Башка', birthDate: '1999-01-01', course: 4, status: 'on_leave', number: 'A1-000999', issuedOn: '2026-12-05', hash: '0000000000000000' })) {
      expect(await register.verify(encodeCode({ ...sealed, fields: { ...sealed.fields, [k]: v } })), k).toMatchObject({ valid: false, problem: 'signature' });
    }
    expect(await register.verify('garbage')).toMatchObject({ valid: false, problem: 'malformed' });

    expect(refusal(() => register.revoke(user('registrar'), { id: r.document.id, version: 1, reason: '   ' }))).toMatchObject({ code: 'validation' });
    const revoked = register.revoke(user('registrar'), { id: r.document.id, version: 1, reason: 'выдана по ошибке' });
    expect(revoked).toMatchObject({ revokeReason: 'выдана по ошибке', revokedBy: expect.any(String) });
    expect(await register.verify(code)).toMatchObject({ valid: false, problem: 'revoked', register: { revokeReason: 'выдана по ошибке' } });
    await expect(register.reprint(user('registrar'), { id: r.document.id })).rejects.toMatchObject({ key: 'error.register.revoked' });
    expect(count(`SELECT count(*) FROM outbox WHERE name = 'document.revoke'`)).toBe(1);
  });

  it('prints Kyrgyz letters in Kyrgyz and the Latin name in English; a reprint is a numbered DUPLICATE naming the original', async () => {
    const s = studentWith('active', 'AND s.course = 1');
    const ky = await register.issueCertificate(user('registrar'), { type: 'study', studentId: s.id, lang: 'ky', purpose: '' });
    const text = pdfText(ky.file.base64, 'study-ky');
    expect(text).toContain('МААЛЫМКАТ');
    expect(text).toMatch(/[ңөү]/);
    expect(text).toContain('студенти экенин');
    const en = await register.issueCertificate(user('registrar'), { type: 'study', studentId: s.id, lang: 'en', purpose: 'the Embassy of Germany' });
    const enText = pdfText(en.file.base64, 'study-en');
    expect(enText).toContain('CERTIFICATE OF STUDY');
    expect(enText).not.toContain(s.last_name);
    expect(enText).toMatch(/Issued for presentation to: the Embassy of Germany\./);
    const dup = await register.reprint(user('registrar'), { id: en.document.id });
    expect(dup.document.duplicateOf).toBe(en.document.number);
    expect(dup.document.number).not.toBe(en.document.number);
    expect(pdfText(dup.file.base64, 'study-dup')).toContain('DUPLICATE');
    expect((await register.verify(db.sqlite.prepare(`SELECT code FROM issued_document WHERE id = ?`).pluck().get(dup.document.id) as string)).fields).toMatchObject({ duplicateOf: en.document.number });
  });

  it('says that a student on leave is on leave, and refuses the expelled and the graduated saying why, writing nothing', async () => {
    const leave = studentWith('on_leave');
    const r = await register.issueCertificate(user('registrar'), { type: 'study', studentId: leave.id, lang: 'ru', purpose: '' });
    expect(pdfText(r.file.base64, 'study-leave')).toMatch(/Находится в академическом отпуске с \d\d\.\d\d\.\d{4} по \d\d\.\d\d\.\d{4} \(приказ № \S+\)/);
    const before = count('SELECT count(*) FROM issued_document');
    await expect(register.issueCertificate(user('registrar'), { type: 'study', studentId: studentWith('expelled').id, lang: 'ru', purpose: '' })).rejects.toMatchObject({ key: 'error.certificate.expelled', values: { order: expect.stringMatching(/\S/) } });
    await expect(register.issueCertificate(user('registrar'), { type: 'study', studentId: studentWith('graduated').id, lang: 'ru', purpose: '' })).rejects.toMatchObject({ key: 'error.certificate.graduated' });
    expect(count('SELECT count(*) FROM issued_document')).toBe(before);
  });

  it('is the registrar’s: a dean’s office may not issue one, and sees only its faculty’s entries', async () => {
    const s = studentWith('active');
    await expect(register.issueCertificate(user('clerk'), { type: 'study', studentId: s.id, lang: 'ru', purpose: '' })).rejects.toMatchObject({ key: 'error.register.certificatesOnly' });
    const all = register.list(user('registrar'), { offset: 0, limit: 100 });
    const mine = register.list(user('clerk'), { offset: 0, limit: 100 });
    expect(all.total).toBeGreaterThan(mine.total);
    expect(refusal(() => register.list(user('accountant'), { offset: 0, limit: 100 }))).toMatchObject({ code: 'forbidden' });
    // by a name typed in capitals, as the student search finds it
    const first = all.rows.at(-1)!;
    expect(register.list(user('registrar'), { query: first.lastName.toLocaleUpperCase('ky'), offset: 0, limit: 100 }).rows.map((r) => r.id)).toContain(first.id);
  });
});

describe('an academic certificate', () => {
  it('lists what an expelled student studied and the order that ended it, in Kyrgyz and Russian, sealed and registered', async () => {
    const s = db.sqlite
      .prepare(
        `SELECT s.id, s.last_name, s.first_name, h.order_no, o.expulsion_reason FROM student s
         JOIN student_status_history h ON h.student_id = s.id AND h.status = 'expelled' AND h.voided_by_order_id IS NULL
         JOIN student_order o ON o.id = h.order_id
         WHERE s.status = 'expelled' AND o.expulsion_reason = 'academic_failure'
           AND EXISTS (SELECT 1 FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id WHERE g.student_id = s.id AND gs.state = 'closed')
         ORDER BY s.record_book_no LIMIT 1`,
      )
      .get() as { id: string; last_name: string; first_name: string; order_no: string };
    const ru = await register.issueCertificate(user('registrar'), { type: 'academic', studentId: s.id, lang: 'ru', purpose: '' });
    expect(ru.document).toMatchObject({ type: 'academic', studentId: s.id });
    expect(ru.file.fileName).toMatch(/^academic-certificate-A1-\d{6}-ru\.pdf$/);
    const text = pdfText(ru.file.base64, 'academic-ru');
    expect(text).toContain('АКАДЕМИЧЕСКАЯ СПРАВКА');
    expect(text).toContain(`Отчислен(а) приказом № ${s.order_no}`);
    expect(text).toContain('за академическую неуспеваемость');
    expect(text).toMatch(/1 семестр \(\d{4}-\d{4} учебный год\)/);
    expect(text).toContain(`Справка № ${ru.document.number}`);
    expect(text).toContain(`${ru.document.number} · ${ru.document.shortCode}`);
    const code = db.sqlite.prepare('SELECT code FROM issued_document WHERE id = ?').pluck().get(ru.document.id) as string;
    const checked = await register.verify(code);
    expect(checked).toMatchObject({ valid: true, fields: { type: 'academic', lastName: s.last_name, leftOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(checked.fields!.credits).toBeGreaterThan(0);
    const ky = await register.issueCertificate(user('registrar'), { type: 'academic', studentId: s.id, lang: 'ky', purpose: '' });
    expect(pdfText(ky.file.base64, 'academic-ky')).toMatch(/АКАДЕМИЯЛЫК МААЛЫМКАТ[\s\S]*окуудан чыгарылган/);
    await expect(register.issueCertificate(user('registrar'), { type: 'academic', studentId: s.id, lang: 'en', purpose: '' })).rejects.toMatchObject({ key: 'error.academic.language' });
  });

  it('refuses a student still studying or graduated, saying what they are on the date', async () => {
    const before = count('SELECT count(*) FROM issued_document');
    await expect(register.issueCertificate(user('registrar'), { type: 'academic', studentId: studentWith('active', 'AND s.course >= 2').id, lang: 'ru', purpose: '' })).rejects.toMatchObject({
      key: 'error.academic.notLeft',
      values: { date: '04.12.2026', status: { msg: 'doc.status.active' } },
    });
    await expect(register.issueCertificate(user('registrar'), { type: 'academic', studentId: studentWith('graduated').id, lang: 'ru', purpose: '' })).rejects.toMatchObject({ key: 'error.academic.notLeft' });
    expect(count('SELECT count(*) FROM issued_document')).toBe(before);
  });
});

describe('an official transcript', () => {
  it('is the Grades tab’s transcript numbered in the register, its credits and GPA sealed; a tampered GPA fails; a duplicate names the original', async () => {
    const s = studentWith('active', 'AND s.course = 4');
    const grades = (await import('./transcript.service')).studentGrades(db, user('registrar'), s.id);
    const en = await register.issueCertificate(user('registrar'), { type: 'transcript', studentId: s.id, lang: 'en', purpose: '' });
    expect(en.document).toMatchObject({ type: 'transcript', studentId: s.id, issuedOn: TODAY });
    expect(en.file.fileName).toBe(`transcript-${en.document.number}-en.pdf`);
    const text = pdfText(en.file.base64, 'transcript-registered-en');
    expect(text).toContain('ACADEMIC TRANSCRIPT');
    expect(text).toContain(`No. ${en.document.number} of 04.12.2026`);
    expect(text).toContain(`${en.document.number} · ${en.document.shortCode}`);
    expect(text).not.toContain('ACADEMIC CERTIFICATE');
    const code = db.sqlite.prepare('SELECT code FROM issued_document WHERE id = ?').pluck().get(en.document.id) as string;
    const checked = await register.verify(code);
    expect(checked).toMatchObject({ valid: true, fields: { type: 'transcript', status: 'active', credits: grades.cumulative.creditsEarned, gpa: grades.cumulative.gpa } });
    const sealed = decodeCode(code)!;
    expect(await register.verify(encodeCode({ ...sealed, fields: { ...sealed.fields, gpa: 3.99 } }))).toMatchObject({ valid: false, problem: 'signature' });
    const dup = await register.reprint(user('registrar'), { id: en.document.id });
    expect(dup.document).toMatchObject({ type: 'transcript', duplicateOf: en.document.number });
    expect(pdfText(dup.file.base64, 'transcript-duplicate')).toMatch(/D\s*U\s*P\s*L\s*I\s*C\s*A\s*T\s*E/);
    // a first-year student with nothing closed yet has nothing to certify
    await expect(register.issueCertificate(user('registrar'), { type: 'transcript', studentId: studentWith('active', 'AND s.course = 1').id, lang: 'ru', purpose: '' })).rejects.toMatchObject({ key: 'error.transcript.noGrades' });
  });
});

describe('the Latin name', () => {
  it('prints the passport spelling recorded on the card in English, and refuses one not in Latin letters', async () => {
    const s = studentWith('active', `AND s.course = 3`);
    const version = db.sqlite.prepare('SELECT version FROM student WHERE id = ?').pluck().get(s.id) as number;
    const spelled = studentUpdateRequest.parse({ id: s.id, version, changes: { latinName: '  DZHENISHBEKOVA   AIDA ' } });
    await createStudentsService(db, () => TODAY).update(user('studhr'), spelled);
    expect(db.sqlite.prepare('SELECT latin_name FROM student WHERE id = ?').pluck().get(s.id)).toBe('DZHENISHBEKOVA AIDA');
    const en = await register.issueCertificate(user('registrar'), { type: 'study', studentId: s.id, lang: 'en', purpose: '' });
    expect(pdfText(en.file.base64, 'study-latin')).toContain('DZHENISHBEKOVA AIDA');
    const cyrillic = studentUpdateRequest.safeParse({ id: s.id, version: version + 1, changes: { latinName: 'Жеңишбекова' } });
    expect(cyrillic.success).toBe(false);
    expect(cyrillic.error!.issues[0]).toMatchObject({ path: ['changes', 'latinName'], params: { code: 'latin' } });
  });
});
