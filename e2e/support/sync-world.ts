/**
 * Real processes for the sync tests: the built server (PGlite in a folder, or the PostgreSQL
 * CI provides), the built CLI, driver devices bundled from e2e/support/sync-driver.ts, and an
 * HTTP proxy between devices and server that can drop an answer after the server committed
 * or deliver a request twice. Everything listens on 127.0.0.1 only.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { inject } from 'vitest';
import { scratchSchema } from '../../src-server/db/scratch-schema';
import { openEntryWindows } from './app';

const root = path.resolve(__dirname, '..', '..');
const execFileAsync = promisify(execFile);
const SERVER = path.join(root, 'dist', 'server', 'server.cjs');
const CLI = path.join(root, 'dist', 'cli', 'unidesk.cjs');
export const ADMIN = { username: 'it-admin', password: 'correct-horse-battery' };

/** Runs the CLI without blocking this process (the faulty proxy lives here and must keep answering). */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<string> {
  const run = execFileAsync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  // what a script pipes in (a password with --password-stdin); the pipe is closed either way
  run.child.stdin?.end(input);
  const { stdout } = await run;
  return stdout;
}

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** what the server printed so far (its log) */
  output(): string;
}

/** Where the server keeps its data: a PGlite folder, or a fresh schema of the CI's PostgreSQL. */
export async function serverStore(dir: string): Promise<{ args: string[]; drop(): Promise<void> }> {
  const url = process.env.UNIDESK_TEST_DATABASE_URL;
  if (!url) return { args: ['--data', path.join(dir, 'server-data')], drop: async () => undefined };
  const scratch = await scratchSchema(url, 'e2e');
  return { args: ['--database-url', scratch.url], drop: scratch.drop };
}

/** A copy of the demo university whose grade-entry windows are open whatever today is. */
export function openEntrySeed(dir: string): string {
  const seed = path.join(dir, 'seed.sqlite');
  fs.copyFileSync(inject('demoDb'), seed);
  openEntryWindows(seed);
  return seed;
}

export function serverCommand(store: string[], args: string[]): string {
  return execFileSync(process.execPath, [SERVER, ...args, ...store], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startServer(store: string[], port = 0): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [SERVER, 'serve', '--port', String(port), '--rate-limit', '100000', ...store], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  const exited = new Promise((r) => proc.once('exit', r));
  return {
    url,
    proc,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
    output: () => out + err,
  };
}

/** Bundles the driver device once per run (the test runs it as its own process, to kill it). */
export function buildDriver(): string {
  // inside the project, so the bundle finds better-sqlite3 in node_modules
  const out = path.join(root, 'dist', 'e2e', 'sync-driver.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'sync-driver.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'warning',
    nodePaths: [path.join(root, 'node_modules')],
  });
  return out;
}

export function startDriver(driver: string, args: string[]): { proc: ChildProcess; done: Promise<number | null>; output: () => string } {
  const proc = spawn(process.execPath, [driver, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const done = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, done, output: () => out };
}

export interface FaultyProxy {
  url: string;
  setTarget(url: string): void;
  /** per request: the answer is thrown away after the server handled it */
  dropAnswer: number;
  /** per request: the server gets it twice (the device hears the second answer) */
  duplicate: number;
  stats: { requests: number; dropped: number; duplicated: number };
  close(): Promise<void>;
}

/** A loopback proxy that loses answers and repeats requests, at the given rates (seeded, so runs repeat). */
export async function startFaultyProxy(target: string, seed = 1): Promise<FaultyProxy> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let to = new URL(target);
  const forward = (method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: to.hostname, port: to.port, method, path: url, headers: { ...headers, host: to.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const proxy: FaultyProxy = {
    url: '',
    setTarget: (u) => (to = new URL(u)),
    dropAnswer: 0,
    duplicate: 0,
    stats: { requests: 0, dropped: 0, duplicated: 0 },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      proxy.stats.requests++;
      const body = Buffer.concat(chunks);
      try {
        if (random() < proxy.duplicate) {
          proxy.stats.duplicated++;
          await forward(req.method!, req.url!, req.headers, body);
        }
        const answer = await forward(req.method!, req.url!, req.headers, body);
        if (random() < proxy.dropAnswer) {
          proxy.stats.dropped++;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        res.end(answer.body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address() as { port: number };
  proxy.url = `http://127.0.0.1:${addr.port}`;
  return proxy;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A TCP door between one device and the server, on a port of its own: `close()` makes that
 * device offline (connection refused, exactly as a server that is down) while other devices
 * reach the server; `open()` lets it through again. Tests use it to decide who syncs first
 * instead of racing a background loop.
 */
export interface DeviceDoor {
  url: string;
  open(): Promise<void>;
  close(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDoor(target: () => string | null): Promise<DeviceDoor> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const to = target();
        if (!to) return client.destroy();
        const u = new URL(to);
        const upstream = net.connect(Number(u.port), u.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      for (const sock of sockets) sock.destroy();
      s.close(() => resolve());
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    open: async () => {
      if (!server) await listen();
    },
    close: shut,
    stop: shut,
  };
}
