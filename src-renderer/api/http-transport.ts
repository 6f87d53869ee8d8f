/**
 * The browser host's transport: POST /api/call on 127.0.0.1. The host opens the browser at
 * `…/#key=SECRET`; the key proves the page was opened by the host (not by another site or
 * user on the machine) and is kept only for this tab. The host hands out a session id in the
 * `x-unidesk-session` response header; we send it back on every later call.
 */
import { HOST_REFUSAL_HEADER, type CallEnvelope, type CallResult, type UniDeskBridge } from '../../src-shared/contract';

export const KEY_STORAGE = 'unidesk.key';
export const SESSION_STORAGE = 'unidesk.session';
export const SESSION_HEADER = 'x-unidesk-session';
export const KEY_HEADER = 'x-unidesk-key';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LocationLike {
  hash: string;
  pathname: string;
  search: string;
}

export interface HttpTransportDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  storage: KeyValueStore;
  endpoint?: string;
}

/** Thrown when no usable answer came back; the client turns it into a localized ApiError. */
export class TransportError extends Error {
  constructor(
    /** noKey: the page was opened without the launch key (or with an old one) */
    readonly kind: 'unreachable' | 'badResponse' | 'noKey',
    readonly status = 0,
  ) {
    super(kind);
    this.name = 'TransportError';
  }
}

/**
 * Moves `#key=…` from the address into session storage and removes it from the address bar
 * (and so from history and from anything the user copies). Returns the key now in storage.
 */
export function takeLaunchKey(
  location: LocationLike,
  history: Pick<History, 'replaceState'>,
  storage: KeyValueStore,
): string | null {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : location.hash;
  if (hash) {
    const key = new URLSearchParams(hash).get('key');
    if (key) {
      storage.setItem(KEY_STORAGE, key);
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  }
  return storage.getItem(KEY_STORAGE);
}

function isCallResult(v: unknown): v is CallResult<unknown> {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'data' in r;
  if (r.ok === false) {
    const e = r.error as { code?: unknown; message?: unknown } | undefined;
    return !!e && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

export function createHttpTransport(deps: HttpTransportDeps): UniDeskBridge {
  const endpoint = deps.endpoint ?? '/api/call';

  async function send(envelope: CallEnvelope): Promise<CallResult<unknown>> {
    const key = deps.storage.getItem(KEY_STORAGE) ?? '';
    const session = deps.storage.getItem(SESSION_STORAGE);
    let res: Response;
    try {
      res = await deps.fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [KEY_HEADER]: key,
          ...(session ? { [SESSION_HEADER]: session } : {}),
        },
        body: JSON.stringify({ op: envelope.op, payload: envelope.payload, locale: envelope.locale }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new TransportError('unreachable');
    }
    if (res.headers.get(HOST_REFUSAL_HEADER) === 'key') throw new TransportError('noKey', res.status);
    const newSession = res.headers.get(SESSION_HEADER);
    if (newSession) deps.storage.setItem(SESSION_STORAGE, newSession);
    // The body is a CallResult whatever the status (200 or 4xx); anything else is a broken answer.
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new TransportError('badResponse', res.status);
    }
    if (!isCallResult(body)) throw new TransportError('badResponse', res.status);
    return body;
  }

  // Before we hold a session id, calls made together (app.info + session.current at startup)
  // wait for the first one, so they all share the session it brings back instead of each
  // opening its own.
  let handshake: Promise<unknown> | null = null;

  return {
    call(envelope: CallEnvelope): Promise<CallResult<unknown>> {
      if (deps.storage.getItem(SESSION_STORAGE) !== null) return send(envelope);
      if (handshake) {
        const after = () => send(envelope);
        return handshake.then(after, after);
      }
      const first = send(envelope);
      handshake = first;
      const done = () => {
        if (handshake === first) handshake = null;
      };
      first.then(done, done);
      return first;
    },
  };
}
