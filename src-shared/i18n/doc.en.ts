/** Wording of printed documents, English (for completeness; state documents are ky/ru). Keys are those of doc.ru.ts. */
import type { docRu } from './doc.ru';

export const docEn: Record<keyof typeof docRu, string> = {
  'doc.page': 'Page {page} of {total}',
  'doc.dateBlank': '___ ____________ 20___',

  'doc.form.full_time': 'full-time',
  'doc.form.evening': 'evening',
  'doc.form.correspondence': 'correspondence',
  'doc.form.distance': 'distance',

  'doc.funding.budget': 'budget',
  'doc.funding.contract': 'contract',

  'doc.status.applicant': 'applicant',
  'doc.status.active': 'studying',
  'doc.status.on_leave': 'on academic leave',
  'doc.status.expelled': 'expelled',
  'doc.status.graduated': 'graduated',

  'doc.expulsionReason.own_wish': 'at own request',
  'doc.expulsionReason.academic_failure': 'for academic failure',
  'doc.expulsionReason.non_payment': 'for non-payment of tuition under the contract',
  'doc.expulsionReason.attendance': 'for systematic absence from classes without good reason',
  'doc.expulsionReason.transfer_out': 'on transfer to another higher education institution',

  'doc.order.title': 'ORDER',
  'doc.order.sheetName': 'Order',
  'doc.order.number': 'No.\u00a0{number}',
  'doc.order.draft': 'DRAFT',
  'doc.order.cancelledMark': 'CANCELLED',
  'doc.order.place': 'Bishkek',
  'doc.order.operative': 'I HEREBY ORDER:',
  'doc.order.basis': 'Basis: {reason}',
  'doc.order.expulsionReason': 'Reason for expulsion: {reason}.',
  'doc.order.stamp': 'Seal',

  'doc.order.subject.enrolment': 'On enrolment',
  'doc.order.subject.promotion': 'On promotion to the next course',
  'doc.order.subject.transfer': 'On transfer',
  'doc.order.subject.academic_leave': 'On granting academic leave',
  'doc.order.subject.return_from_leave': 'On return from academic leave',
  'doc.order.subject.expulsion': 'On expulsion',
  'doc.order.subject.reinstatement': 'On reinstatement',
  'doc.order.subject.graduation': 'On graduation and award of diplomas',
  'doc.order.subject.name_change': 'On change of name',
  'doc.order.subject.cancellation': 'On cancelling order No.\u00a0{number} of {date}',
  'doc.order.subject.cancellationAny': 'On cancelling an order',

  'doc.order.action.enrolment': 'To enrol as students from {date} the persons listed below:',
  'doc.order.action.promotion': 'To promote to the next course from {date} the students listed below:',
  'doc.order.action.transfer': 'To transfer from {date} the students listed below (former and new details are given in the list):',
  'doc.order.action.academic_leave': 'To grant academic leave from {date} to the students listed below for the periods given:',
  'doc.order.action.return_from_leave': 'To admit to classes from {date} the students listed below, returning from academic leave:',
  'doc.order.action.expulsion': 'To expel from {date} the students listed below:',
  'doc.order.action.reinstatement': 'To reinstate as students from {date} the persons listed below:',
  'doc.order.action.graduation':
    'To award diplomas to the students listed below, who have completed their studies, and to remove them from the student roll from {date}:',
  'doc.order.action.name_change': 'To change from {date} the names of the students listed below:',
  'doc.order.action.cancellation':
    'To cancel from {date} order No.\u00a0{number} of {cancelledDate} “{subject}” in respect of the students listed below:',

  'doc.order.total': '{count, plural, one {Total: # student} other {Total: # students}}',
  'doc.order.totalHonours': '{count, plural, other {of whom with honours: #}}',
  'doc.order.honours': 'diploma with honours',
  'doc.order.leavePeriod': '{from} – {to}',

  'doc.col.no': 'No.',
  'doc.col.fullName': 'Full name',
  'doc.col.recordBook': 'Record book no.',
  'doc.col.group': 'Group',
  'doc.col.specialty': 'Specialty',
  'doc.col.course': 'Course',
  'doc.col.form': 'Form of study',
  'doc.col.funding': 'Funding',
  'doc.col.status': 'Status',
  'doc.col.leave': 'Leave period',
  'doc.col.newName': 'New full name',
  'doc.col.note': 'Note',
};
