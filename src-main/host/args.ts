import { parseArgs } from 'node:util';
import { optionProblem } from '../platform/option-problem';

/** What `--help` prints for `npm start` / `npm run web` (dist/main/start.cjs, dist/main/web.cjs). */
export const HOST_USAGE = `Usage: node dist/main/web.cjs [--db FILE] [--port N]
       node dist/main/start.cjs [--db FILE] [--port N]

Opens UniDesk: the desktop app when Electron is installed (start), else the browser host on
127.0.0.1, printing the address to open (it carries the page's access key).

  --db FILE   the replica to open (default: the per-user data folder; a new one offers the
              demo university or connecting to the university server)
  --port N    the browser host's port (default: 47810, else a free one)
  --help      print this and exit`;

export interface HostFlags {
  db?: string;
  port?: number;
  help?: boolean;
}

/**
 * Flags shared by `npm start` and `npm run web`. An unknown option is refused (a mistyped
 * `--dbb` must not silently open — and create — the default replica).
 */
export function hostFlags(argv: string[]): HostFlags {
  let values: { db?: string | undefined; port?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new Error(`${optionProblem(e as Error)} (see --help)`);
  }
  const out: HostFlags = {};
  if (values.help) return { help: true };
  if (typeof values.db === 'string') out.db = values.db;
  if (typeof values.port === 'string') {
    const n = Number(values.port);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a number 0–65535, got "${values.port}"`);
    out.port = n;
  }
  return out;
}
