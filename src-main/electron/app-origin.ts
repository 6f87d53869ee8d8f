/**
 * The UI's own origin. The renderer is served from the privileged custom scheme
 * `app://unidesk/…` (not file://), so it gets a real origin that the CSP's 'self', the
 * navigation guard and the IPC sender check can all compare against.
 * No imports: the preload bundle and tests may use it freely.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'unidesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on our own origin. Node's URL gives custom schemes an opaque origin
 * ("null"), so compare scheme and host rather than `url.origin`. Anything unparsable is foreign.
 */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
