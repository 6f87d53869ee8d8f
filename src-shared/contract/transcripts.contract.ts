/**
 * A student's grade history (the card's Grades tab) and the transcript printed from it
 * (issue 13): every closed attempt, the one that counts, and credits and GPA per semester and
 * overall, computed by src-shared/domain/gpa.ts.
 */
import { z } from 'zod';
import type { ControlForm } from '../domain/enums';
import { id, type Localized } from './common';
import { operation } from './define';
import type { BatchJobView } from './grade-session.contract';
import type { ExportedFile } from './orders.contract';

export interface AttemptView {
  attempt: number;
  academicYearId: string;
  sheetNumber: string;
  examDate: string | null;
  kind: 'main' | 'retake' | 'individual';
  total: number | null;
  letter: string | null;
  status: 'graded' | 'absent' | 'not_admitted';
}

export interface TranscriptLineView {
  /** the curriculum item: one discipline in one semester */
  offering: string;
  discipline: Localized;
  credits: number;
  hours: number;
  controlForm: ControlForm;
  /** every attempt in order; the last one counts */
  attempts: AttemptView[];
  total: number | null;
  letter: string | null;
  /** hundredths (367 = 3.67); null when the form stays out of the GPA or nothing was graded */
  gpaPoints: number | null;
  /** 5…2 for graded forms; null for a credit test (passed / not passed) */
  traditional: 2 | 3 | 4 | 5 | null;
  passed: boolean;
  inGpa: boolean;
}

export interface GpaFiguresView {
  creditsEarned: number;
  gpaCredits: number;
  /** hundredths; null without graded credits */
  gpa: number | null;
}

export interface SemesterView extends GpaFiguresView {
  semester: number;
  academicYearId: string;
  lines: TranscriptLineView[];
}

export interface StudentGradesView {
  studentId: string;
  semesters: SemesterView[];
  cumulative: GpaFiguresView;
}

export const TRANSCRIPT_FORMATS = ['pdf', 'xlsx'] as const;

export const transcriptsContract = {
  'transcripts.grades': operation<StudentGradesView>()(z.object({ studentId: id }).strict()),
  'transcripts.export': operation<ExportedFile>()(
    z.object({ studentId: id, lang: z.enum(['ky', 'ru', 'en']), format: z.enum(TRANSCRIPT_FORMATS) }).strict(),
  ),
  /** every transcript of a group, or of the students who graduated in a year, in worker threads */
  'transcripts.batchStart': operation<BatchJobView>()(
    z
      .object({
        groupId: id.optional(),
        graduatedIn: z.number().int().min(2000).max(2100).optional(),
        lang: z.enum(['ky', 'ru', 'en']),
        format: z.enum(TRANSCRIPT_FORMATS),
        zip: z.boolean().default(true),
      })
      .strict()
      .refine((r) => (r.groupId === undefined) !== (r.graduatedIn === undefined), { params: { code: 'oneOfGroupOrYear' }, path: ['groupId'] }),
  ),
  'transcripts.batchStatus': operation<BatchJobView>()(z.object({ jobId: id }).strict()),
  'transcripts.batchCancel': operation<BatchJobView>()(z.object({ jobId: id }).strict()),
  'transcripts.batchFile': operation<ExportedFile>()(z.object({ jobId: id }).strict()),
  'transcripts.batchFolder': operation<{ path: string }>()(z.object({ jobId: id }).strict()),
};
