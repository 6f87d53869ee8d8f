/**
 * An academic certificate (академическая справка, issue 13): for a student who left, every
 * discipline studied with its hours, credits and grade (the transcript's table), and the order
 * that ended the studies with its reason — as of the issue date. Someone still studying gets a
 * certificate of study instead, a graduate their diploma supplement: both are refused with why.
 */
import type { SessionUser } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { Database } from '../../db/connection';
import type { Leaving, TranscriptDocumentInput } from '../../documents/transcript-document.model';
import { AppError } from '../../host/app-error';
import { historyRowOn } from '../orders/student-state.repository';
import { leavingOf } from './register.repository';
import { transcriptInput } from './transcript-document';

export const ACADEMIC_LANGUAGES = ['ky', 'ru'] as const;

/** The leaving order in force on `day`, or the refusal that says what the student is instead. */
export function leavingOn(db: Database, studentId: string, day: string): Leaving {
  const h = historyRowOn(db, studentId, day);
  if (!h || h.status === 'applicant') throw new AppError('validation', 'error.certificate.notEnrolled', { date: formatDate(day) });
  if (h.status !== 'expelled') throw new AppError('validation', 'error.academic.notLeft', { date: formatDate(day), status: { msg: `doc.status.${h.status}` as 'doc.status.active' } });
  const o = leavingOf(db, h.id)!;
  return {
    date: o.effective_date,
    orderNo: o.order_no,
    orderDate: o.order_date,
    reasonCode: o.expulsion_reason,
    basis: { ky: o.reason ?? '', ru: o.reason_ru },
  };
}

/** The certificate's content without its number and code (the register adds them). */
export function academicInput(db: Database, session: SessionUser, studentId: string, day: string): { input: TranscriptDocumentInput; leaving: Leaving } {
  const leaving = leavingOn(db, studentId, day);
  const input = transcriptInput(db, session, studentId, day);
  // the registrar who issues it signs it, whatever role printed the transcript
  return { input: { ...input, registrar: session.displayName }, leaving };
}
