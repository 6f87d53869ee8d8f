import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

let base: string;
let root: string;
let handler: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'unidesk-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>UniDesk</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A sibling whose name starts with the root's name must not count as "inside".
  mkdirSync(path.join(base, 'renderer-secrets'));
  writeFileSync(path.join(base, 'renderer-secrets', 'key.txt'), 'secret');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler({ url, method });

describe('app:// protocol handler', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves files from the renderer folder with the CSP and a content type', async () => {
    const res = await get('app://unidesk/assets/app.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for /', async () => {
    for (const url of ['app://unidesk/', 'app://unidesk/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>UniDesk</title>');
    }
  });

  it.each([
    'app://unidesk/../../etc/passwd',
    'app://unidesk/../secret.txt',
    'app://unidesk/%2e%2e/secret.txt',
    'app://unidesk/..%2fsecret.txt',
    'app://unidesk/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://unidesk/..%5csecret.txt',
    'app://unidesk/assets/..%2f..%2fsecret.txt',
    'app://unidesk/..%2frenderer-secrets%2fkey.txt',
    'app://unidesk/%00index.html',
    'app://unidesk/assets\\..\\..\\secret.txt',
    'app://unidesk/%E0%A4%A',
  ])('refuses %s with 404 and never leaks the file', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolveAppPath keeps every result inside the root', () => {
    expect(resolveAppPath(root, 'app://unidesk/../secret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://unidesk/a/%2E%2e/b.js')).toBeNull();
    expect(resolveAppPath(root, 'app://unidesk/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://unidesk/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('refuses other hosts, other schemes and missing files', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('file:///etc/passwd')).status).toBe(404);
    expect((await get('app://unidesk/missing.js')).status).toBe(404);
    expect((await get('app://unidesk/assets')).status).toBe(404); // a directory: no listing
    expect((await get('app://unidesk/students/42')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://unidesk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://unidesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
