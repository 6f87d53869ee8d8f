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
}
