/**
 * The one Content-Security-Policy of the UI, whichever host serves it (Electron's `app://`
 * protocol or the browser host on 127.0.0.1). This file imports nothing so the browser host
 * can use the same constant without pulling in electron.
 *
 * Why each directive: everything comes from our own origin; no inline script or style (the
 * renderer is bundled, so neither 'unsafe-inline' nor 'unsafe-eval' is needed); images may be
 * data: URLs (photos, QR codes on documents); no plugins, no <base> rewriting, no form posts
 * to elsewhere, and nobody may frame the UI.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
