import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../platform/schema-version';
import { MIGRATIONS } from './index';

describe('the migrations list', () => {
  it('numbers migrations 1, 2, 3… with no gap or repeat, ending at the schema version the server is told', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(MIGRATIONS[MIGRATIONS.length - 1]!.version).toBe(SCHEMA_VERSION);
  });
});
