/**
 * Curricula (DOMAIN.md §2): the teaching department keeps, per specialty × intake year ×
 * form of study, the disciplines of each semester. Registrations and grade sheets point at
 * curriculum items, so an item already used by either is history and stays as it is.
 */
import { uuidv7 } from 'uuidv7';
import type { CurriculumDetail, DisciplineRef, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { MAX_SEMESTER } from '../../../src-shared/contract/curricula.contract';
import { can, type Permission } from '../../../src-shared/domain/roles';
import type { Locale, MessageKey, MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import {
  allDisciplines,
  curriculumOf,
  deleteItem,
  disciplineNames,
  exists,
  findCurriculum,
  findItem,
  insertCurriculum,
  insertDiscipline,
  insertItem,
  itemsOf,
  itemViews,
  listSummaries,
  specialtyDuration,
  toSummary,
  twinItem,
  updateItem,
  usageOf,
  type CurriculumRow,
  type ItemRow,
} from './curricula.repository';

type CurriculaPermission = Extract<Permission, 'curricula.read' | 'curricula.edit'>;

function requirePermission(session: SessionUser, p: CurriculaPermission): void {
  if (!can(session.role, p)) throw forbidden();
}

/** A refusal tied to one request field, so the screen can show it next to that field. */
function fieldError(path: string, key: MessageKey, values: MessageValues = {}): AppError {
  return new AppError('validation', 'error.validation', {}, [{ path, key, values }]);
}

const nameIn = (n: { ky: string; ru: string; en: string }, locale: Locale) => n[locale] || n.ru || n.ky;
const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').trim();

export function createCurriculaService(db: Database) {
  function loadCurriculum(id: string): CurriculumRow {
    const c = findCurriculum(db, id);
    if (!c) throw new AppError('not_found', 'curricula.error.notFound');
    return c;
  }

  /** 2 × the years of study: the semesters a curriculum of this specialty has. */
  function semestersOf(specialtyId: string): number {
    return Math.min(MAX_SEMESTER, (specialtyDuration(db, specialtyId) ?? MAX_SEMESTER / 2) * 2);
  }

  function detail(id: string): CurriculumDetail {
    const c = loadCurriculum(id);
    const items = itemViews(db, id);
    return {
      ...toSummary({ ...c, items: items.length, credits: items.reduce((a, i) => a + i.credits, 0) }),
      semesters: semestersOf(c.specialty_id),
      items,
    };
  }

  function disciplineName(disciplineId: string, locale: Locale): string {
    const d = disciplineNames(db, disciplineId);
    return d ? nameIn({ ky: d.name_ky, ru: d.name_ru, en: d.name_en }, locale) : '';
  }

  function assertUnused(item: ItemRow, locale: Locale): void {
    const used = usageOf(db, item.id);
    if (used.registrations > 0 || used.sheets > 0) {
      throw new AppError('conflict', 'curricula.error.inUse', { discipline: disciplineName(item.discipline_id, locale), semester: item.semester, ...used });
    }
  }

  return {
    list(session: SessionUser, req: ParsedRequestOf<'curricula.list'>) {
      // Curricula are the university's published plans, not personal data: every office that
      // reads them sees all of them (a clerk's screen offers only their faculty's specialties).
      requirePermission(session, 'curricula.read');
      return { rows: listSummaries(db, req) };
    },

    get(session: SessionUser, id: string): CurriculumDetail {
      requirePermission(session, 'curricula.read');
      return detail(id);
    },

    /** A new curriculum, empty or with the items of another intake year's (same specialty and form). */
    create(session: SessionUser, req: ParsedRequestOf<'curricula.create'>): CurriculumDetail {
      requirePermission(session, 'curricula.edit');
      const id = withWrite(db, session, (w) => {
        if (!exists(db, 'specialty', req.specialtyId)) throw fieldError('specialtyId', 'curricula.error.specialtyNotFound');
        const same = (year: number) => curriculumOf(db, req.specialtyId, year, req.form);
        if (same(req.intakeYear)) throw new AppError('conflict', 'curricula.error.exists', { year: req.intakeYear });
        let source: ItemRow[] = [];
        if (req.copyFromIntakeYear !== undefined) {
          const from = same(req.copyFromIntakeYear);
          if (!from) throw fieldError('copyFromIntakeYear', 'curricula.error.noSource', { year: req.copyFromIntakeYear });
          source = itemsOf(db, from.id);
        }
        const row = { id: uuidv7(), specialty_id: req.specialtyId, intake_year: req.intakeYear, form: req.form, version: 1, updated_at: w.now };
        const items = source.map((s) => ({ ...s, id: uuidv7(), curriculum_id: row.id, version: 1, updated_at: w.now }));
        insertCurriculum(w, row, items);
        w.audit({ action: 'curriculum.create', entity: 'curriculum', entityId: row.id, oldValue: null, newValue: { ...row, copiedFromIntakeYear: req.copyFromIntakeYear ?? null, items: items.length } });
        w.outbox({ name: 'curriculum.create', entity: 'curriculum', entityId: row.id, payload: { curriculum: row, items }, baseVersion: null });
        return row.id;
      });
      return detail(id);
    },

    /** Adds an item (no `itemId`) or changes one (with its `version`, for optimistic concurrency). */
    setItem(session: SessionUser, req: ParsedRequestOf<'curricula.setItem'>, locale: Locale): CurriculumDetail {
      requirePermission(session, 'curricula.edit');
      if (req.itemId !== undefined && req.version === undefined) throw fieldError('version', 'field.required');
      withWrite(db, session, (w) => {
        const curriculum = loadCurriculum(req.curriculumId);
        const semesters = semestersOf(curriculum.specialty_id);
        if (req.semester > semesters) throw fieldError('semester', 'curricula.error.semesterBeyond', { semesters });
        if (!exists(db, 'discipline', req.disciplineId)) throw fieldError('disciplineId', 'curricula.error.disciplineNotFound');
        let old: ItemRow | undefined;
        if (req.itemId !== undefined) {
          old = findItem(db, req.itemId, curriculum.id);
          if (!old) throw new AppError('not_found', 'curricula.error.itemNotFound');
          if (old.version !== req.version) throw new AppError('conflict', 'curricula.error.stale');
        }
        const twin = twinItem(db, curriculum.id, req.semester, req.disciplineId, old?.id);
        if (twin) throw fieldError('disciplineId', 'curricula.error.duplicate', { discipline: disciplineName(req.disciplineId, locale), semester: req.semester });
        const values = { discipline_id: req.disciplineId, semester: req.semester, credits: req.credits, hours: req.hours, control_form: req.controlForm };
        if (old) {
          const unchanged = (Object.keys(values) as (keyof typeof values)[]).every((k) => old[k] === values[k]);
          if (unchanged) return;
          // registrations and grade sheets already show this item's discipline, semester and credits
          assertUnused(old, locale);
          const row: ItemRow = { ...old, ...values, version: old.version + 1, updated_at: w.now };
          if (!updateItem(w, old, { ...values, version: row.version, updated_at: w.now })) throw new AppError('conflict', 'curricula.error.stale');
          w.audit({ action: 'curriculum_item.set', entity: 'curriculum_item', entityId: old.id, oldValue: old, newValue: row });
          w.outbox({ name: 'curriculum_item.set', entity: 'curriculum_item', entityId: old.id, payload: row, baseVersion: old.version });
        } else {
          const row: ItemRow = { id: uuidv7(), curriculum_id: curriculum.id, ...values, version: 1, updated_at: w.now };
          insertItem(w, row);
          w.audit({ action: 'curriculum_item.set', entity: 'curriculum_item', entityId: row.id, oldValue: null, newValue: row });
          w.outbox({ name: 'curriculum_item.set', entity: 'curriculum_item', entityId: row.id, payload: row, baseVersion: null });
        }
      });
      return detail(req.curriculumId);
    },

    /** Removes an item nobody has registered to or made a grade sheet from yet. */
    removeItem(session: SessionUser, req: ParsedRequestOf<'curricula.removeItem'>, locale: Locale): CurriculumDetail {
      requirePermission(session, 'curricula.edit');
      const curriculumId = withWrite(db, session, (w) => {
        const old = findItem(db, req.itemId);
        if (!old) throw new AppError('not_found', 'curricula.error.itemNotFound');
        if (old.version !== req.version) throw new AppError('conflict', 'curricula.error.stale');
        assertUnused(old, locale);
        deleteItem(w, old);
        w.audit({ action: 'curriculum_item.remove', entity: 'curriculum_item', entityId: old.id, oldValue: old, newValue: null });
        w.outbox({ name: 'curriculum_item.remove', entity: 'curriculum_item', entityId: old.id, payload: { id: old.id, curriculumId: old.curriculum_id }, baseVersion: old.version });
        return old.curriculum_id;
      });
      return detail(curriculumId);
    },

    /** Disciplines whose name in any language contains every word of the query, in the caller's alphabet. */
    searchDisciplines(session: SessionUser, req: ParsedRequestOf<'disciplines.search'>, locale: Locale): { rows: DisciplineRef[] } {
      requirePermission(session, 'curricula.read');
      const words = fold(req.query).split(/\s+/).filter(Boolean);
      const collator = new Intl.Collator(locale);
      // a university has hundreds of disciplines, not millions: filtering here folds Kyrgyz
      // and Russian case properly, which SQLite's ASCII-only LIKE would not
      const rows = allDisciplines(db)
        .filter((d) => {
          const text = fold(`${d.name.ky} ${d.name.ru} ${d.name.en}`);
          return words.every((w) => text.includes(w));
        })
        .sort((a, b) => collator.compare(nameIn(a.name, locale), nameIn(b.name, locale)))
        .slice(0, req.limit);
      return { rows };
    },

    createDiscipline(session: SessionUser, req: ParsedRequestOf<'disciplines.create'>): DisciplineRef {
      requirePermission(session, 'curricula.edit');
      return withWrite(db, session, (w) => {
        if (req.chairId && !exists(db, 'chair', req.chairId)) {
          throw fieldError('chairId', 'curricula.error.chairNotFound');
        }
        const existing = allDisciplines(db);
        for (const lang of ['ky', 'ru'] as const) {
          const name = lang === 'ky' ? req.nameKy : req.nameRu;
          if (existing.some((d) => fold(d.name[lang]) === fold(name))) {
            throw fieldError(lang === 'ky' ? 'nameKy' : 'nameRu', 'curricula.error.disciplineExists', { name });
          }
        }
        const row = { id: uuidv7(), chair_id: req.chairId ?? null, name_ky: req.nameKy, name_ru: req.nameRu, name_en: req.nameEn, version: 1, updated_at: w.now };
        insertDiscipline(w, row);
        w.audit({ action: 'discipline.create', entity: 'discipline', entityId: row.id, oldValue: null, newValue: row });
        w.outbox({ name: 'discipline.create', entity: 'discipline', entityId: row.id, payload: row, baseVersion: null });
        return { id: row.id, chairId: row.chair_id, name: { ky: row.name_ky, ru: row.name_ru, en: row.name_en } };
      });
    },
  };
}

export type CurriculaService = ReturnType<typeof createCurriculaService>;
