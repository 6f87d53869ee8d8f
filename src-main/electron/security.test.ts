import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { FakeEvent, FakeSession, FakeWebContents, resetFakeElectron } from './electron.fake';
import { applySessionSecurity, hardenWebContents, withCsp } from './security';

type AnyFn = (...args: unknown[]) => unknown;

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);
  return contents;
}

/** Emits a navigation-style event the way Electron does (details event first, url second). */
function navigate(contents: FakeWebContents, name: string, url: string): boolean {
  const event = new FakeEvent(url);
  contents.emit(name, event, url);
  return event.defaultPrevented;
}

beforeEach(() => resetFakeElectron());

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only our own origin and never inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from app://unidesk', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(navigate(contents, event, 'https://evil.example/phish')).toBe(true);
      expect(navigate(contents, event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(contents, event, 'app://other/index.html')).toBe(true);
      expect(navigate(contents, event, 'javascript:alert(1)')).toBe(true);
      expect(navigate(contents, event, 'app://unidesk@evil.example/')).toBe(true);
    }
  });

  it('lets the app navigate within its own origin', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(navigate(contents, event, 'app://unidesk/index.html')).toBe(false);
      expect(navigate(contents, event, 'app://unidesk/students?q=1')).toBe(false);
    }
  });

  it('denies window.open and <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://unidesk/index.html' })).toEqual({ action: 'deny' });
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('applySessionSecurity', () => {
  function secured(): FakeSession {
    const ses = new FakeSession();
    applySessionSecurity(ses as never);
    return ses;
  }

  it('puts our CSP on responses, replacing any other CSP header', () => {
    const ses = secured();
    let result: { responseHeaders?: Record<string, string[]> } | undefined;
    (ses.headersListener as AnyFn)(
      {
        url: 'app://unidesk/index.html',
        responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"], 'Content-Type': ['text/html'] },
      },
      (r: typeof result) => (result = r),
    );
    expect(result?.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result?.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(result?.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('adds the CSP when the response had none', () => {
    const ses = secured();
    let result: { responseHeaders?: Record<string, string[]> } | undefined;
    (ses.headersListener as AnyFn)({ url: 'app://unidesk/app.js' }, (r: typeof result) => (result = r));
    expect(result?.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('denies every permission request and check', () => {
    const ses = secured();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (ses.permissionRequestHandler as AnyFn)({}, permission, (g: boolean) => (granted = g), {});
      expect(granted).toBe(false);
      expect((ses.permissionCheckHandler as AnyFn)({}, permission, 'app://unidesk', {})).toBe(false);
    }
  });

  it('withCsp normalises header values to arrays', () => {
    expect(withCsp({ 'X-A': 'b' })).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
