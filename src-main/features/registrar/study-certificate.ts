/**
 * What a certificate of study states, computed from the student's history as of the issue
 * date (issue 13): studying or on academic leave gets the certificate; expelled, graduated or
 * not yet enrolled gets a refusal that says why, with the order behind it.
 */
import { addMonths, formatDate } from '../../../src-shared/domain/dates';
import type { Funding, StudyForm } from '../../../src-shared/domain/enums';
import type { Database } from '../../db/connection';
import type { CertificateDocumentInput } from '../../documents/certificate-document.model';
import { AppError } from '../../host/app-error';
import { historyRowOn } from '../orders/student-state.repository';
import { enrolmentOf, groupWithSpecialty, leaveOf } from './register.repository';

/** how long a certificate of study is good for */
const VALID_MONTHS = 6;

/** The study part of a certificate, or the refusal; `faculty` is the faculty of the group in force then. */
export function studyOn(db: Database, studentId: string, day: string): { study: CertificateDocumentInput['study']; faculty: { id: string; code: string; ky: string; ru: string; en: string } } {
  const h = historyRowOn(db, studentId, day);
  if (!h || h.status === 'applicant') throw new AppError('validation', 'error.certificate.notEnrolled', { date: formatDate(day) });
  const at = formatDate(h.effective_date);
  if (h.status === 'expelled') throw new AppError('validation', 'error.certificate.expelled', { date: at, order: h.order_no ?? '—' });
  if (h.status === 'graduated') throw new AppError('validation', 'error.certificate.graduated', { date: at, order: h.order_no ?? '—' });
  const g = groupWithSpecialty(db, h.group_id);
  if (!g) throw new Error(`history row ${h.id} names a missing group`);
  const enrolment = enrolmentOf(db, studentId);
  // the academic year `day` falls in starts on 1 September; the programme ends in June
  const yearStart = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 9 ? 1 : 0);
  const endYear = yearStart + (g.duration_years - h.course) + 1;
  const leave = h.status === 'on_leave' ? leaveOf(db, h.id) : undefined;
  return {
    faculty: { id: g.faculty_id, code: g.faculty_code, ky: g.f_ky, ru: g.f_ru, en: g.f_en },
    study: {
      status: h.status === 'on_leave' ? 'on_leave' : 'active',
      course: h.course,
      form: h.form as StudyForm,
      funding: h.funding as Funding,
      specialtyCode: g.code,
      specialty: { ky: g.name_ky, ru: g.name_ru, en: g.name_en },
      enrolment: enrolment?.order_no && enrolment.order_date ? { orderNo: enrolment.order_no, orderDate: enrolment.order_date } : null,
      expectedCompletion: `${endYear}-06-30`,
      leave: leave ? { from: leave.leave_from ?? leave.effective_date, to: leave.leave_to ?? null, orderNo: leave.order_no } : null,
    },
  };
}

export function validUntil(issuedOn: string): string {
  return addMonths(issuedOn, VALID_MONTHS);
}
