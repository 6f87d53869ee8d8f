/** A made-up transcript for the document tests: one semester of `disciplines` graded exams. */
import type { SemesterView, TranscriptLineView } from '../../../src-shared/contract';
import type { TranscriptDocumentInput } from '../transcript-document.model';

/** Exams mostly; every fifth a credit test, every seventh retaken after an FX (its history printed under the name). */
function line(i: number): TranscriptLineView {
  const credit = i % 5 === 0;
  const main = { attempt: 1, academicYearId: '2025-2026', sheetNumber: `25-${i}`, examDate: '2026-01-12', kind: 'main' as const, status: 'graded' as const };
  const attempts = i % 7 === 0 ? [{ ...main, total: 45, letter: 'FX' }, { ...main, attempt: 2, kind: 'retake' as const, total: 85, letter: 'B+' }] : [{ ...main, total: 85, letter: 'B+' }];
  return {
    offering: `o${i}`,
    discipline: { ky: `Сабак ${i}`, ru: `Дисциплина ${i}`, en: `Discipline ${i}` },
    credits: 4,
    hours: 120,
    controlForm: credit ? 'credit' : 'exam',
    attempts,
    total: 85,
    letter: credit ? null : 'B+',
    gpaPoints: credit ? null : 333,
    traditional: credit ? null : 4,
    passed: true,
    inGpa: !credit,
  };
}

export function sampleTranscript(disciplines: number): TranscriptDocumentInput {
  const semester: SemesterView = { semester: 1, academicYearId: '2025-2026', lines: Array.from({ length: disciplines }, (_, i) => line(i + 1)), creditsEarned: 4 * disciplines, gpaCredits: 4 * disciplines, gpa: 333 };
  return {
    university: { ky: 'Университет', ru: 'Университет', en: 'University' },
    faculty: { ky: 'Экономика факультети', ru: 'Экономический факультет', en: 'Faculty of Economics' },
    student: {
      lastName: 'Үсөнова',
      firstName: 'Мөлмөл',
      patronymic: 'Чыңгыз кызы',
      latinName: 'Usonova Molmol Chyngyz kyzy',
      pin: '12345678901234',
      birthDate: '2005-03-14',
      recordBookNo: '22-00017',
      status: 'active',
      admissionYear: 2025,
      form: 'full_time',
      specialtyCode: '580100',
      specialty: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
    },
    grades: { studentId: 's', semesters: [semester], cumulative: { creditsEarned: 4 * disciplines, gpaCredits: 4 * disciplines, gpa: 333 } },
    issuedOn: '2026-12-05',
    registrar: 'Б. Э. Мамытов',
    dean: 'Ч. Ө. Үсөнов',
  };
}

