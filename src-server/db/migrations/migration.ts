/**
 * A server schema step. Listed statically in ./index.ts (no folder scanning: the server is
 * bundled into one file). `up` is plain SQL, statements ending with `;` at a line's end —
 * no function bodies — so the same text runs on PGlite and PostgreSQL statement by statement.
 */
export interface ServerMigration {
  version: number;
  name: string;
  up: string;
}

/** The statements of a migration, in order. */
export function statementsOf(m: ServerMigration): string[] {
  return m.up
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
