import {
  contract,
  isOpName,
  type CallResult,
  type OpName,
  type ParsedRequestOf,
  type ResponseOf,
  type SessionUser,
} from '../../src-shared/contract';
import { pickLocale, translate, type Locale, type MessageKey, type MessageValues } from '../../src-shared/i18n';
import { AppError } from './app-error';
import { describeIssues, fieldLabel } from './validation';
import type { AppErrorPayload, FieldProblem } from '../../src-shared/contract';

export interface RequestContext {
  session: SessionUser | null;
  locale: Locale;
  /** sign-in and sign-out change the caller's session through this, and only this */
  setSession(user: SessionUser | null): void;
}

/** What an operation's handler sees: the already-validated request and the caller. */
export type Handler<K extends OpName> = (req: ParsedRequestOf<K>, ctx: RequestContext) => Promise<ResponseOf<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

export interface SessionStore {
  get(key: string): SessionUser | undefined;
  set(key: string, user: SessionUser): void;
  delete(key: string): void;
}

export function memorySessionStore(): SessionStore {
  const map = new Map<string, SessionUser>();
  return {
    get: (k) => map.get(k),
    set: (k, u) => void map.set(k, u),
    delete: (k) => void map.delete(k),
  };
}

export interface Logger {
  error(message: string, err?: unknown): void;
}

function validationPayload(
  locale: Locale,
  fields: FieldProblem[],
  key: MessageKey = 'error.validation',
  values: MessageValues = {},
): AppErrorPayload {
  const details = fields.map((f) => f.message).join('; ');
  return { code: 'validation', message: translate(locale, key, { count: fields.length, details, ...values }), fields };
}

export type Dispatch = (sessionKey: string, envelope: unknown) => Promise<CallResult<unknown>>;

/**
 * The one path every request takes, whatever the transport: known operation → schema check
 * → signed-in check → handler (which checks role and scope) → a result with no stack trace.
 */
export function createDispatcher(handlers: Handlers, sessions: SessionStore, log: Logger): Dispatch {
  return async (sessionKey, envelope) => {
    const env = (envelope ?? {}) as { op?: unknown; payload?: unknown; locale?: unknown };
    const locale = pickLocale(env.locale);
    const fail = (e: AppError): CallResult<unknown> => {
      const fields = e.fields.map((f) => ({
        path: f.path,
        message: translate(locale, f.key, { field: fieldLabel(locale, f.path.split('.')), ...f.values }),
      }));
      if (e.code === 'validation') return { ok: false, error: validationPayload(locale, fields, e.key, e.values) };
      const message = translate(locale, e.key, e.values);
      return { ok: false, error: { code: e.code, message, ...(fields.length ? { fields } : {}) } };
    };
    if (!isOpName(env.op)) return fail(new AppError('bad_request', 'error.unknownOperation', { op: String(env.op) }));
    const op: OpName = env.op;
    const def = contract[op];
    const session = sessions.get(sessionKey) ?? null;
    if (!def.public && !session) return fail(new AppError('unauthenticated', 'error.unauthenticated'));
    const parsed = def.request.safeParse(env.payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: validationPayload(locale, describeIssues(locale, parsed.error, env.payload)) };
    }
    const ctx: RequestContext = {
      session,
      locale,
      setSession(user) {
        if (user) sessions.set(sessionKey, user);
        else sessions.delete(sessionKey);
      },
    };
    try {
      const handler = handlers[op] as unknown as (req: unknown, ctx: RequestContext) => Promise<unknown>;
      const data = await handler(parsed.data, ctx);
      return { ok: true, data: data ?? null };
    } catch (e) {
      if (e instanceof AppError) return fail(e);
      log.error(`operation ${op} failed`, e);
      return fail(new AppError('internal', 'error.internal'));
    }
  };
}
