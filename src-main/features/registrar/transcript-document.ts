/** A student's transcript as a file: the document input from the replica, laid out as PDF or xlsx. */
import type { ExportedFile, SessionUser } from '../../../src-shared/contract';
import type { StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import { latinNameOf } from '../../../src-shared/domain/transliterate';
import type { Database } from '../../db/connection';
import type { TranscriptDocumentInput, TranscriptLanguage } from '../../documents/transcript-document.model';
import { renderTranscriptPdf } from '../../documents/transcript/transcript.pdf';
import { renderTranscriptXlsx } from '../../documents/transcript/transcript.xlsx';
import { AppError } from '../../host/app-error';
import { universityToday } from '../../platform/university-clock';
import { holderSignature, universityNames } from '../reference/reference.service';
import { gradesOf, transcriptStudent } from './transcript.service';

export function transcriptInput(db: Database, session: SessionUser, studentId: string, today: string = universityToday()): TranscriptDocumentInput {
  const s = transcriptStudent(db, session, studentId);
  const grades = gradesOf(db, studentId);
  if (grades.semesters.length === 0) throw new AppError('validation', 'error.transcript.noGrades');
  const names = { lastName: s.last_name, firstName: s.first_name, patronymic: s.patronymic };
  return {
    university: universityNames(db),
    faculty: { ky: s.f_ky, ru: s.f_ru, en: s.f_en },
    student: {
      ...names,
      latinName: latinNameOf(s.latin_name, names),
      pin: s.pin,
      birthDate: s.birth_date,
      recordBookNo: s.record_book_no,
      status: s.status as StudentStatus,
      admissionYear: s.admission_year,
      form: s.form as StudyForm,
      specialtyCode: s.specialty_code,
      specialty: { ky: s.sp_ky, ru: s.sp_ru, en: s.sp_en },
    },
    grades,
    issuedOn: today,
    // the registrar who prints it signs it
    registrar: session.role === 'registrar' ? session.displayName : null,
    dean: holderSignature(db, 'dean', s.faculty_id),
  };
}

export async function renderTranscript(input: TranscriptDocumentInput, lang: TranscriptLanguage, format: 'pdf' | 'xlsx'): Promise<Buffer> {
  return format === 'pdf' ? renderTranscriptPdf(input, lang) : renderTranscriptXlsx(input, lang);
}

export async function exportTranscript(db: Database, session: SessionUser, req: { studentId: string; lang: TranscriptLanguage; format: 'pdf' | 'xlsx' }): Promise<ExportedFile> {
  const input = transcriptInput(db, session, req.studentId);
  const buffer = await renderTranscript(input, req.lang, req.format);
  return {
    fileName: transcriptFileName(input, req.lang, req.format),
    mimeType: req.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}

export function transcriptFileName(input: TranscriptDocumentInput, lang: TranscriptLanguage, format: 'pdf' | 'xlsx'): string {
  return `transcript-${input.student.recordBookNo}-${lang}.${format}`.replace(/[^\p{L}\p{N}._-]/gu, '_');
}
