import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedRequestOf } from '../../../src-shared/contract';
import { DEFAULT_SCALE, type GradeBand, type GradingScale } from '../../../src-shared/domain/grading';
import { translate } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { refusal, SESSION, sheetsFixture } from './grade-sheets.test-kit';
import { createGradingScaleService } from './grading-scale.service';

type Fixture = Awaited<ReturnType<typeof sheetsFixture>>;
let f: Fixture;
let db: Database;
let scales: ReturnType<typeof createGradingScaleService>;
beforeEach(async () => {
  f = await sheetsFixture();
  db = f.db;
  scales = createGradingScaleService(db, () => new Date('2027-03-01T10:00:00Z'));
});
afterEach(() => db.close());

/** A stricter scale: C- from 62 instead of 60, D+ 55–61; the rest as shipped. */
function stricter(): GradingScale {
  const bands: GradeBand[] = DEFAULT_SCALE.bands.map((b) => ({ ...b }));
  bands[7] = { ...bands[7]!, min: 62 };
  bands[8] = { ...bands[8]!, max: 61 };
  return { ...DEFAULT_SCALE, bands, attemptLimit: 2 };
}
const save = (scale: GradingScale, academicYearId = '2027-2028', baseVersion = 0, user = USERS.admin) =>
  scales.save(user, { academicYearId, baseVersion, scale } as ParsedRequestOf<'gradingScale.save'>);
const snapshot = () => ['grading_scale', 'audit_log', 'outbox', 'academic_year'].map((t) => f.count(t));

