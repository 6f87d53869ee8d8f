/**
 * Curricula (DOMAIN.md §2): per specialty × intake year × form of study, the disciplines of
 * each semester with credits, hours and control form. The teaching department edits them;
 * the offices that register groups and read grade sheets only read them.
 */
import { z } from 'zod';
import { CONTROL_FORMS, STUDY_FORMS, type ControlForm, type StudyForm } from '../domain/enums';
import { id, type Localized } from './common';
import { operation } from './define';

/** A curriculum's semesters never exceed 6 years of study (the schema's CHECK). */
export const MAX_SEMESTER = 12;
/** 60 credits is a full year; one discipline never carries more (the schema's CHECK). */
export const MAX_CREDITS = 60;
/** 1 credit = 30 hours (DOMAIN.md §2), so 60 credits is 1,800 hours; a little headroom for contact hours. */
export const MAX_HOURS = 2000;

const intakeYear = z.number().int().min(2000).max(2100);

export interface DisciplineRef {
  id: string;
  name: Localized;
  chairId: string | null;
}

export interface CurriculumSummary {
  id: string;
  specialtyId: string;
  intakeYear: number;
  form: StudyForm;
  itemCount: number;
  credits: number;
  version: number;
}

export interface CurriculumItemView {
  id: string;
  disciplineId: string;
  discipline: Localized;
  semester: number;
  credits: number;
  hours: number;
  controlForm: ControlForm;
  version: number;
  /** registrations and grade sheets made from this item: while any exist it cannot change */
  usedBy: { registrations: number; sheets: number };
}

export interface CurriculumDetail extends CurriculumSummary {
  /** 2 × the specialty's years of study: the semesters an item may take */
  semesters: number;
  items: CurriculumItemView[];
}

export const curriculumItemInput = z
  .object({
    curriculumId: id,
    /** absent: add a new item; present: change that item (then `version` is required) */
    itemId: id.optional(),
    version: z.number().int().min(1).optional(),
    disciplineId: id,
    semester: z.number().int().min(1).max(MAX_SEMESTER),
    credits: z.number().int().min(1).max(MAX_CREDITS),
    hours: z.number().int().min(1).max(MAX_HOURS),
    controlForm: z.enum(CONTROL_FORMS),
  })
  .strict();
export type CurriculumItemInput = z.infer<typeof curriculumItemInput>;

const disciplineName = z.string().trim().min(1).max(200);

export const curriculaContract = {
  'curricula.list': operation<{ rows: CurriculumSummary[] }>()(
    z.object({ specialtyId: id.optional(), intakeYear: intakeYear.optional(), form: z.enum(STUDY_FORMS).optional() }).strict(),
  ),
  'curricula.get': operation<CurriculumDetail>()(z.object({ id }).strict()),
  'curricula.create': operation<CurriculumDetail>()(
    z
      .object({
        specialtyId: id,
        intakeYear,
        form: z.enum(STUDY_FORMS),
        /** copy the items of this intake year's curriculum (same specialty and form) */
        copyFromIntakeYear: intakeYear.optional(),
      })
      .strict(),
  ),
  'curricula.setItem': operation<CurriculumDetail>()(curriculumItemInput),
  'curricula.removeItem': operation<CurriculumDetail>()(z.object({ itemId: id, version: z.number().int().min(1) }).strict()),
  'disciplines.search': operation<{ rows: DisciplineRef[] }>()(
    z.object({ query: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  'disciplines.create': operation<DisciplineRef>()(
    z.object({ nameKy: disciplineName, nameRu: disciplineName, nameEn: disciplineName, chairId: id.optional() }).strict(),
  ),
};
