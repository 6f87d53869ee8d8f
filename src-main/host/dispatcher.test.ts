import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/connection';
import { createFixtureDb, FIXTURE_PASSWORD, IDS } from '../testing/fixture';
import { createDispatcher, memorySessionStore, type Dispatch, type Handlers } from './dispatcher';
import { createHandlers } from '../app/handlers';

let db: Database;
let dispatch: Dispatch;
const log = { error: vi.fn() };

beforeEach(async () => {
  db = await createFixtureDb();
  dispatch = createDispatcher(createHandlers(db, 'test'), memorySessionStore(), log);
  log.error.mockClear();
});
afterEach(() => db.close());

async function signIn(key: string, username: string) {
  const r = await dispatch(key, { op: 'session.signIn', payload: { username, password: FIXTURE_PASSWORD }, locale: 'en' });
  expect(r.ok).toBe(true);
}

describe('the dispatcher: one path for every request', () => {
  it('refuses an unknown operation by name', async () => {
    const r = await dispatch('s', { op: 'students.dropAll', payload: {}, locale: 'en' });
    expect(r).toEqual({ ok: false, error: { code: 'bad_request', message: 'Unknown operation “students.dropAll”.' } });
  });

  it('asks to sign in before anything that is not public', async () => {
    const r = await dispatch('s', { op: 'students.search', payload: {}, locale: 'ru' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Сначала войдите в систему.' } });
  });

  it('names the bad field in the language of the request, before any handler runs', async () => {
    await signIn('s', 'clerk');
    const ky = await dispatch('s', { op: 'students.search', payload: { course: 9, limit: 'many' }, locale: 'ky' });
    expect(ky.ok).toBe(false);
    if (ky.ok) return;
    expect(ky.error.code).toBe('validation');
    expect(ky.error.fields).toEqual([
      { path: 'course', message: '«Курс»: 6 ашык эмес' },
      { path: 'limit', message: '«Саны»: бүтүн сан керек' },
    ]);
    const ru = await dispatch('s', { op: 'students.update', payload: { id: IDS.studentAigerim, version: 1, changes: { pin: '123' } }, locale: 'ru' });
    expect(ru.ok === false && ru.error.fields).toEqual([{ path: 'changes.pin', message: '«ПИН»: ПИН состоит из 14 цифр' }]);
    expect(ru.ok === false && ru.error.message).toBe('В запросе 1 ошибка: «ПИН»: ПИН состоит из 14 цифр');
  });

  it('reports a missing required field as required, and unknown fields by name', async () => {
    const r = await dispatch('s', { op: 'session.signIn', payload: { password: 'x', admin: true }, locale: 'en' });
    expect(r.ok === false && r.error.fields).toEqual([
      { path: 'username', message: '“Username”: required' },
    ]);
    await signIn('s', 'clerk');
    const u = await dispatch('s', {
      op: 'students.update',
      payload: { id: IDS.studentAigerim, version: 1, changes: { status: 'expelled' } },
      locale: 'en',
    });
    expect(u.ok === false && u.error.fields?.[0]).toEqual({ path: 'changes.status', message: '“Status”: no such field' });
  });

  it('never sends a stack trace: an unexpected failure is a plain internal error, logged in main', async () => {
    const handlers = { ...createHandlers(db, 'test'), 'app.info': async () => { throw new Error('disk on fire at /secret/path'); } } as Handlers;
    const d = createDispatcher(handlers, memorySessionStore(), log);
    const r = await d('s', { op: 'app.info', payload: {}, locale: 'en' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside UniDesk. Your data was not changed; details are in the log.' },
    });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('signs in with the right password only, with the same message for an unknown user', async () => {
    const wrong = await dispatch('a', { op: 'session.signIn', payload: { username: 'clerk', password: 'nope' }, locale: 'en' });
    const unknown = await dispatch('b', { op: 'session.signIn', payload: { username: 'ghost', password: 'nope' }, locale: 'en' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Wrong username or password.' } });
    await signIn('c', 'CLERK');
    expect(await dispatch('c', { op: 'session.current', payload: {}, locale: 'en' })).toMatchObject({ ok: true, data: { username: 'clerk', role: 'clerk' } });
    await dispatch('c', { op: 'session.signOut', payload: {}, locale: 'en' });
    expect(await dispatch('c', { op: 'session.current', payload: {}, locale: 'en' })).toEqual({ ok: true, data: null });
  });

  it('says an account whose password the server kept off this workstation signs in elsewhere', async () => {
    db.sqlite.prepare(`UPDATE app_user SET password_hash = 'elsewhere' WHERE username = 'admin'`).run();
    const r = await dispatch('d', { op: 'session.signIn', payload: { username: 'admin', password: FIXTURE_PASSWORD }, locale: 'en' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringMatching(/works on another office’s workstation/) } });
  });

  it('keeps sessions apart per caller', async () => {
    await signIn('one', 'clerk');
    expect(await dispatch('two', { op: 'session.current', payload: {}, locale: 'en' })).toEqual({ ok: true, data: null });
  });
});

