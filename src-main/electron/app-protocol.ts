/**
 * Serves the built renderer (dist/renderer) under `app://unidesk/…`.
 *
 * Why a custom scheme instead of file://: file:// pages share one opaque origin with the
 * whole disk, so 'self' in the CSP would mean "any local file". A privileged standard scheme
 * gives the UI its own origin and lets this handler refuse everything outside one folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

/** Must be registered before `app.whenReady()`: Chromium reads scheme privileges at startup. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers on every response, errors included: the CSP must hold even if webRequest misses a custom scheme. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: baseHeaders('text/plain; charset=utf-8'),
  });
}

/** A `..` segment in any spelling: literal, percent-encoded dots, `/` `\\` or encoded separators. */
const DOT_DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){2}(?:$|[/\\?#]|%2f|%5c)/i;

/**
 * Maps a request URL to a file inside `rootDir`, or null when it points anywhere else.
 * Any `..` segment is refused outright, even though URL parsing (Chromium's or Node's) folds
 * the literal ones first; then the decoded path is resolved and must still be inside the
 * root, which also catches encoded separators and Windows backslashes.
 */
export function resolveAppPath(rootDir: string, rawUrl: string): string | null {
  if (DOT_DOT_SEGMENT.test(rawUrl)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed escapes
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const full = path.resolve(root, '.' + rel);
  const inside = path.relative(root, full);
  if (!inside || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
  return full;
}

async function readFileIfPresent(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return null;
  }
}

/**
 * The `protocol.handle('app', …)` handler. Only GET/HEAD; anything that is not a file inside
 * the renderer folder is 404 (no index.html fallback: the renderer routes in memory, so a
 * reload always starts at index.html).
 */
export function createAppProtocolHandler(rootDir: string): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return refuse(405);
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return refuse(404);
    const body = await readFileIfPresent(file);
    if (!body) return refuse(404);
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(method === 'HEAD' ? null : body, { status: 200, headers: baseHeaders(type) });
  };
}
