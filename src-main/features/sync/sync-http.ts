/** The device's HTTP calls to the central server: JSON, a timeout, and errors a person can act on. */
import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION } from '../../../src-shared/sync/protocol';

const GZIP_FROM = 64 * 1024;

export class SyncHttpError extends Error {
  constructor(
    /** the server's error code, or 'network' / 'timeout' / 'http_<status>' */
    readonly code: string,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }

  /** Worth trying again later by itself (the network, a busy or restarting server). */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.status === 429 || (this.status !== null && this.status >= 500);
  }
}

export interface SyncHttp {
  post<T>(path: string, body: Record<string, unknown>, auth?: { token?: string; basic?: { username: string; password: string } }): Promise<T>;
}

export function createSyncHttp(serverUrl: string, opts: { timeoutMs?: number; fetchImpl?: typeof fetch } = {}): SyncHttp {
  const base = serverUrl.replace(/\/+$/, '');
  const doFetch = opts.fetchImpl ?? fetch;
  return {
    async post<T>(path: string, body: Record<string, unknown>, auth: { token?: string; basic?: { username: string; password: string } } = {}): Promise<T> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const json = JSON.stringify({ protocol: PROTOCOL_VERSION, ...body });
      // a large local transaction (a faculty's sheets, a promotion order) travels compressed: JSON rows shrink ~10×
      const payload = json.length > GZIP_FROM ? gzipSync(json) : json;
      if (payload !== json) headers['content-encoding'] = 'gzip';
      if (auth.token) headers.authorization = `Bearer ${auth.token}`;
      if (auth.basic) headers.authorization = `Basic ${Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64')}`;
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          method: 'POST',
          headers,
          body: payload,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
        });
      } catch (e) {
        const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        throw new SyncHttpError(timeout ? 'timeout' : 'network', timeout ? `the server did not answer in time (${base})` : `cannot reach the server at ${base}`, null);
      }
      const text = await res.text();
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        // a proxy's HTML error page: report the status
      }
      if (!res.ok) {
        const err = (data ?? {}) as { error?: string; message?: string };
        throw new SyncHttpError(err.error ?? `http_${res.status}`, err.message ?? `the server answered ${res.status}`, res.status);
      }
      return data as T;
    },
  };
}
