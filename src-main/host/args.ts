import { parseArgs } from 'node:util';

/** Flags shared by `npm start`, `npm run web` and the CLI's `web` command. */
export function hostFlags(argv: string[]): { db?: string; port?: number } {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const out: { db?: string; port?: number } = {};
  if (typeof values.db === 'string') out.db = values.db;
  if (typeof values.port === 'string') {
    const n = Number(values.port);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a number 0–65535, got "${values.port}"`);
    out.port = n;
  }
  return out;
}
