/**
 * The administrator's grading scale (issue 4, DOMAIN.md §3): list the stored versions, read
 * the scale in force for a year, and save a changed scale as a new version of that year.
 * A save never edits a version (a trigger forbids it too): sheets keep the version they were
 * generated with, and scaleForYear hands new sheets the latest version at or before their year.
 */
import { uuidv7 } from 'uuidv7';
import type { GradingScaleDetail, GradingScaleList, GradingScaleVersion, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { DEFAULT_SCALE, validateScale, type GradingScale } from '../../../src-shared/domain/grading';
import { describeScaleProblems } from '../../../src-shared/domain/grading-scale-problems';
import { can, type Permission } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { academicYearIds, hasAcademicYear, insertAcademicYear, insertScaleVersion, latestVersionOfYear, listVersions, versionById, versionInForce, type ScaleVersionRow } from './grading-scale.repository';

type ScaleInput = ParsedRequestOf<'gradingScale.save'>['scale'];

function requirePermission(session: SessionUser, p: Permission): void {
  if (!can(session.role, p)) throw forbidden();
}

/**
 * The scale in one fixed key order, letters and names trimmed: what is validated, compared
 * with the version in force and stored, so equal scales have equal JSON.
 */
export function normalizeScale(s: ScaleInput | GradingScale): GradingScale {
  const parts = (list: ScaleInput['parts'] | GradingScale['parts']) =>
    list.map((p) => ({ key: p.key, max: p.max, kind: p.kind, label: { ky: p.label.ky.trim(), ru: p.label.ru.trim(), en: p.label.en.trim() } }));
  const forms = Object.keys(s.formParts ?? {}).sort();
  return {
    bands: s.bands.map((b) => ({ min: b.min, max: b.max, letter: b.letter.trim(), gpa: b.gpa, traditional: b.traditional, outcome: b.outcome })),
    parts: parts(s.parts),
    admissionThreshold: s.admissionThreshold,
    passMark: s.passMark,
    attemptLimit: s.attemptLimit,
    creditTestPassMark: s.creditTestPassMark,
    ...(forms.length ? { formParts: Object.fromEntries(forms.map((f) => [f, parts(s.formParts![f as keyof typeof s.formParts]!)])) } : {}),
  };
}

const toVersion = (r: ScaleVersionRow): GradingScaleVersion => ({
  id: r.id,
  academicYearId: r.from_academic_year_id,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  sheets: r.sheets,
});

/** The academic year holding a date: years run 01.09–31.08 (the demo calendar and DOMAIN.md §5). */
export function academicYearOf(date: Date): string {
  const y = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${y}-${y + 1}`;
}
const nextYear = (year: string) => `${Number(year.slice(0, 4)) + 1}-${Number(year.slice(5)) + 1}`;

export function createGradingScaleService(db: Database, clock: () => Date = () => new Date()) {
  function detailOf(academicYearId: string, row: ScaleVersionRow | null): GradingScaleDetail {
    return {
      academicYearId,
      inForce: row ? toVersion(row) : null,
      scale: row ? (JSON.parse(row.scale_json) as GradingScale) : DEFAULT_SCALE,
      baseVersion: latestVersionOfYear(db, academicYearId),
    };
  }

  return {
    list(session: SessionUser): GradingScaleList {
      requirePermission(session, 'grades.read');
      const years = academicYearIds(db);
      // the next year is offered too: its scale is set before its calendar exists
      const last = years[years.length - 1] ?? academicYearOf(clock());
      return { rows: listVersions(db).map(toVersion), academicYears: years.includes(last) ? [...years, nextYear(last)] : [last, nextYear(last)] };
    },

    get(session: SessionUser, req: ParsedRequestOf<'gradingScale.get'>): GradingScaleDetail {
      requirePermission(session, 'grades.read');
      if ('id' in req) {
        const row = versionById(db, req.id);
        if (!row) throw new AppError('not_found', 'error.scale.notFound');
        return detailOf(row.from_academic_year_id, row);
      }
      return detailOf(req.academicYearId, versionInForce(db, req.academicYearId));
    },

    save(session: SessionUser, req: ParsedRequestOf<'gradingScale.save'>): GradingScaleDetail {
      requirePermission(session, 'grades.scale');
      const scale = normalizeScale(req.scale);
      const issues = describeScaleProblems(scale, validateScale(scale));
      if (issues.length) {
        throw new AppError('validation', 'error.scale.invalid', {}, issues.map((i) => ({ path: `scale.${i.path}`, key: i.key, values: i.values })));
      }
      const year = req.academicYearId;
      const saved = withWrite(db, session, (w) => {
        const latest = latestVersionOfYear(db, year);
        // two administrators editing one year: the second must see the first one's version
        if (latest !== req.baseVersion) throw new AppError('conflict', 'error.scale.stale', { year, current: latest });
        const inForce = versionInForce(db, year);
        const json = JSON.stringify(scale);
        const current = inForce ? JSON.stringify(normalizeScale(JSON.parse(inForce.scale_json) as GradingScale)) : JSON.stringify(normalizeScale(DEFAULT_SCALE));
        if (json === current) throw new AppError('validation', 'error.scale.unchanged', { year });
        if (!hasAcademicYear(db, year)) {
          const start = Number(year.slice(0, 4));
          const row = { id: year, starts_on: `${start}-09-01`, ends_on: `${start + 1}-08-31` };
          insertAcademicYear(w, row);
          w.outbox({ name: 'academic_year.add', entity: 'academic_year', entityId: year, payload: row, baseVersion: null });
        }
        const row = { id: uuidv7(), from_academic_year_id: year, version: latest + 1, scale_json: json, created_by: w.actor.id, created_at: w.now };
        insertScaleVersion(w, row);
        w.audit({
          action: 'grading_scale.save',
          entity: 'grading_scale',
          entityId: row.id,
          oldValue: inForce ? { id: inForce.id, academicYearId: inForce.from_academic_year_id, version: inForce.version, scale: JSON.parse(inForce.scale_json) } : null,
          newValue: { academicYearId: year, version: row.version, scale },
        });
        w.outbox({ name: 'grading_scale.save', entity: 'grading_scale', entityId: row.id, payload: { id: row.id, from_academic_year_id: year, version: row.version, scale, created_by: row.created_by, created_at: row.created_at }, baseVersion: req.baseVersion });
        return row.id;
      }, clock);
      return detailOf(year, versionById(db, saved));
    },
  };
}
