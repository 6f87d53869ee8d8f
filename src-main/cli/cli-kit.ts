import { parseArgs } from 'node:util';
import type { SessionUser } from '../../src-shared/contract';
import { openDatabase, type Database } from '../db/connection';
import { resolveDbFile } from '../db/data-dir';

export class UsageError extends Error {}

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<void>;
}

export function flags<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt?: T): T {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${v === undefined ? '' : `, got "${String(v)}"`}`);
  }
  return v as T;
}

/**
 * Batch jobs run on the machine's own replica with read access to all of it, as the
 * administrator would; they write nothing through this identity.
 */
export const CLI_READER: SessionUser = { id: 'cli', username: 'cli', displayName: 'unidesk CLI', role: 'admin', facultyId: null };

export async function withDb<T>(dbFlag: string | undefined, fn: (db: Database) => Promise<T> | T): Promise<T> {
  const db = openDatabase(resolveDbFile({ dbFlag }));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
