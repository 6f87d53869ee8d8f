import { z } from 'zod';
import {
  BASE_EDUCATIONS,
  FUNDINGS,
  STUDENT_STATUSES,
  STUDY_FORMS,
  type BaseEducation,
  type Funding,
  type StudentStatus,
  type StudyForm,
} from '../domain/enums';
import type { Sex } from '../domain/person';
import type { PinIssue } from '../domain/pin';
import { id, isoDate } from './common';
import { operation } from './define';

export interface StudentRow {
  id: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  recordBookNo: string;
  pin: string | null;
  groupId: string;
  facultyId: string;
  specialtyId: string;
  course: number;
  form: StudyForm;
  funding: Funding;
  status: StudentStatus;
  citizenship: string;
}

export interface StudentFlags {
  disability: boolean;
  orphan: boolean;
  targeted: boolean;
  dormitory: boolean;
  quotaForeigner: boolean;
}

export interface StatusHistoryEntry {
  id: string;
  effectiveDate: string;
  status: StudentStatus;
  groupId: string;
  groupName: string;
  course: number;
  form: StudyForm;
  funding: Funding;
  orderNo: string | null;
  orderDate: string | null;
  kind: string;
  /** the order behind the change, when it was made by an order in this system */
  orderId: string | null;
  /** true when a later order cancelled this change: shown, but no longer in force */
  voided: boolean;
  /** dated after today: signed, but not in force yet (DOMAIN.md §4) */
  pending: boolean;
  /** an academic leave's dates, from its order */
  leave: { from: string; to: string } | null;
  /** the order that cancelled this change */
  voidedByOrderId: string | null;
}

export interface StudentCard extends StudentRow {
  sex: Sex;
  birthDate: string;
  /** the passport's Latin spelling, null when none is recorded */
  latinName: string | null;
  baseEducation: BaseEducation;
  admissionYear: number;
  flags: StudentFlags;
  version: number;
  history: StatusHistoryEntry[];
  pinWarnings: PinIssue[];
}

export interface StudentSearchResult {
  total: number;
  offset: number;
  rows: StudentRow[];
}

export const studentSearchRequest = z.object({
  query: z.string().max(100).optional(),
  facultyId: id.optional(),
  specialtyId: id.optional(),
  groupId: id.optional(),
  course: z.number().int().min(1).max(6).optional(),
  form: z.enum(STUDY_FORMS).optional(),
  funding: z.enum(FUNDINGS).optional(),
  status: z.enum(STUDENT_STATUSES).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

const flagsPatch = z
  .object({
    disability: z.boolean(),
    orphan: z.boolean(),
    targeted: z.boolean(),
    dormitory: z.boolean(),
    quotaForeigner: z.boolean(),
  })
  .partial()
  .strict();

/**
 * Fields a clerk or students' HR may correct directly. Status, group, course, form,
 * funding and name change only through orders (DOMAIN.md §4), so they are not here.
 */
export const studentUpdateRequest = z.object({
  id,
  /** the version the user saw; a stale one is refused rather than overwriting someone's change */
  version: z.number().int().min(1),
  changes: z
    .object({
      recordBookNo: z.string().trim().min(1).max(20),
      pin: z
        .string()
        .trim()
        .max(20)
        .nullable()
        .transform((v) => (v === null || v === '' ? null : v.replace(/[\s-]/g, '')))
        .refine((v) => v === null || /^\d{14}$/.test(v), { params: { code: 'pin' } }),
      birthDate: isoDate,
      /** the passport's Latin spelling; empty: the English documents transliterate */
      latinName: z
        .string()
        .trim()
        .max(100)
        .nullable()
        .transform((v) => (v === null || v === '' ? null : v.replace(/\s+/g, ' ')))
        .refine((v) => v === null || /^[A-Za-z][A-Za-z' -]*$/.test(v), { params: { code: 'latin' } }),
      citizenship: z.string().regex(/^[A-Z]{2}$/),
      baseEducation: z.enum(BASE_EDUCATIONS),
      flags: flagsPatch,
    })
    .partial()
    .strict()
    .refine((c) => Object.keys(c).length > 0, { params: { code: 'emptyChanges' } }),
});

export interface StudentUpdateResult {
  student: StudentCard;
}

export const studentsContract = {
  'students.search': operation<StudentSearchResult>()(studentSearchRequest),
  'students.get': operation<StudentCard>()(z.object({ id })),
  'students.update': operation<StudentUpdateResult>()(studentUpdateRequest),
};
