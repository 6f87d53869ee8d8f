/**
 * Security policies for every web contents and the default session (Electron's security
 * checklist: https://www.electronjs.org/docs/latest/tutorial/security). The UI is our own
 * bundled code, but anything it renders comes from users and the sync server, so we assume
 * an injected script is possible and leave it nowhere to go: no navigation away, no new
 * windows, no <webview>, no device permissions, and a CSP without inline script.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

type Preventable = { preventDefault(): void };

/** Only our own origin may be navigated to; anything else (https://…, file://, javascript:) is stopped. */
function guardNavigation(event: Preventable, url: string | undefined): void {
  if (!isAppUrl(url)) event.preventDefault();
}

/**
 * Applied to every web contents as it is created (app 'web-contents-created'), so no window
 * or frame can slip past by being created somewhere we forgot.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, event.url ?? url));
  contents.on('will-redirect', (event, url) => guardNavigation(event, event.url ?? url));
  // will-navigate only sees the main frame; this covers iframes too.
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Replaces any Content-Security-Policy header (any casing) with ours. */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * Session-wide rules. The CSP is also set here because some responses (e.g. a future http
 * fetch) do not pass through our protocol handler; DevTools' own pages are left alone.
 * Every permission is denied: the app needs no camera, location, notifications or
 * clipboard *API* access (paste from Excel goes through the ordinary paste event).
 */
export function applySessionSecurity(
  session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools://')) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
