import type { ServerMigration } from './migration';

/**
 * Room on each page of sync_row for the next version of its rows. A push rewrites rows in
 * place (a grade changes many times a session); with full pages every new version went to
 * another page and both indexes got a new entry. With a fifth of each page free, PostgreSQL
 * keeps the new version on the same page and leaves the indexes alone (a "HOT" update: no
 * indexed column changes). Applies to pages written from now on.
 */
export const m0002RowFillfactor: ServerMigration = {
  version: 2,
  name: 'row-fillfactor',
  up: `
ALTER TABLE sync_row SET (fillfactor = 80);
ALTER TABLE device SET (fillfactor = 80);
`,
};
