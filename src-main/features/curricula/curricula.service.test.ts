import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { createFixtureDb, IDS, T, USERS } from '../../testing/fixture';
import { createCurriculaService } from './curricula.service';

const TEACHING: SessionUser = { id: '00000000-0000-7000-8000-000000000950', username: 'teaching', displayName: 'teaching', role: 'teaching', facultyId: null };
const REGISTRAR: SessionUser = { id: '00000000-0000-7000-8000-000000000951', username: 'registrar', displayName: 'registrar', role: 'registrar', facultyId: null };
const D_MICRO = '00000000-0000-7000-8000-00000000d001';
const D_KYRGYZ = '00000000-0000-7000-8000-00000000d002';
const D_LAW = '00000000-0000-7000-8000-00000000d003';
const CUR = '00000000-0000-7000-8000-00000000c001';
const ITEM_MICRO = '00000000-0000-7000-8000-00000000c101';
const ITEM_KYRGYZ = '00000000-0000-7000-8000-00000000c102';

let db: Database;
let svc: ReturnType<typeof createCurriculaService>;
const count = (from: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${from}`).get() as { n: number }).n;
/** Everything a write may touch, to prove a refused one touched nothing. */
const snapshot = () => ({
  items: db.sqlite.prepare(`SELECT * FROM curriculum_item ORDER BY id`).all(),
  curricula: count('curriculum'),
  disciplines: count('discipline'),
  audit: count('audit_log'),
  outbox: count('outbox'),
});

function refusal(fn: () => unknown): AppError {
  const before = snapshot();
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect(snapshot()).toEqual(before);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

beforeEach(async () => {
  db = await createFixtureDb();
  const user = db.sqlite.prepare(`INSERT INTO app_user (id, username, password_hash, role, faculty_id, display_name, created_at, updated_at) VALUES (?, ?, 'x', ?, NULL, ?, ?, ?)`);
  for (const u of [TEACHING, REGISTRAR]) user.run(u.id, u.username, u.role, u.displayName, T, T);
  db.sqlite.exec(`
    INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES
      ('${D_MICRO}', 'Микроэкономика', 'Микроэкономика', 'Microeconomics', '${T}'),
      ('${D_KYRGYZ}', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz language', '${T}'),
      ('${D_LAW}', 'Мамлекет жана укук теориясы', 'Теория государства и права', 'Theory of state and law', '${T}');
    INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('${CUR}', '${IDS.specEcon}', 2026, 'full_time', '${T}');
    INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at) VALUES
      ('${ITEM_MICRO}', '${CUR}', '${D_MICRO}', 1, 5, 150, 'exam', '${T}'),
      ('${ITEM_KYRGYZ}', '${CUR}', '${D_KYRGYZ}', 1, 3, 90, 'credit', '${T}');
  `);
  svc = createCurriculaService(db);
});
afterEach(() => db.close());

const add = (over: Partial<Parameters<typeof svc.setItem>[1]> = {}) =>
  svc.setItem(TEACHING, { curriculumId: CUR, disciplineId: D_LAW, semester: 2, credits: 4, hours: 120, controlForm: 'exam', ...over }, 'ru');

describe('reading curricula', () => {
  it('lists by specialty and intake year with item counts and credits, for every office that reads them', () => {
    for (const who of [TEACHING, REGISTRAR, USERS.clerkLaw, USERS.admin]) {
      expect(svc.list(who, { specialtyId: IDS.specEcon, intakeYear: 2026 }).rows).toEqual([
        { id: CUR, specialtyId: IDS.specEcon, intakeYear: 2026, form: 'full_time', itemCount: 2, credits: 8, version: 1 },
      ]);
    }
    expect(svc.list(TEACHING, { specialtyId: IDS.specLaw }).rows).toEqual([]);
    expect(refusal(() => svc.list(USERS.accountant, {})).code).toBe('forbidden');
  });

  it('gives the items by semester with their usage and the specialty’s number of semesters', () => {
    const d = svc.get(TEACHING, CUR);
    expect(d.semesters).toBe(8);
    expect(d.items.map((i) => [i.semester, i.discipline.ru, i.credits, i.controlForm, i.usedBy])).toEqual([
      [1, 'Кыргызский язык', 3, 'credit', { registrations: 0, sheets: 0 }],
      [1, 'Микроэкономика', 5, 'exam', { registrations: 0, sheets: 0 }],
    ]);
    expect(refusal(() => svc.get(TEACHING, '00000000-0000-7000-8000-0000000000ff')).key).toBe('curricula.error.notFound');
  });
});

describe('editing items', () => {
  it('lets the teaching department add an item, with an audit entry and an outbox mutation', () => {
    const d = add();
    const item = d.items.find((i) => i.disciplineId === D_LAW)!;
    expect([item.semester, item.credits, item.hours, item.controlForm, item.version]).toEqual([2, 4, 120, 'exam', 1]);
    expect(d.credits).toBe(12);
    const audit = db.sqlite.prepare(`SELECT user_id, action, old_json, new_json, tx_id FROM audit_log`).all() as { user_id: string; action: string; old_json: string; new_json: string; tx_id: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!).toMatchObject({ user_id: TEACHING.id, action: 'curriculum_item.set', old_json: 'null' });
    expect(JSON.parse(audit[0]!.new_json)).toMatchObject({ id: item.id, credits: 4, semester: 2 });
    const outbox = db.sqlite.prepare(`SELECT name, entity_id, base_version, tx_id FROM outbox`).all();
    expect(outbox).toEqual([{ name: 'curriculum_item.set', entity_id: item.id, base_version: null, tx_id: audit[0]!.tx_id }]);
  });

  it('refuses roles without curricula.edit and changes nothing', () => {
    for (const who of [USERS.clerkEcon, REGISTRAR, USERS.admin, USERS.studhr]) {
      const e = refusal(() => svc.setItem(who, { curriculumId: CUR, disciplineId: D_LAW, semester: 2, credits: 4, hours: 120, controlForm: 'exam' }, 'ru'));
      expect([e.code, e.key]).toEqual(['forbidden', 'error.forbidden']);
    }
    expect(refusal(() => svc.removeItem(USERS.clerkEcon, { itemId: ITEM_MICRO, version: 1 }, 'ru')).code).toBe('forbidden');
    expect(refusal(() => svc.create(USERS.clerkEcon, { specialtyId: IDS.specEcon, intakeYear: 2027, form: 'full_time' })).code).toBe('forbidden');
  });

  it('updates an item against its version and refuses a stale one', () => {
    const d = svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_MICRO, version: 1, disciplineId: D_MICRO, semester: 1, credits: 6, hours: 180, controlForm: 'graded_credit' }, 'ru');
    expect(d.items.find((i) => i.id === ITEM_MICRO)).toMatchObject({ credits: 6, hours: 180, controlForm: 'graded_credit', version: 2 });
    const audit = db.sqlite.prepare(`SELECT old_json, new_json FROM audit_log`).get() as { old_json: string; new_json: string };
    expect([JSON.parse(audit.old_json).credits, JSON.parse(audit.new_json).credits]).toEqual([5, 6]);
    expect(db.sqlite.prepare(`SELECT base_version FROM outbox`).get()).toEqual({ base_version: 1 });
    const stale = refusal(() => svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_MICRO, version: 1, disciplineId: D_MICRO, semester: 1, credits: 7, hours: 210, controlForm: 'exam' }, 'ru'));
    expect([stale.code, stale.key]).toEqual(['conflict', 'curricula.error.stale']);
    const noVersion = refusal(() => svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_MICRO, disciplineId: D_MICRO, semester: 1, credits: 7, hours: 210, controlForm: 'exam' }, 'ru'));
    expect(noVersion.fields.map((f) => [f.path, f.key])).toEqual([['version', 'field.required']]);
  });

  it('saves nothing when an update changes nothing', () => {
    svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_MICRO, version: 1, disciplineId: D_MICRO, semester: 1, credits: 5, hours: 150, controlForm: 'exam' }, 'ru');
    expect([count('audit_log'), count('outbox')]).toEqual([0, 0]);
  });

  it('names the field of a refused value: semester beyond the specialty, unknown or repeated discipline', () => {
    const beyond = refusal(() => add({ semester: 9 }));
    expect([beyond.code, beyond.fields]).toEqual(['validation', [{ path: 'semester', key: 'curricula.error.semesterBeyond', values: { semesters: 8 } }]]);
    const unknown = refusal(() => add({ disciplineId: '00000000-0000-7000-8000-00000000d0ff' }));
    expect(unknown.fields.map((f) => [f.path, f.key])).toEqual([['disciplineId', 'curricula.error.disciplineNotFound']]);
    const twin = refusal(() => add({ disciplineId: D_MICRO, semester: 1 }));
    expect(twin.fields).toEqual([{ path: 'disciplineId', key: 'curricula.error.duplicate', values: { discipline: 'Микроэкономика', semester: 1 } }]);
    // moving an item onto a discipline its semester already has is the same clash
    const moved = refusal(() => svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_KYRGYZ, version: 1, disciplineId: D_MICRO, semester: 1, credits: 3, hours: 90, controlForm: 'credit' }, 'ru'));
    expect(moved.fields[0]!.key).toBe('curricula.error.duplicate');
  });

  it('refuses an item of another curriculum', () => {
    db.sqlite.exec(`INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('other', '${IDS.specLaw}', 2026, 'full_time', '${T}')`);
    const e = refusal(() => svc.setItem(TEACHING, { curriculumId: 'other', itemId: ITEM_MICRO, version: 1, disciplineId: D_MICRO, semester: 1, credits: 5, hours: 150, controlForm: 'exam' }, 'ru'));
    expect([e.code, e.key]).toEqual(['not_found', 'curricula.error.itemNotFound']);
  });
});

describe('items already in use', () => {
  beforeEach(() => {
    db.sqlite.exec(`
      INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31');
      INSERT INTO registration (id, student_id, curriculum_item_id, academic_year_id, term, group_id, source, created_at)
        VALUES ('r1', '${IDS.studentAigerim}', '${ITEM_MICRO}', '2026-2027', 'autumn', '${IDS.groupEcon1}', 'group', '${T}'),
               ('r2', '${IDS.studentNurlan}', '${ITEM_MICRO}', '2026-2027', 'autumn', '${IDS.groupEcon1}', 'group', '${T}');
    `);
  });

  it('refuses to remove or change them, saying how they are used', () => {
    const removal = refusal(() => svc.removeItem(TEACHING, { itemId: ITEM_MICRO, version: 1 }, 'ru'));
    expect([removal.code, removal.key, removal.values]).toEqual(['conflict', 'curricula.error.inUse', { discipline: 'Микроэкономика', semester: 1, registrations: 2, sheets: 0 }]);
    const change = refusal(() => svc.setItem(TEACHING, { curriculumId: CUR, itemId: ITEM_MICRO, version: 1, disciplineId: D_MICRO, semester: 1, credits: 6, hours: 180, controlForm: 'exam' }, 'ru'));
    expect(change.key).toBe('curricula.error.inUse');
    expect(svc.get(TEACHING, CUR).items.find((i) => i.id === ITEM_MICRO)!.usedBy).toEqual({ registrations: 2, sheets: 0 });
  });

  it('removes an unused item with an audit entry and an outbox mutation, against its version', () => {
    expect(refusal(() => svc.removeItem(TEACHING, { itemId: ITEM_KYRGYZ, version: 2 }, 'ru')).key).toBe('curricula.error.stale');
    const d = svc.removeItem(TEACHING, { itemId: ITEM_KYRGYZ, version: 1 }, 'ru');
    expect(d.items.map((i) => i.id)).toEqual([ITEM_MICRO]);
    expect(db.sqlite.prepare(`SELECT action, new_json FROM audit_log`).all()).toEqual([{ action: 'curriculum_item.remove', new_json: 'null' }]);
    expect(db.sqlite.prepare(`SELECT name, entity_id, base_version FROM outbox`).all()).toEqual([{ name: 'curriculum_item.remove', entity_id: ITEM_KYRGYZ, base_version: 1 }]);
    expect(refusal(() => svc.removeItem(TEACHING, { itemId: ITEM_KYRGYZ, version: 1 }, 'ru')).key).toBe('curricula.error.itemNotFound');
  });
});

describe('creating curricula', () => {
  it('creates an empty one, or a copy of another intake year’s items, in one audited write', () => {
    const empty = svc.create(TEACHING, { specialtyId: IDS.specEcon, intakeYear: 2027, form: 'evening' });
    expect([empty.intakeYear, empty.form, empty.items]).toEqual([2027, 'evening', []]);
    const copy = svc.create(TEACHING, { specialtyId: IDS.specEcon, intakeYear: 2027, form: 'full_time', copyFromIntakeYear: 2026 });
    expect(copy.items.map((i) => [i.discipline.ru, i.semester, i.credits, i.version])).toEqual([
      ['Кыргызский язык', 1, 3, 1],
      ['Микроэкономика', 1, 5, 1],
    ]);
    expect(copy.items.every((i) => i.id !== ITEM_MICRO && i.id !== ITEM_KYRGYZ)).toBe(true);
    expect(db.sqlite.prepare(`SELECT name FROM outbox ORDER BY created_at, name`).all()).toEqual([{ name: 'curriculum.create' }, { name: 'curriculum.create' }]);
    expect(count(`audit_log WHERE action = 'curriculum.create'`)).toBe(2);
  });

  it('refuses a second curriculum for the same specialty, year and form, and a missing source', () => {
    const twice = refusal(() => svc.create(TEACHING, { specialtyId: IDS.specEcon, intakeYear: 2026, form: 'full_time' }));
    expect([twice.code, twice.key, twice.values]).toEqual(['conflict', 'curricula.error.exists', { year: 2026 }]);
    const source = refusal(() => svc.create(TEACHING, { specialtyId: IDS.specEcon, intakeYear: 2027, form: 'full_time', copyFromIntakeYear: 2019 }));
    expect(source.fields).toEqual([{ path: 'copyFromIntakeYear', key: 'curricula.error.noSource', values: { year: 2019 } }]);
    const specialty = refusal(() => svc.create(TEACHING, { specialtyId: '00000000-0000-7000-8000-0000000000ff', intakeYear: 2027, form: 'full_time' }));
    expect(specialty.fields.map((f) => f.path)).toEqual(['specialtyId']);
  });
});

describe('disciplines', () => {
  it('finds by any word of any language, case-folded, in the caller’s alphabet', () => {
    const names = (query: string, locale: 'ky' | 'ru' | 'en' = 'ru') => svc.searchDisciplines(REGISTRAR, { query, limit: 50 }, locale).rows.map((d) => d.name[locale]);
    expect(names('')).toEqual(['Кыргызский язык', 'Микроэкономика', 'Теория государства и права']);
    expect(names('КЫРГЫЗ')).toEqual(['Кыргызский язык']);
    expect(names('укук', 'ky')).toEqual(['Мамлекет жана укук теориясы']);
    expect(names('state LAW', 'en')).toEqual(['Theory of state and law']);
  });

  it('adds a discipline once, refusing a name that already exists', () => {
    const d = svc.createDiscipline(TEACHING, { nameKy: 'Статистика', nameRu: 'Статистика', nameEn: 'Statistics' });
    expect(d.name.en).toBe('Statistics');
    expect(db.sqlite.prepare(`SELECT name FROM outbox`).all()).toEqual([{ name: 'discipline.create' }]);
    const again = refusal(() => svc.createDiscipline(TEACHING, { nameKy: 'Жаңы', nameRu: 'микроэкономика', nameEn: 'Micro' }));
    expect(again.fields).toEqual([{ path: 'nameRu', key: 'curricula.error.disciplineExists', values: { name: 'микроэкономика' } }]);
    expect(refusal(() => svc.createDiscipline(USERS.clerkEcon, { nameKy: 'А', nameRu: 'А', nameEn: 'A' })).code).toBe('forbidden');
  });
});
