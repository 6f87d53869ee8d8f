/**
 * The typed client over the contract. The transport (Electron's preload bridge or the browser
 * host's HTTP endpoint) is chosen once at startup; nothing above this file can tell which.
 */
import type { CallEnvelope, OpName, RequestOf, ResponseOf, UniDeskBridge } from '../../src-shared/contract';
import { DEFAULT_LOCALE, translate, type Locale } from '../../src-shared/i18n';
import { ApiError } from './api-error';
import { createHttpTransport, takeLaunchKey, TransportError } from './http-transport';

export { ApiError, errorMessage, isApiError } from './api-error';

export interface ApiClient {
  call<K extends OpName>(op: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
}

export function createApiClient(bridge: UniDeskBridge, getLocale: () => Locale): ApiClient {
  return {
    async call<K extends OpName>(op: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
      const locale = getLocale();
      const envelope: CallEnvelope = { op, payload, locale };
      let result;
      try {
        result = await bridge.call(envelope);
      } catch (e) {
        if (e instanceof TransportError && e.kind === 'noKey') throw new ApiError('unauthenticated', translate(locale, 'api.noKey'));
        if (e instanceof TransportError && e.kind === 'badResponse') {
          throw new ApiError('internal', translate(locale, 'api.badResponse', { status: e.status }));
        }
        throw new ApiError('unreachable', translate(locale, 'api.unreachable'));
      }
      if (!result.ok) {
        if (result.error.code === 'unauthenticated') notifyUnauthenticated(result.error.message);
        throw ApiError.fromPayload(result.error);
      }
      return result.data as ResponseOf<K>;
    },
  };
}

type UnauthenticatedListener = (message: string) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** The shell listens so that a session that ended on the server (restart, sign-out elsewhere) leads back to sign-in. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => void unauthenticatedListeners.delete(listener);
}

function notifyUnauthenticated(message: string): void {
  for (const l of unauthenticatedListeners) l(message);
}

/** The locale every call carries, so the server answers (errors, field problems) in the UI language. */
let callLocale: Locale = DEFAULT_LOCALE;
export function setCallLocale(locale: Locale): void {
  callLocale = locale;
}

interface BridgeWindow {
  unidesk?: UniDeskBridge;
}

/** Electron's preload bridge, when this page runs in the desktop app. */
function desktopBridge(): UniDeskBridge | null {
  const electron = (window as unknown as BridgeWindow).unidesk;
  return electron && typeof electron.call === 'function' ? electron : null;
}

/** Whether this page runs in the desktop app, where files are on this computer. */
export function inDesktopApp(): boolean {
  return desktopBridge() !== null;
}

/** Electron's preload bridge when present, otherwise the browser host over HTTP. */
export function detectBridge(): UniDeskBridge {
  const electron = desktopBridge();
  if (electron) return electron;
  takeLaunchKey(window.location, window.history, window.sessionStorage);
  return createHttpTransport({
    fetch: (input, init) => window.fetch(input, init),
    storage: window.sessionStorage,
  });
}

let client: ApiClient | null = null;

/** Called once by main.tsx before the first render (it also takes `#key=` off the address). */
export function initApi(bridge: UniDeskBridge = detectBridge()): void {
  client = createApiClient(bridge, () => callLocale);
}

export function call<K extends OpName>(op: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  if (!client) initApi();
  return client!.call(op, payload);
}
