/**
 * What a transcript says in one language, as fields, one table and closing lines: the PDF and
 * the xlsx print exactly this. Per semester a heading row, the disciplines (earlier attempts of
 * a retaken one under its name), and the semester's credits and GPA; then the cumulative ones.
 */
import { formatDate } from '../../../src-shared/domain/dates';
import { formatGpa } from '../../../src-shared/domain/gpa';
import { fullName } from '../../../src-shared/domain/person';
import { transliterate } from '../../../src-shared/domain/transliterate';
import type { AttemptView, TranscriptLineView } from '../../../src-shared/contract';
import { translate, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { TranscriptDocumentInput, TranscriptLanguage } from '../transcript-document.model';

export const TRANSCRIPT_COLUMNS = ['no', 'discipline', 'credits', 'hours', 'form', 'points', 'letter', 'gpa', 'grade'] as const;
export type TranscriptColumn = (typeof TRANSCRIPT_COLUMNS)[number];

/** A table row: a discipline's cells, or a line across the table (a semester's heading or total). */
export type TranscriptRow = { kind: 'line'; cells: string[] } | { kind: 'heading' | 'total'; text: string };

export interface TranscriptContent {
  university: string;
  faculty: string;
  title: string;
  subtitle: string;
  fields: { label: string; value: string }[];
  headers: string[];
  rows: TranscriptRow[];
  cumulative: string;
  gpaNote: string;
  signatures: { position: string; name: string }[];
  seal: string;
  footerNote: string;
  fileTitle: string;
  /** a registered document's number and QR (and an academic certificate's leaving order); null on an unregistered transcript */
  register: { numberLine: string; duplicate: string | null; left: string | null; verifyText: string; qr: string } | null;
}

function attemptText(a: AttemptView, t: (k: MessageKey, v?: MessageValues) => string): string {
  if (a.status === 'absent') return t('doc.transcript.absent');
  if (a.status === 'not_admitted') return t('doc.transcript.notAdmitted');
  return a.letter ? `${a.total} ${a.letter}` : String(a.total);
}

function gradeText(l: TranscriptLineView, t: (k: MessageKey, v?: MessageValues) => string): string {
  if (l.traditional === null) return t(l.passed ? 'doc.sheet.result.passed' : 'doc.sheet.result.failed');
  return t(`doc.sheet.grade.${l.traditional}` as MessageKey);
}

export function transcriptContent(input: TranscriptDocumentInput, lang: TranscriptLanguage): TranscriptContent {
  const t = (key: MessageKey, values?: MessageValues) => translate(lang, key, values);
  const s = input.student;
  const decimal = lang === 'en' ? '.' : ',';
  const gpa = (v: number | null) => formatGpa(v, decimal);
  // the English transcript names the student in Latin letters (as in the passport)
  const name = lang === 'en' ? s.latinName : fullName(s);
  const latin = (text: string) => (lang === 'en' ? transliterate(text) : text);
  const rows: TranscriptRow[] = [];
  let no = 0;
  for (const sem of input.grades.semesters) {
    rows.push({ kind: 'heading', text: t('doc.transcript.semester', { semester: sem.semester, year: sem.academicYearId }) });
    for (const l of sem.lines) {
      const earlier = l.attempts.slice(0, -1).map((a) => attemptText(a, t));
      const discipline = l.discipline[lang] || l.discipline.ru;
      rows.push({
        kind: 'line',
        cells: [
          String(++no),
          earlier.length ? `${discipline}\n(${t('doc.transcript.earlier', { list: earlier.join('; ') })})` : discipline,
          String(l.credits),
          String(l.hours),
          t(`doc.sheet.control.${l.controlForm}` as MessageKey),
          l.attempts.at(-1)!.status === 'graded' ? String(l.total) : attemptText(l.attempts.at(-1)!, t),
          l.letter ?? '',
          l.gpaPoints === null ? '' : gpa(l.gpaPoints),
          gradeText(l, t),
        ],
      });
    }
    rows.push({ kind: 'total', text: t('doc.transcript.semesterTotal', { credits: sem.creditsEarned, gpa: gpa(sem.gpa) }) });
  }
  const issued = formatDate(input.issuedOn);
  const a = input.registered;
  const academic = a?.leaving ?? null;
  const title = academic ? t('doc.academic.title') : t('doc.transcript.title');
  return {
    university: input.university[lang] || input.university.ru,
    faculty: input.faculty[lang] || input.faculty.ru,
    title,
    subtitle: academic ? t('doc.academic.subtitle') : t('doc.transcript.subtitle'),
    fields: [
      { label: t('doc.transcript.fullName'), value: name },
      ...(s.pin ? [{ label: t('doc.transcript.pin'), value: s.pin }] : []),
      { label: t('doc.transcript.birthDate'), value: formatDate(s.birthDate) },
      { label: t('doc.transcript.recordBook'), value: s.recordBookNo },
      { label: t('doc.transcript.faculty'), value: input.faculty[lang] || input.faculty.ru },
      { label: t('doc.transcript.specialty'), value: `${s.specialtyCode} ${s.specialty[lang] || s.specialty.ru}` },
      { label: t('doc.transcript.form'), value: t(`doc.form.${s.form}` as MessageKey) },
      { label: t('doc.transcript.intake'), value: String(s.admissionYear) },
      { label: t('doc.transcript.status'), value: t(`doc.status.${s.status}` as MessageKey) },
      { label: t('doc.transcript.issued'), value: issued },
    ],
    headers: [
      '№',
      t('doc.transcript.col.discipline'),
      t('doc.transcript.col.credits'),
      t('doc.transcript.col.hours'),
      t('doc.transcript.col.form'),
      t('doc.transcript.col.points'),
      t('doc.transcript.col.letter'),
      t('doc.transcript.col.gpa'),
      t('doc.transcript.col.grade'),
    ],
    rows,
    cumulative: t('doc.transcript.cumulative', { credits: input.grades.cumulative.creditsEarned, gpa: gpa(input.grades.cumulative.gpa) }),
    gpaNote: t('doc.transcript.gpaNote'),
    signatures: [
      { position: t('doc.transcript.registrar'), name: latin(input.registrar ?? '') },
      { position: t('doc.sheet.dean'), name: latin(input.dean ?? '') },
    ],
    seal: t('doc.transcript.seal'),
    footerNote: a ? t(academic ? 'doc.certificate.footer' : 'doc.transcript.footerNumbered', { number: a.number, date: issued }) : t('doc.transcript.footer', { name, date: issued }),
    fileTitle: a ? `${title} ${a.number}` : `${t('doc.transcript.sheetName')} — ${name}`,
    register: a
      ? {
          numberLine: t('doc.certificate.number', { number: a.number, date: issued }),
          duplicate: a.duplicate ? t('doc.certificate.duplicate') : null,
          left: academic
            ? t('doc.academic.left', {
                order: academic.orderNo ?? '—',
                date: formatDate(academic.orderDate ?? academic.date),
                from: formatDate(academic.date),
                reason: academic.reasonCode ? t(`doc.expulsionReason.${academic.reasonCode}` as MessageKey) : ((lang === 'ru' ? academic.basis.ru : null) ?? academic.basis.ky),
              })
            : null,
          verifyText: t('doc.certificate.verify', { url: a.verify.url.replace(/#.*$/, ''), code: `${a.number} · ${a.verify.shortCode}` }),
          qr: a.verify.url,
        }
      : null,
  };
}
