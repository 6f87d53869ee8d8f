import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { HOST_REFUSAL_HEADER, type CallResult, type ErrorCode } from '../../src-shared/contract';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { Dispatch } from './dispatcher';

export interface WebHost {
  url: string;
  /** the URL with the per-launch key in its fragment: what a person opens */
  openUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

const refusal = (code: ErrorCode, message: string): CallResult<never> => ({ ok: false, error: { code, message } });

/**
 * The browser host: the built renderer and the contract over HTTP, on 127.0.0.1 only. Other
 * programs on the machine can reach the port, so every call must carry the per-launch key
 * (given to the page in the URL fragment, never sent in a URL), and Host/Origin must be ours
 * (a web page elsewhere cannot rebind a name to 127.0.0.1 and call us).
 */
export async function startWebHost(opts: {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  key?: string;
}): Promise<WebHost> {
  const key = opts.key ?? randomBytes(32).toString('base64url');
  const issuedSessions = new Set<string>();
  let port = 0;
  const rendererRoot = path.resolve(opts.rendererDir);

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) {
      return sendJson(res, 403, refusal('forbidden', 'Request refused: foreign origin.'));
    }
    const given = req.headers['x-unidesk-key'];
    if (typeof given !== 'string' || !sameSecret(given, key)) {
      return sendJson(
        res,
        401,
        refusal('unauthenticated', 'UniDesk: open the address printed at launch (it carries the access key).'),
        // the page words this in its own language: it cannot have sent us one we could trust
        { [HOST_REFUSAL_HEADER]: 'key' },
      );
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, refusal('bad_request', 'Request refused: JSON expected.'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return sendJson(res, 413, refusal('bad_request', 'Request refused: larger than 1 MB.'));
      chunks.push(chunk as Buffer);
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return sendJson(res, 400, refusal('bad_request', 'Request refused: not valid JSON.'));
    }
    // Only session tokens this host issued are honoured; anything else starts a new session.
    let session = req.headers['x-unidesk-session'];
    const headers: Record<string, string> = {};
    if (typeof session !== 'string' || !issuedSessions.has(session)) {
      session = randomBytes(24).toString('base64url');
      issuedSessions.add(session);
      headers['x-unidesk-session'] = session;
    }
    const result = await opts.dispatch(`http:${session}`, envelope);
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result, headers);
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse) {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // a malformed escape (GET /%E0%A4%A) is the caller's mistake: any web page could send one
      res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Bad request');
    }
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(rendererRoot, rel);
    if (!file.startsWith(rendererRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('Misdirected request');
    }
    const url = req.url ?? '/';
    if (url === '/api/call') {
      if (req.method !== 'POST') return sendJson(res, 405, refusal('bad_request', 'POST expected.'));
      handleCall(req, res).catch(() => sendJson(res, 500, refusal('internal', 'Internal error.')));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      return res.end();
    }
    serveStatic(req, res);
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#key=${key}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