describe('an administrator changes the grading scale for a new year', () => {
  it('saves a new version for the year, with audit and outbox in the same write', () => {
    const saved = save(stricter());
    expect(saved).toMatchObject({ academicYearId: '2027-2028', baseVersion: 1, inForce: { academicYearId: '2027-2028', version: 1, createdBy: USERS.admin.displayName, sheets: 0 } });
    expect(saved.scale.bands[7]).toMatchObject({ letter: 'C-', min: 62 });
    // the year was not yet in the calendar: it is created the way the calendar makes years
    expect(db.sqlite.prepare(`SELECT * FROM academic_year WHERE id = '2027-2028'`).get()).toEqual({ id: '2027-2028', starts_on: '2027-09-01', ends_on: '2028-08-31' });
    const audit = db.sqlite.prepare(`SELECT entity_id, old_json, new_json FROM audit_log WHERE action = 'grading_scale.save'`).all() as { entity_id: string; old_json: string | null; new_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(saved.inForce!.id);
    expect(JSON.parse(audit[0]!.new_json)).toMatchObject({ academicYearId: '2027-2028', version: 1, scale: { attemptLimit: 2 } });
    expect(JSON.parse(audit[0]!.old_json!)).toBeNull();
    const outbox = db.sqlite.prepare(`SELECT name, entity_id, base_version, tx_id FROM outbox ORDER BY seq`).all() as { name: string; entity_id: string; tx_id: string }[];
    expect(outbox.map((o) => [o.name, o.entity_id])).toEqual([['academic_year.add', '2027-2028'], ['grading_scale.save', saved.inForce!.id]]);
    expect(new Set(outbox.map((o) => o.tx_id)).size).toBe(1);

    // a second change of the same year is version 2, based on version 1; the old value is version 1
    const again = save({ ...stricter(), attemptLimit: 3 }, '2027-2028', 1);
    expect(again.inForce).toMatchObject({ version: 2 });
    const old = db.sqlite.prepare(`SELECT old_json FROM audit_log WHERE action = 'grading_scale.save' AND entity_id = ?`).get(again.inForce!.id) as { old_json: string };
    expect(JSON.parse(old.old_json)).toMatchObject({ version: 1, scale: { attemptLimit: 2 } });
    expect(scales.list(USERS.admin).rows.map((r) => [r.academicYearId, r.version])).toEqual([['2027-2028', 2], ['2027-2028', 1]]);
  });

  it('lets only the administrator save, and refuses a clerk without writing anything', () => {
    const before = snapshot();
    expect(refusal(() => save(stricter(), '2027-2028', 0, USERS.clerkEcon)).code).toBe('forbidden');
    expect(snapshot()).toEqual(before);
    // reading is open to those who read grades
    expect(scales.get(USERS.clerkEcon, { academicYearId: '2026-2027' }).scale).toEqual(DEFAULT_SCALE);
  });

  it('refuses an invalid scale naming the band and field, in the caller’s terms, and changes nothing', () => {
    const bands = DEFAULT_SCALE.bands.map((b) => ({ ...b }));
    bands[8] = { ...bands[8]!, max: 62 }; // D+ 55–62 runs into C- 60–64
    const before = snapshot();
    const e = refusal(() => save({ ...DEFAULT_SCALE, bands, passMark: 40 }));
    expect(e.code).toBe('validation');
    expect(e.key).toBe('error.scale.invalid');
    expect(e.fields.map((x) => x.path)).toEqual(['scale.bands.7.min', 'scale.passMark']);
    const overlap = e.fields[0]!;
    expect(translate('ru', overlap.key, overlap.values)).toBe('Диапазон 8: «от» 60 пересекается с диапазоном 9 (55–62)');
    expect(translate('ky', overlap.key, overlap.values)).toBe('8-диапазон: башы (60) 9-диапазон (55–62) менен кесилишет');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a save based on an outdated version, and one that changes nothing', () => {
    save(stricter());
    const before = snapshot();
    const stale = refusal(() => save({ ...stricter(), attemptLimit: 4 }, '2027-2028', 0));
    expect([stale.code, stale.key, stale.values]).toEqual(['conflict', 'error.scale.stale', { year: '2027-2028', current: 1 }]);
    // whitespace around a letter is not a change
    const same = stricter();
    const padded = { ...same, bands: same.bands.map((b, i) => (i === 0 ? { ...b, letter: ' A ' } : b)) };
    expect(refusal(() => save(padded, '2027-2028', 1)).key).toBe('error.scale.unchanged');
    expect(snapshot()).toEqual(before);
  });
});

describe('sheets keep the scale they were generated with', () => {
  it('a new version changes neither old sheets nor their results; new sheets of the year get it', () => {
    const sheet = f.prepared();
    // 20 + 20 + 20 = 60: C- on the shipped scale, D+ on the stricter one
    const graded = f.sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20, m2: 20, exam: 20 } }] }, 'ru');
    expect(graded.rows.find((r) => r.studentId === IDS.studentAigerim)).toMatchObject({ total: 60, letter: 'C-' });
    const oldScaleId = (db.sqlite.prepare(`SELECT scale_id FROM grade_sheet WHERE id = ?`).get(sheet.id) as { scale_id: string }).scale_id;

    // next year's scale does not touch this year's sheets or what new sheets of this year get
    save(stricter(), '2027-2028');
    expect(scales.get(USERS.admin, { academicYearId: '2026-2027' }).inForce!.id).toBe(oldScaleId);

    // a new version of this very year: the existing sheet keeps its version and its letters
    const base = scales.get(USERS.admin, { academicYearId: '2026-2027' }).baseVersion;
    const v2 = save(stricter(), '2026-2027', base);
    const after = f.sheets.detail(USERS.clerkEcon, sheet.id, 'ru');
    expect(after.rows.find((r) => r.studentId === IDS.studentAigerim)).toMatchObject({ total: 60, letter: 'C-' });
    expect(after.bands.find((b) => b.letter === 'C-')!.min).toBe(60);
    expect((db.sqlite.prepare(`SELECT scale_id FROM grade_sheet WHERE id = ?`).get(sheet.id) as { scale_id: string }).scale_id).toBe(oldScaleId);
    expect(scales.get(USERS.admin, { id: oldScaleId }).scale).toEqual(DEFAULT_SCALE);

    // a sheet generated now, for another group of the same year, is made with version 2
    db.sqlite.exec(`
      INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('c25', '${IDS.specEcon}', 2025, 'full_time', '2026-09-01T00:00:00Z');
      INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at) VALUES ('ci25', 'c25', 'd2', 3, 4, 120, 'exam', '2026-09-01T00:00:00Z');
    `);
    f.sheets.registerGroup(USERS.clerkEcon, { groupId: IDS.groupEcon2, academicYearId: '2026-2027', term: 'autumn' });
    const fresh = f.sheets.generate(USERS.clerkEcon, SESSION).sheets.find((s) => s.groupId === IDS.groupEcon2)!;
    expect((db.sqlite.prepare(`SELECT scale_id FROM grade_sheet WHERE id = ?`).get(fresh.id) as { scale_id: string }).scale_id).toBe(v2.inForce!.id);
    const list = scales.list(USERS.admin);
    expect(list.rows.map((r) => [r.academicYearId, r.version, r.sheets])).toEqual([['2027-2028', 1, 0], ['2026-2027', 2, 1], ['2026-2027', 1, 2]]);
    expect(list.academicYears).toEqual(['2026-2027', '2027-2028', '2028-2029']);
  });
});
