/**
 * The grading scale as an administrator keeps it (issue 4, DOMAIN.md §3): versions per
 * academic year, read and saved whole. A save is always a new version; sheets keep theirs.
 */
import { z } from 'zod';
import { OUTCOMES, type GradingScale } from '../domain/grading';
import { CONTROL_FORMS } from '../domain/enums';
import { id } from './common';
import { operation } from './define';

/** "2027-2028": two consecutive years, the form academic_year ids take. */
export const academicYearId = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1);

// Types and sizes only: ranges, overlaps, sums and the rules between fields are validateScale's,
// whose problems name the band or part in the administrator's language.
const points = z.number().int().min(-1000).max(1000);
const text = (max: number) => z.string().max(max);
const part = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/),
  max: points,
  kind: z.enum(['current', 'final']),
  label: z.object({ ky: text(40), ru: text(40), en: text(40) }),
});

export const gradingScaleInput = z
  .object({
    bands: z
      .array(
        z.object({
          min: points,
          max: points,
          letter: text(5),
          gpa: z.number().int().min(-1000).max(1000),
          traditional: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
          outcome: z.enum(OUTCOMES),
        }),
      )
      .min(1)
      .max(30),
    parts: z.array(part).min(1).max(10),
    admissionThreshold: points,
    passMark: points,
    attemptLimit: z.number().int().min(-1000).max(20),
    creditTestPassMark: points,
    /** course work, practice, state exam: their own parts (GradingScale.formParts) */
    formParts: z.partialRecord(z.enum(CONTROL_FORMS), z.array(part).min(1).max(10)).optional(),
  })
  .strict();

export interface GradingScaleVersion {
  id: string;
  /** the scale applies from this academic year on, until a later year has its own */
  academicYearId: string;
  /** 1, 2, … within the academic year */
  version: number;
  createdAt: string;
  /** display name; null for the default stored when the first sheets were generated */
  createdBy: string | null;
  /** how many grade sheets were generated with this version */
  sheets: number;
}

export interface GradingScaleList {
  /** newest year first, then newest version */
  rows: GradingScaleVersion[];
  /** years a version may be saved for: those in the academic calendar and the one after the last */
  academicYears: string[];
}

export interface GradingScaleDetail {
  academicYearId: string;
  /** the version in force for the year (its own latest, or an earlier year's); null: none stored, the default applies */
  inForce: GradingScaleVersion | null;
  scale: GradingScale;
  /** the latest version stored for exactly this year, 0 when none: what a save must be based on */
  baseVersion: number;
}

export const gradingScaleContract = {
  'gradingScale.list': operation<GradingScaleList>()(z.object({})),
  /** the scale in force for an academic year, or one stored version by id */
  'gradingScale.get': operation<GradingScaleDetail>()(
    z.union([z.object({ academicYearId }).strict(), z.object({ id }).strict()]),
  ),
  'gradingScale.save': operation<GradingScaleDetail>()(
    z.object({ academicYearId, baseVersion: z.number().int().min(0), scale: gradingScaleInput }).strict(),
  ),
};
