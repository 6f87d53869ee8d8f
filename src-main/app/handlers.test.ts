import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection';
import { createFixtureDb } from '../testing/fixture';
import { contract, type OpName } from '../../src-shared/contract';
import type { FeatureDeps, FeatureModule } from '../features/feature-module';
import { defineFeature } from '../features/feature-module';
import { composeHandlers } from './handlers';
import { FEATURES } from './features.manifest';

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
});
