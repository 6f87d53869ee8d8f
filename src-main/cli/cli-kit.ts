/**
 * What every `unidesk` command shares: flag parsing, the user's language, and the API — the
 * same dispatcher, contract and validation the app's screens use, called as a real user.
 */
import { parseArgs } from 'node:util';
import type { OpName, RequestOf, ResponseOf, SessionUser } from '../../src-shared/contract';
import { LOCALES, translate, type Locale, type MessageKey, type MessageValues } from '../../src-shared/i18n';
import { APP_VERSION } from '../app/version';
import { createHandlers } from '../app/handlers';
import { openDatabase, type Database } from '../db/connection';
import { resolveDbFile } from '../db/data-dir';
import { localUser } from '../features/auth/session.service';
import { createDispatcher, memorySessionStore } from '../host/dispatcher';

/** A refusal written for the user: a message key, said in their language when printed. Exit code 1. */
export class CliError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(key);
  }
}
/** The command line itself is wrong (a flag, a value): exit code 2, with the command's usage. */
export class UsageError extends CliError {}
/** The app refused (validation, rights, scope): its message is already in the user's language. */
export class ApiRefusal extends Error {}

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], locale: Locale): Promise<void>;
}

/** A command made of sub-commands (`unidesk sync enrol|now|status`): its usage lists theirs; an unknown one says the choices. */
export function subcommands(command: string, summary: string, sub: Record<string, Command>): Command {
  return {
    summary,
    usage: Object.values(sub).map((c) => c.usage).join('\n       '),
    async run([name, ...rest], locale) {
      const c = name ? sub[name] : undefined;
      if (!c) throw new UsageError('cli.chooseSub', { command, choices: Object.keys(sub).join(', ') });
      await c.run(rest, locale);
    },
  };
}

/** `--lang`, else UNIDESK_LANG, else the system's (LC_ALL, LC_MESSAGES, LANG: ky_KG → ky), else English. */
export function cliLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromFlag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  for (const v of [fromFlag, env.UNIDESK_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const code = v?.toLowerCase().slice(0, 2);
    if (code && (LOCALES as readonly string[]).includes(code)) return code as Locale;
  }
  return 'en';
}

/** Every command also takes --lang (its language) and --db (the replica). */
const COMMON = { lang: { type: 'string' }, db: { type: 'string' } } as const;

export function flags<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError('cli.error', { message: (e as Error).message });
  }
}

export function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt?: T): T {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError('cli.oneOf', { flag: `--${name}`, allowed: allowed.join(', '), got: v === undefined ? 'none' : String(v) });
  }
  return v as T;
}

export function required<T>(name: string, v: T | undefined): T {
  if (v === undefined || v === '') throw new UsageError('cli.required', { flag: `--${name}` });
  return v;
}

/** Documents print in Kyrgyz or Russian: --doc-lang, else --lang when it is one of those. */
export function documentLanguage(docLang: unknown, locale: Locale): 'ky' | 'ru' {
  if (docLang !== undefined) return oneOf('doc-lang', docLang, ['ky', 'ru'] as const);
  if (locale === 'ky' || locale === 'ru') return locale;
  throw new UsageError('cli.docLang');
}

export async function withDb<T>(dbFlag: string | undefined, fn: (db: Database) => Promise<T> | T): Promise<T> {
  const db = openDatabase(resolveDbFile({ dbFlag }));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export interface CliApi {
  locale: Locale;
  user: SessionUser;
  /** one operation of the contract, validated and checked as from the app's screens */
  call<K extends OpName>(op: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
  say(key: MessageKey, values?: MessageValues): string;
}

/** Runs `fn` with the API of the replica, acting as `--user` (or UNIDESK_USER). */
export async function withApi<T>(
  v: { db?: string; user?: string },
  locale: Locale,
  fn: (api: CliApi) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
  opts: { exportsDir?: string } = {},
): Promise<T> {
  const username = v.user ?? env.UNIDESK_USER;
  if (!username) throw new UsageError('cli.userRequired');
  return withDb(v.db, async (db) => {
    const user = localUser(db, username);
    if (!user) throw new CliError('cli.noUser', { username });
    const sessions = memorySessionStore();
    sessions.set('cli', user);
    const dispatch = createDispatcher(createHandlers(db, APP_VERSION, { exportsDir: opts.exportsDir }), sessions, { error: (m, e) => console.error(`[unidesk] ${m}`, e) });
    const api: CliApi = {
      locale,
      user,
      say: (key, values) => translate(locale, key, values),
      async call(op, payload) {
        const r = await dispatch('cli', { op, payload, locale });
        if (!r.ok) throw new ApiRefusal(r.error.message);
        return r.data as ResponseOf<typeof op>;
      },
    };
    return fn(api);
  });
}
