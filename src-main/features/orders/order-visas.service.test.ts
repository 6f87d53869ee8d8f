/**
 * Approval visas from settings (issue 12, "Orders"): the administrator picks which university
 * positions visa every order and in which order; every printed order then carries their
 * current holders under "СОГЛАСОВАНО:", after the faculty dean's visa.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { probePdf } from '../../documents/pdf/poppler.fixture';
import { refusal } from '../../testing/refusal';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { exportOrder } from './order-document';
import { listVisaPositions, setVisaPositions } from './order-visas.service';
import { ordersHarness } from './orders.test-kit';

let db: Database;
const T = '2020-01-01T00:00:00Z';
beforeEach(async () => {
  db = await createFixtureDb();
  db.sqlite.exec(`
    INSERT INTO position (id, category, name_ky, name_ru, name_en) VALUES
      ('p-vice', 'administrative', 'Окуу иштери боюнча проректор', 'Проректор по учебной работе', 'Vice-Rector for Academic Affairs'),
      ('p-law', 'administrative', 'Юрист', 'Юрист', 'Lawyer'),
      ('p-doc', 'docent', 'доцент', 'доцент', 'associate professor');
    INSERT INTO staff (id, last_name, first_name, patronymic, sex, birth_date, citizenship, hire_date, updated_at) VALUES
      ('00000000-0000-7000-8000-0000000006a1', 'Мамытова', 'Гүлзат', 'Асановна', 'F', '1970-02-03', 'KG', '2005-09-01', '${T}');
    INSERT INTO staff_position (id, staff_id, position_id, faculty_id, rate, employment_type, start_date, updated_at) VALUES
      ('sp-vice', '00000000-0000-7000-8000-0000000006a1', 'p-vice', NULL, 100, 'main', '2015-09-01', '${T}');
  `);
});
afterEach(() => db.close());


describe('visas on orders, from settings', () => {
  it('lets the administrator choose and order them (audited, synced); nobody else may', () => {
    // offered: positions someone holds university-wide (the lawyer's post is vacant)
    expect(listVisaPositions(db, USERS.admin).positions.map((p) => [p.name.ru, p.holder, p.place])).toEqual([['Проректор по учебной работе', 'Г. А. Мамытова', null]]);
    const set = setVisaPositions(db, USERS.admin, ['p-law', 'p-vice']);
    expect(set.positions.map((p) => [p.id, p.place])).toEqual([
      ['p-law', 1],
      ['p-vice', 2],
    ]);
    expect(db.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'orders.visas'`).pluck().get()).toBe(1);
    expect(db.sqlite.prepare(`SELECT count(*) FROM outbox WHERE name = 'orders.visas'`).pluck().get()).toBe(1);

    expect(refusal(() => setVisaPositions(db, USERS.studhr, ['p-vice'])).code).toBe('forbidden');
    expect(refusal(() => listVisaPositions(db, USERS.clerkEcon)).code).toBe('forbidden');
    const bad = refusal(() => setVisaPositions(db, USERS.admin, ['p-vice', 'p-doc', 'p-vice']));
    expect(bad.fields).toEqual([
      { path: 'positionIds.1', key: 'error.visa.position' },
      { path: 'positionIds.2', key: 'error.visa.twice' },
    ]);
    // nothing of a refused change is kept
    expect(listVisaPositions(db, USERS.admin).positions.map((p) => p.place)).toEqual([1, 2]);
  });

  it('prints the chosen visas with their holders on every order, in the chosen order', async () => {
    setVisaPositions(db, USERS.admin, ['p-vice', 'p-law']);
    const h = ordersHarness(db);
    const o = h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }]);
    const pdf = probePdf(Buffer.from((await exportOrder(db, h.orders, USERS.studhr, { id: o.id, format: 'pdf', lang: 'ru' })).base64, 'base64'), 'visas');
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toMatch(/СОГЛАСОВАНО:.*Проректор по учебной работе.*Г\. А\. Мамытова.*Юрист/);
    setVisaPositions(db, USERS.admin, []);
    const none = probePdf(Buffer.from((await exportOrder(db, h.orders, USERS.studhr, { id: o.id, format: 'pdf', lang: 'ru' })).base64, 'base64'), 'no-visas');
    expect(none.pages.join('\n')).not.toContain('Проректор по учебной работе');
  });
});
