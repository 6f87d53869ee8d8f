import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection';
import { createFixtureDb } from '../testing/fixture';
import { contract, type OpName } from '../../src-shared/contract';
import type { FeatureDeps, FeatureModule } from '../features/feature-module';
import { defineFeature } from '../features/feature-module';
import { composeHandlers } from './handlers';
import { FEATURES } from './features.manifest';
import { MIGRATIONS } from '../db/migrations';
import { SYNC_SLICES } from '../../src-shared/sync/slices';

let db: Database;
beforeAll(async () => {
  db = await createFixtureDb();
});
afterAll(() => db.close());
const deps = (): FeatureDeps => ({ db, version: 'test', syncLoop: null });
const modules = FEATURES as unknown as readonly FeatureModule<OpName>[];

describe('the feature manifest', () => {
  it('answers every operation of the contract, each by exactly one module', () => {
    const owners = new Map<string, string[]>();
    for (const m of modules) for (const op of Object.keys(m.handlers(deps()))) owners.set(op, [...(owners.get(op) ?? []), m.name]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(contract).sort());
    expect([...owners.values()].filter((o) => o.length > 1)).toEqual([]);
  });

  it('refuses to start with an operation answered twice, naming it', () => {
    const twice = defineFeature({ name: 'twice', handlers: () => ({ 'session.current': async (_req, ctx) => ctx.session }) });
    expect(() => composeHandlers([...modules, twice as unknown as FeatureModule<OpName>], deps())).toThrow(/session\.current is answered by two feature modules \(the second: twice\)/);
  });

  it('gives every office migration and sync slice to exactly one module, and the static lists hold exactly those', () => {
    const owned = modules.flatMap((m) => m.migrations ?? []);
    expect(new Set(owned).size).toBe(owned.length);
    // the rest of the list is the core schema in src-main/db/migrations
    const core = MIGRATIONS.filter((m) => !owned.includes(m)).map((m) => m.version);
    expect(core).toEqual([1, 3, 5]);
    for (const m of owned) expect(MIGRATIONS).toContain(m);
    const slices = modules.flatMap((m) => m.sync ?? []);
    expect([...slices].sort((a, b) => a.office.localeCompare(b.office))).toEqual([...SYNC_SLICES].sort((a, b) => a.office.localeCompare(b.office)));
  });

  it('runs each module’s work before every signed-in request, and a failing one never blocks the request', async () => {
    const seen: string[] = [];
    const clock = defineFeature({
      name: 'clock',
      beforeRequest: () => (session) => {
        seen.push(session.username);
        throw new Error('database is locked');
      },
      handlers: () => ({}),
    });
    const handlers = composeHandlers([...modules, clock as unknown as FeatureModule<OpName>], deps());
    const session = { id: 'u', username: 'clerk', displayName: 'Clerk', role: 'clerk' as const, facultyId: null };
    const ctx = { session, locale: 'ru', setSession: () => undefined } as unknown as Parameters<(typeof handlers)['session.current']>[1];
    await expect(handlers['session.current']({} as never, ctx)).resolves.toEqual(session);
    expect(seen).toEqual(['clerk']);
  });
});
