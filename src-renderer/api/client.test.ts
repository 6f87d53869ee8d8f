import { describe, expect, it, vi } from 'vitest';
import type { CallEnvelope, CallResult, UniDeskBridge } from '../../src-shared/contract';
import type { Locale } from '../../src-shared/i18n';
import { ApiError } from './api-error';
import { createApiClient, onUnauthenticated } from './client';
import {
  createHttpTransport,
  KEY_STORAGE,
  SESSION_STORAGE,
  takeLaunchKey,
  type KeyValueStore,
} from './http-transport';

function memoryStorage(init: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake `fetch` answering from a queue; records what it was sent. */
function fakeFetch(answers: (() => Response)[]) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    seen.push({ url, headers: { ...(init.headers as Record<string, string>) }, body: JSON.parse(String(init.body)) });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  });
  return { fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const user = { id: 'u1', username: 'clerk', displayName: 'Асанова Айгүл', role: 'clerk', facultyId: null };

describe('takeLaunchKey', () => {
  it('moves #key=… into session storage and clears the address', () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    const key = takeLaunchKey({ hash: '#key=s3cr3t', pathname: '/', search: '' }, { replaceState }, storage);
    expect(key).toBe('s3cr3t');
    expect(storage.data.get(KEY_STORAGE)).toBe('s3cr3t');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('keeps the stored key after a reload without hash', () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'old' });
    const replaceState = vi.fn();
    expect(takeLaunchKey({ hash: '', pathname: '/', search: '' }, { replaceState }, storage)).toBe('old');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('ignores a hash without a key', () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    expect(takeLaunchKey({ hash: '#/students', pathname: '/', search: '' }, { replaceState }, storage)).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe('HTTP transport', () => {
  it('posts the envelope with the key, captures the session header and sends it back', async () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'K' });
    const { fetch, seen } = fakeFetch([
      json({ ok: true, data: user }, 200, { 'x-unidesk-session': 'S1' }),
      json({ ok: true, data: null }),
      json({ ok: true, data: null }, 200, { 'x-unidesk-session': 'S2' }),
      json({ ok: true, data: null }),
    ]);
    let locale: Locale = 'ky';
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => locale);

    await expect(client.call('session.signIn', { username: 'clerk', password: 'pw' })).resolves.toEqual(user);
    expect(seen[0]!.url).toBe('/api/call');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['x-unidesk-key']).toBe('K');
    expect(seen[0]!.headers['x-unidesk-session']).toBeUndefined();
    expect(seen[0]!.body).toEqual({ op: 'session.signIn', payload: { username: 'clerk', password: 'pw' }, locale: 'ky' });
    expect(storage.data.get(SESSION_STORAGE)).toBe('S1');

    locale = 'ru';
    await client.call('session.current', {});
    expect(seen[1]!.headers['x-unidesk-session']).toBe('S1');
    expect((seen[1]!.body as { locale: string }).locale).toBe('ru');

    await client.call('session.current', {});
    await client.call('session.current', {});
    expect(seen[3]!.headers['x-unidesk-session']).toBe('S2');
  });

  it('lets calls made before the first session id wait for it', async () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'K' });
    const { fetch, seen } = fakeFetch([
      json({ ok: true, data: { version: '1', university: { ky: 'a', ru: 'a', en: 'a' } } }, 200, { 'x-unidesk-session': 'S1' }),
      json({ ok: true, data: null }),
    ]);
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => 'ky');
    await Promise.all([client.call('app.info', {}), client.call('session.current', {})]);
    expect(seen.map((s) => s.headers['x-unidesk-session'])).toEqual([undefined, 'S1']);
  });

  it('words a refusal for a missing launch key in the page’s language, not the host’s English', async () => {
    const storage = memoryStorage();
    const refusal = { ok: false, error: { code: 'unauthenticated', message: 'UniDesk: open the address printed at launch (it carries the access key).' } };
    const { fetch } = fakeFetch([json(refusal, 401, { 'x-unidesk-refusal': 'key' }), json(refusal, 401, { 'x-unidesk-refusal': 'key' })]);
    let locale: Locale = 'ky';
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => locale);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('кирүү ачкычысыз') });
    locale = 'ru';
    await expect(client.call('app.info', {})).rejects.toMatchObject({ message: expect.stringContaining('без ключа доступа') });
  });

  it('turns { ok: false } into an ApiError, whatever the HTTP status', async () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'K' });
    const fields = [{ path: 'changes.pin', message: '«ПИН»: ПИН 14 сандан турат' }];
    const { fetch } = fakeFetch([
      json({ ok: false, error: { code: 'validation', message: 'Суроодо 1 ката бар', fields } }, 400),
      json({ ok: false, error: { code: 'forbidden', message: 'Уруксат жок' } }, 200),
    ]);
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => 'ky');

    const err = await client
      .call('students.update', { id: '01890a5d-ac96-774b-bcce-b302099a8057', version: 1, changes: { pin: '1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'validation', message: 'Суроодо 1 ката бар', fields });

    const err2 = await client.call('audit.list', {}).catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'forbidden', message: 'Уруксат жок', fields: [] });
  });

  it('reports an unreachable service in the UI language', async () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'K' });
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    let locale: Locale = 'ru';
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => locale);
    const ru = (await client.call('app.info', {}).catch((e: unknown) => e)) as ApiError;
    expect(ru.code).toBe('unreachable');
    expect(ru.message).toContain('Служба UniDesk недоступна');
    locale = 'en';
    const en = (await client.call('app.info', {}).catch((e: unknown) => e)) as ApiError;
    expect(en.message).toContain('not reachable');
    locale = 'ky';
    const ky = (await client.call('app.info', {}).catch((e: unknown) => e)) as ApiError;
    expect(ky.message).toContain('жеткиликсиз');
  });

  it('treats a body that is not a CallResult as a broken answer', async () => {
    const storage = memoryStorage({ [KEY_STORAGE]: 'K' });
    const { fetch } = fakeFetch([() => new Response('Forbidden', { status: 403 }), json({ hello: 1 }, 200)]);
    const client = createApiClient(createHttpTransport({ fetch, storage }), () => 'en');
    const e1 = (await client.call('app.info', {}).catch((e: unknown) => e)) as ApiError;
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1.code).toBe('internal');
    expect(e1.message).toContain('HTTP 403');
    const e2 = (await client.call('app.info', {}).catch((e: unknown) => e)) as ApiError;
    expect(e2.message).toContain('HTTP 200');
  });
});

