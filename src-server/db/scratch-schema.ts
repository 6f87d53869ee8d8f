/**
 * A throwaway schema on a PostgreSQL for tests and benchmarks: a connection URL whose
 * search_path points into it, so runs sharing one cluster never meet, and a drop for the end.
 */
import pg from 'pg';

export async function scratchSchema(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { url: u.toString(), drop: () => run(`DROP SCHEMA ${schema} CASCADE`) };
}
