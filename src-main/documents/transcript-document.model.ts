/** What a transcript prints (issue 13): built by features/registrar, laid out by documents/transcript. */
import type { Localized, StudentGradesView } from '../../src-shared/contract';
import type { StudentStatus, StudyForm } from '../../src-shared/domain/enums';

export type TranscriptLanguage = 'ky' | 'ru' | 'en';

export interface TranscriptDocumentInput {
  university: Localized;
  faculty: Localized;
  student: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    /** the name in Latin letters: the spelling recorded for the student, else ICAO 9303 transliteration */
    latinName: string;
    pin: string | null;
    birthDate: string;
    recordBookNo: string;
    status: StudentStatus;
    admissionYear: number;
    form: StudyForm;
    specialtyCode: string;
    specialty: Localized;
  };
  grades: StudentGradesView;
  /** ISO date, the university's "today" */
  issuedOn: string;
  /** the signatories' printed names ("Б. Э. Мамытов"), or null to sign by hand */
  registrar: string | null;
  dean: string | null;
  /**
   * set: entered in the register with its number and QR — an official transcript, or (with
   * `leaving`) an academic certificate for a student who left
   */
  registered?: RegisteredPart;
}

export interface RegisteredPart {
  number: string;
  duplicate: boolean;
  leaving: Leaving | null;
  verify: { url: string; shortCode: string };
}

/** the order that ended the studies, as the academic certificate states it */
export interface Leaving {
  date: string;
  orderNo: string | null;
  orderDate: string | null;
  /** the order's expulsion reason, worded by the document's language */
  reasonCode: string | null;
  /** the order's basis as written (Kyrgyz, and Russian when it has one) */
  basis: { ky: string; ru: string | null };
}
