/** The `unidesk` command: batch jobs over the same services the app uses. */
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase } from '../db/connection';
import { resolveDbFile } from '../db/data-dir';
import { generateDemo } from '../features/demo/demo.generator';
import { APP_VERSION } from '../app/version';
import { runBrowserHost } from '../host/run-browser-host';

import { translate, type Locale } from '../../src-shared/i18n';
import { CliError, cliLocale, flags, required, UsageError, type Command } from './cli-kit';
import { ordersCommand } from './orders.command';
import { studentCommand } from './student.command';
import { gradesheetCommand } from './gradesheet.command';
import { transcriptCommand } from './transcript.command';
import { certificateCommand, registerCommand, verifyCommand } from './registrar.command';
import { syncCommand } from './sync.command';
import { backupCommand } from './backup.command';

export { UsageError };

function positiveInt(name: string, v: string | boolean | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('cli.wholeNumber', { flag: `--${name}`, got: String(v) });
  return n;
}

const commands: Record<string, Command> = {
  version: {
    summary: 'print the version',
    usage: 'unidesk version',
    async run() {
      console.log(APP_VERSION);
    },
  },
  demo: {
    summary: 'create the demo university in a new database file',
    usage: 'unidesk demo --db FILE [--students N] [--seed N] [--lang ky|ru|en]',
    async run(argv, locale) {
      const v = flags(argv, { students: { type: 'string' }, seed: { type: 'string' } });
      const file = path.resolve(required('db', v.db));
      if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new CliError('cli.exists', { file });
      const students = positiveInt('students', v.students, 3000);
      const seed = positiveInt('seed', v.seed, 20260901);
      const started = Date.now();
      const db = openDatabase(file);
      try {
        const summary = await generateDemo(db, {
          seed,
          students,
          onProgress: (stage, done, total) => process.stderr.isTTY && process.stderr.write(`\r${stage}: ${done}/${total}   `),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(translate(locale, 'cli.demo.written', {
            file,
            seconds: ((Date.now() - started) / 1000).toFixed(1),
            faculties: summary.faculties,
            specialties: summary.specialties,
            groups: summary.groups,
            students: summary.students,
            staff: summary.staff,
            users: summary.users,
          }));
      } finally {
        await db.close();
      }
    },
  },
  orders: ordersCommand,
  student: studentCommand,
  gradesheet: gradesheetCommand,
  transcript: transcriptCommand,
  certificate: certificateCommand,
  register: registerCommand,
  verify: verifyCommand,
  sync: syncCommand,
  backup: backupCommand,
  web: {
    summary: 'serve UniDesk in the browser on 127.0.0.1',
    usage: 'unidesk web [--db FILE] [--port N]',
    async run(argv) {
      const v = flags(argv, { port: { type: 'string' } });
      const port = v.port === undefined ? 0 : Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('cli.range', { flag: '--port', min: 0, max: 65535 });
      await runBrowserHost({ dbFile: resolveDbFile({ dbFlag: v.db }), port, rendererDir: path.join(__dirname, '..', 'renderer') });
    },
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    'UniDesk — university administration, command line',
    '',
    'Usage: unidesk <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
    '',
    'Data: --db FILE, else $UNIDESK_DATA_DIR/unidesk.sqlite, else the user-data folder.',
    'User: --user USERNAME (or UNIDESK_USER) — commands act with that user’s rights and scope, audited in their name.',
    'Language: --lang ky|ru|en, else UNIDESK_LANG, else the system’s (LANG); documents: --doc-lang ky|ru.',
  ].join('\n');
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return 0;
  }
  if (name === '--version') {
    console.log(APP_VERSION);
    return 0;
  }
  const cmd = commands[name];
  const locale: Locale = cliLocale(rest, env);
  try {
    if (!cmd) throw new UsageError('cli.unknownCommand', { name });
    if (rest.includes('--help')) {
      console.log(cmd.usage);
      return 0;
    }
    await cmd.run(rest, locale);
    return 0;
  } catch (e) {
    const message = e instanceof CliError ? translate(locale, e.key, e.values) : (e as Error).message;
    // a refusal of the app (ApiRefusal: validation, rights, scope) is already in the user's language
    console.error(e instanceof CliError && e.key === 'cli.error' ? message : translate(locale, 'cli.error', { message }));
    if (e instanceof UsageError && cmd) console.error(translate(locale, 'cli.usageLine', { usage: cmd.usage }));
    return e instanceof UsageError ? 2 : 1;
  }
}

export function cliMain(): void {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
