import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

interface Compilable<O> {
  compile(): CompiledQuery<O>;
}

/**
 * Runs a Kysely-built query synchronously on better-sqlite3. Writes use this inside one
 * synchronous transaction, so no other request can interleave between its statements.
 */
export class SyncQueries {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private statement(sql: string): BetterSqlite3.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, st);
    }
    return st;
  }

  all<O>(q: Compilable<O>): O[] {
    const c = q.compile();
    return this.statement(c.sql).all(...(c.parameters as unknown[])) as O[];
  }

  first<O>(q: Compilable<O>): O | undefined {
    const c = q.compile();
    return this.statement(c.sql).get(...(c.parameters as unknown[])) as O | undefined;
  }

  run(q: Compilable<unknown>): BetterSqlite3.RunResult {
    const c = q.compile();
    return this.statement(c.sql).run(...(c.parameters as unknown[]));
  }
}
