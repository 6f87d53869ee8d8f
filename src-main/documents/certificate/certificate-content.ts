/**
 * What a certificate of study says in one language: its number and date, who the student is
 * and what they study as of the issue date (or that they are on academic leave), the
 * enrolment order, expected completion, the purpose and validity, who signs, and how anyone
 * can check it. Wording in src-shared/i18n/registrar.*.ts, listed in docs/documents.md.
 */
import { formatDate } from '../../../src-shared/domain/dates';
import { fullName } from '../../../src-shared/domain/person';
import { transliterate } from '../../../src-shared/domain/transliterate';
import { translate, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { CertificateDocumentInput, CertificateLanguage } from '../certificate-document.model';

export interface CertificateContent {
  university: string;
  faculty: string;
  title: string;
  numberLine: string;
  duplicate: string | null;
  paragraphs: string[];
  signatures: { position: string; name: string }[];
  seal: string;
  verifyText: string;
  qr: string;
  footerNote: string;
  fileTitle: string;
}

export function certificateContent(input: CertificateDocumentInput, lang: CertificateLanguage): CertificateContent {
  const t = (key: MessageKey, values?: MessageValues) => translate(lang, key, values);
  const s = input.student;
  const st = input.study;
  const en = lang === 'en';
  const name = en ? s.latinName : fullName(s);
  const latin = (text: string) => (en ? transliterate(text) : text);
  const university = input.university[lang] || input.university.ru;
  const faculty = input.faculty[lang] || input.faculty.ru;
  const paragraphs = [
    t('doc.certificate.body', {
      name,
      sex: s.sex,
      birth: formatDate(s.birthDate),
      course: st.course,
      form: { msg: `doc.certificate.form.${st.form}` as MessageKey },
      faculty,
      code: st.specialtyCode,
      specialty: st.specialty[lang] || st.specialty.ru,
      university,
      funding: { msg: `doc.certificate.funding.${st.funding}` as MessageKey },
    }),
  ];
  if (st.enrolment) paragraphs.push(t('doc.certificate.enrolled', { sex: s.sex, order: st.enrolment.orderNo, date: formatDate(st.enrolment.orderDate) }));
  if (st.status === 'on_leave' && st.leave) {
    paragraphs.push(t('doc.certificate.onLeave', { sex: s.sex, from: formatDate(st.leave.from), to: st.leave.to ? formatDate(st.leave.to) : '—', order: st.leave.orderNo ?? '—' }));
  }
  paragraphs.push(t('doc.certificate.completion', { date: formatDate(st.expectedCompletion) }));
  paragraphs.push(input.purpose.trim() ? t('doc.certificate.purpose', { purpose: input.purpose.trim() }) : t('doc.certificate.purposeAny'));
  paragraphs.push(t('doc.certificate.valid', { date: formatDate(input.validUntil) }));
  const date = formatDate(input.issuedOn);
  return {
    university,
    faculty,
    title: t('doc.certificate.title'),
    numberLine: t('doc.certificate.number', { number: input.number, date }),
    duplicate: input.duplicate ? t('doc.certificate.duplicate') : null,
    paragraphs,
    signatures: [
      { position: t('doc.transcript.registrar'), name: latin(input.registrar ?? '') },
      { position: t('doc.sheet.dean'), name: latin(input.dean ?? '') },
    ],
    seal: t('doc.transcript.seal'),
    verifyText: t('doc.certificate.verify', { url: input.verify.url.replace(/#.*$/, ''), code: `${input.number} · ${input.verify.shortCode}` }),
    qr: input.verify.url,
    footerNote: t('doc.certificate.footer', { number: input.number, date }),
    fileTitle: `${t('doc.certificate.title')} ${input.number}`,
  };
}
