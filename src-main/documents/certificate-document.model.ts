/** What a certificate of study prints (issue 13): built by features/registrar, laid out by documents/certificate. */
import type { Localized } from '../../src-shared/contract';
import type { Funding, StudyForm } from '../../src-shared/domain/enums';

export type CertificateLanguage = 'ky' | 'ru' | 'en';

export interface CertificateDocumentInput {
  university: Localized;
  faculty: Localized;
  number: string;
  issuedOn: string;
  /** a reprint: printed "DUPLICATE" under the original's number and date */
  duplicate: boolean;
  student: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    latinName: string;
    sex: 'F' | 'M';
    birthDate: string;
  };
  study: {
    status: 'active' | 'on_leave';
    course: number;
    form: StudyForm;
    funding: Funding;
    specialtyCode: string;
    specialty: Localized;
    enrolment: { orderNo: string; orderDate: string } | null;
    /** 30 June of the year the programme should end */
    expectedCompletion: string;
    leave: { from: string; to: string | null; orderNo: string | null } | null;
  };
  /** "for presentation to …"; empty: "wherever required" */
  purpose: string;
  validUntil: string;
  registrar: string | null;
  dean: string | null;
  verify: { url: string; shortCode: string };
}
