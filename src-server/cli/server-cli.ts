/**
 * The `unidesk-server` command (also `npm run server -- …`):
 *   serve (default)   --port N --host H  [--trust-proxy] [--rate-limit N]
 *   admin create      --username U [--password-stdin] (prompts on a terminal)
 *   import-replica    --replica FILE.sqlite
 *   devices
 * Every command takes --data DIR (PGlite, the default) or --database-url URL / DATABASE_URL.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { optionProblem } from '../../src-main/platform/option-problem';
import type { FastifyInstance } from 'fastify';
import { upsertAdmin } from '../auth/server-user.repository';
import { openServerDb, type DbTarget, type ServerDb } from '../db/connection';
import { migrateServerDb } from '../db/migrate';
import { listDevices } from '../devices/device.repository';
import { buildServerApp, DEFAULT_RATE_LIMIT } from '../http/server-app';
import { importReplica } from '../import/replica-import';

export class UsageError extends Error {}

export interface CliIo {
  out(line: string): void;
  env: NodeJS.ProcessEnv;
  /** opens the database (tests hand in their own) */
  open?: (target: DbTarget) => Promise<ServerDb>;
  /** asks for a password: a hidden prompt on a terminal, the first line of a pipe with --password-stdin */
  secret?: (prompt: string) => Promise<string>;
}

const USAGE = `usage:
  unidesk-server [serve] [--port 8787] [--host 127.0.0.1] [--trust-proxy] [--rate-limit N]
  unidesk-server admin create --username U [--password-stdin]   (asks for the password; UNIDESK_SERVER_PASSWORD also works)
  unidesk-server import-replica --replica FILE.sqlite
  unidesk-server devices
database: --data DIR (PGlite; default ./unidesk-server-data) or --database-url URL (or DATABASE_URL)`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'database-url': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'rate-limit': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  replica: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${optionProblem(e as Error)} (see unidesk-server --help)`);
  }
}

function dbTarget(v: Values, env: NodeJS.ProcessEnv): DbTarget {
  const url = v['database-url'] ?? env.DATABASE_URL;
  if (url && v.data) throw new UsageError('give either --data DIR or --database-url URL, not both');
  if (url) return { databaseUrl: url };
  return { dataDir: path.resolve(v.data ?? env.UNIDESK_SERVER_DATA ?? 'unidesk-server-data') };
}

function positive(name: string, raw: string | undefined, dflt: number, min = 1): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 65535 * 1000) throw new UsageError(`--${name} must be a whole number (got "${raw}")`);
  return n;
}

async function openMigrated(v: Values, io: CliIo): Promise<ServerDb> {
  const db = await (io.open ?? openServerDb)(dbTarget(v, io.env));
  try {
    await migrateServerDb(db.kysely);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server; resolves once it listens. */
export async function serve(v: Values, io: CliIo): Promise<RunningServer> {
  const port = positive('port', v.port, 8787, 0);
  const host = v.host ?? '127.0.0.1';
  const max = positive('rate-limit', v['rate-limit'], DEFAULT_RATE_LIMIT.max);
  const db = await openMigrated(v, io);
  const app = await buildServerApp({ db: db.kysely, logger: io.open === undefined, trustProxy: v['trust-proxy'] ?? false, rateLimit: { ...DEFAULT_RATE_LIMIT, max } });
  let url: string;
  try {
    url = await app.listen({ port, host });
  } catch (e) {
    await app.close();
    await db.close();
    throw e;
  }
  io.out(`unidesk-server: listening on ${url} (${db.backend === 'pglite' ? `PGlite in ${(dbTarget(v, io.env) as { dataDir: string }).dataDir}` : 'PostgreSQL'})`);
  return {
    app,
    url,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Runs one command. `serve` returns the running server; the others finish and return null. */
export async function runServerCli(argv: string[], io: CliIo): Promise<RunningServer | null> {
  const { values: v, positionals } = parse(argv);
  const [command = 'serve', sub] = positionals;
  if (v.help) {
    io.out(USAGE);
    return null;
  }
  switch (command) {
    case 'serve':
      return serve(v, io);
    case 'admin': {
      if (sub !== 'create') throw new UsageError('unknown admin command; use: admin create --username U');
      if (!v.username) throw new UsageError('admin create needs --username U');
      // never required on the command line (it would show in `ps` and the shell's history)
      const password = v.password ?? io.env.UNIDESK_SERVER_PASSWORD ?? (io.secret && (v['password-stdin'] || process.stdin.isTTY) ? await io.secret('password: ') : undefined);
      if (!password) throw new UsageError('admin create needs the password: type it when asked, pipe it with --password-stdin, or set UNIDESK_SERVER_PASSWORD');
      if (password.length < 10) throw new UsageError('the admin password must be at least 10 characters');
      const db = await openMigrated(v, io);
      try {
        const what = await upsertAdmin(db.kysely, v.username, password);
        io.out(`admin ${v.username} ${what}`);
      } finally {
        await db.close();
      }
      return null;
    }
    case 'import-replica': {
      if (!v.replica) throw new UsageError('import-replica needs --replica FILE.sqlite');
      const db = await openMigrated(v, io);
      try {
        const r = await importReplica(db.kysely, path.resolve(v.replica));
        for (const t of r.tables) io.out(`${t.table}: ${t.rows}`);
        if (r.missingTables.length > 0) io.out(`not in the replica: ${r.missingTables.join(', ')}`);
        for (const p of r.problems.slice(0, 20)) io.out(`skipped ${p.table} ${p.id}: ${p.problem}`);
        if (r.problems.length > 20) io.out(`… and ${r.problems.length - 20} more skipped rows`);
        io.out(`imported ${r.tables.reduce((n, t) => n + t.rows, 0)} rows`);
      } finally {
        await db.close();
      }
      return null;
    }
    case 'devices': {
      const db = await openMigrated(v, io);
      try {
        const devices = await listDevices(db.kysely);
        if (devices.length === 0) io.out('no devices enrolled');
        for (const d of devices) {
          const scope = d.scope.kind === 'faculty' ? `faculty ${d.scope.facultyId}` : d.scope.kind;
          const state = d.revokedAt ? `revoked ${d.revokedAt}` : `last seen ${d.lastSeenAt ?? 'never'}, ${d.pending} pending${d.oldestPendingAt ? ` since ${d.oldestPendingAt}` : ''}`;
          io.out(`${d.id}  ${d.name}  ${d.role} (${scope})  seq ${d.lastSeq}  ${state}${d.lastError ? `  error: ${d.lastError}` : ''}`);
        }
      } finally {
        await db.close();
      }
      return null;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}
