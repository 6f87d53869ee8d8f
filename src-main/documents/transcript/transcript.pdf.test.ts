/**
 * The transcript's page rule, on made-up histories of every length around a page's end: the
 * totals and signatures never start a page with no discipline on it (a signature page alone
 * could be stapled to anyone's grades), and no discipline is lost or printed twice.
 */
import { describe, expect, it } from 'vitest';
import type { SemesterView, TranscriptLineView } from '../../../src-shared/contract';
import { translate } from '../../../src-shared/i18n';
import { probePdf } from '../pdf/poppler.fixture';
import type { TranscriptDocumentInput } from '../transcript-document.model';
import { renderTranscriptPdf } from './transcript.pdf';

function line(i: number): TranscriptLineView {
  return {
    offering: `o${i}`,
    discipline: { ky: `Сабак ${i}`, ru: `Дисциплина ${i}`, en: `Discipline ${i}` },
    credits: 4,
    hours: 120,
    controlForm: 'exam',
    attempts: [{ attempt: 1, academicYearId: '2025-2026', sheetNumber: `25-${i}`, examDate: '2026-01-12', kind: 'main', total: 85, letter: 'B+', status: 'graded' }],
    total: 85,
    letter: 'B+',
    gpaPoints: 333,
    traditional: 4,
    passed: true,
    inGpa: true,
  };
}

function input(disciplines: number): TranscriptDocumentInput {
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

/** The row numbers of the disciplines printed on a page. */
const rowsOn = (page: string) => [...page.matchAll(/^\s*(\d+)\s+Дисциплина\s+\d+/gmu)].map((m) => Number(m[1]));

describe('transcript PDF: the closing block and the rows', () => {
  it('keeps the last disciplines with the totals and signatures, whatever the length; every row once', async () => {
    const cumulative = translate('ru', 'doc.transcript.cumulative', { credits: 0, gpa: '' }).split(':')[0]!;
    let carried = 0;
    // from a table ending mid-page to one whose closing block no longer fits under it
    for (let n = 24; n <= 44; n += 2) {
      const p = probePdf(await renderTranscriptPdf(input(n), 'ru'), `transcript-${n}`);
      const last = p.pages.at(-1)!;
      const all = p.pages.flatMap(rowsOn);
      expect(all, `${n} disciplines`).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(last, `${n} disciplines`).toContain(cumulative);
      expect(last, `${n} disciplines`).toContain('Ч. Ө. Үсөнов');
      expect(rowsOn(last).length, `${n} disciplines: rows on the signatures' page`).toBeGreaterThan(0);
      if (p.pages.length > 1 && rowsOn(last).length === 3 && rowsOn(p.pages.at(-2)!).length > 0) carried++;
    }
    // the range crosses the point where the closing block alone would have started a page
    expect(carried).toBeGreaterThan(0);
  });
});
