/**
 * How each control form's sheet reads (DOMAIN.md §3): its title, whether the scale's parts
 * (modules, exam) are printed or only the total, whether the result is a grade or passed / not
 * passed, and who signs. Data, not branches in the builders: a new form is a new row here.
 */
import type { ControlForm } from '../../../src-shared/domain/enums';
import type { MessageKey } from '../../../src-shared/i18n';

export interface SheetFormTemplate {
  title: MessageKey;
  /** print each part of the scale (module 1, module 2, exam); else only the total */
  parts: boolean;
  /** the final part's heading on this form ("Зачёт" on a credit test), or null for the scale's own */
  finalLabel: MessageKey | null;
  /** 'grade': letter and traditional grade; 'passFail': зачтено / не зачтено from the credit-test pass mark */
  result: 'grade' | 'passFail';
  /** who signs before the dean; the first is the person recorded as the sheet's examiner */
  signatories: readonly MessageKey[];
}

export const SHEET_FORMS: Record<ControlForm, SheetFormTemplate> = {
  exam: { title: 'doc.sheet.title.exam', parts: true, finalLabel: null, result: 'grade', signatories: ['doc.sheet.examiner'] },
  graded_credit: { title: 'doc.sheet.title.gradedCredit', parts: true, finalLabel: 'doc.sheet.part.credit', result: 'grade', signatories: ['doc.sheet.examiner'] },
  credit: { title: 'doc.sheet.title.credit', parts: true, finalLabel: 'doc.sheet.part.credit', result: 'passFail', signatories: ['doc.sheet.examiner'] },
  // a defence is judged as a whole: modules and an exam column would mean nothing here
  course_work: {
    title: 'doc.sheet.title.courseWork',
    parts: false,
    finalLabel: null,
    result: 'grade',
    signatories: ['doc.sheet.supervisor', 'doc.sheet.commissionMember', 'doc.sheet.commissionMember'],
  },
  practice: { title: 'doc.sheet.title.practice', parts: false, finalLabel: null, result: 'grade', signatories: ['doc.sheet.practiceSupervisor'] },
  state_exam: {
    title: 'doc.sheet.title.stateExam',
    parts: false,
    finalLabel: null,
    result: 'grade',
    signatories: ['doc.sheet.commissionChair', 'doc.sheet.commissionMember', 'doc.sheet.commissionMember'],
  },
};