describe('client over a bridge (Electron)', () => {
  it('passes the envelope through and unwraps data', async () => {
    const calls: CallEnvelope[] = [];
    const bridge: UniDeskBridge = {
      call: async (env) => {
        calls.push(env);
        return { ok: true, data: { version: '0.1.0', university: { ky: 'КУУ', ru: 'КНУ', en: 'KNU' } } };
      },
    };
    const client = createApiClient(bridge, () => 'en');
    const info = await client.call('app.info', {});
    expect(info.university.en).toBe('KNU');
    expect(calls).toEqual([{ op: 'app.info', payload: {}, locale: 'en' }]);
  });

  it('maps a rejected bridge call to "unreachable" and tells listeners about ended sessions', async () => {
    const failing: UniDeskBridge = { call: () => Promise.reject(new Error('ipc closed')) };
    await expect(createApiClient(failing, () => 'en').call('app.info', {})).rejects.toMatchObject({ code: 'unreachable' });

    const heard: string[] = [];
    const stop = onUnauthenticated((m) => heard.push(m));
    const ended: UniDeskBridge = {
      call: async (): Promise<CallResult<unknown>> => ({ ok: false, error: { code: 'unauthenticated', message: 'Please sign in first.' } }),
    };
    await expect(createApiClient(ended, () => 'en').call('reference.scope', {})).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    stop();
    expect(heard).toEqual(['Please sign in first.']);
  });
});
