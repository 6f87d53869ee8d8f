import { onlineNote, verifyReason } from '../../src-shared/contract/register.contract';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fullName } from '../../src-shared/domain/person';
import { translate, type MessageKey } from '../../src-shared/i18n';
import { createRegister } from '../features/registrar/register.service';
import { CliError, flags, oneOf, required, subcommands, UsageError, withApi, withDb, type Command } from './cli-kit';
import { writeWhole } from './orders.command';
import { isImageFile, readQrImage } from './qr-image';
import { findStudent } from './transcript.command';

const USER = { user: { type: 'string' } } as const;

export const certificateCommand = subcommands('certificate', 'issue a certificate of study (entered in the register, signed, with its QR)', {
  issue: {
    summary: 'issue a certificate of study',
    usage: 'unidesk certificate issue --student ID|RECORDBOOK --type study|academic|transcript [--purpose TEXT] --lang ky|ru|en --out FILE --user USERNAME [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, student: { type: 'string' }, type: { type: 'string' }, purpose: { type: 'string' }, out: { type: 'string' } });
      const ref = required('student', v.student);
      const out = required('out', v.out);
      const type = oneOf('type', v.type, ['study', 'academic', 'transcript'] as const, 'study');
      await withApi(v, locale, async (api) => {
        const studentId = await findStudent(api, ref);
        const r = await api.call('register.issueCertificate', { studentId, type, lang: locale, purpose: v.purpose ?? '' });
        console.log(api.say('registrar.cli.issued', { number: r.document.number, code: r.document.shortCode }));
        console.log(api.say('cli.wrote', { file: writeWhole(out, r.file.base64) }));
      });
    },
  },
});

export const registerCommand = subcommands('register', 'the register of issued documents: list, revoke', {
  list: {
    summary: 'list the register, newest first',
    usage: 'unidesk register list --user USERNAME [--query TEXT] [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, query: { type: 'string' }, json: { type: 'boolean' } });
      await withApi(v, locale, async (api) => {
        const { total, rows } = await api.call('register.list', { query: v.query, limit: 500 });
        if (v.json) return console.log(JSON.stringify({ total, rows }, null, 2));
        for (const r of rows) {
          const state = r.revokedAt ? api.say('registrar.cli.revokedState', { reason: r.revokeReason ?? '' }) : '';
          console.log([r.number, r.issuedOn, r.type, fullName(r), r.recordBookNo, r.purpose, r.issuedBy ?? '', r.duplicateOf ?? '', state].join('\t'));
        }
        console.log(api.say('registrar.cli.count', { count: total }));
      });
    },
  },
  revoke: {
    summary: 'revoke an issued document, with the reason',
    usage: 'unidesk register revoke --number NUMBER --reason TEXT --user USERNAME [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { ...USER, number: { type: 'string' }, reason: { type: 'string' } });
      const number = required('number', v.number);
      const reason = required('reason', v.reason);
      await withApi(v, locale, async (api) => {
        const { rows } = await api.call('register.list', { query: number, limit: 50 });
        const found = rows.find((r) => r.number === number);
        if (!found) throw new CliError('registrar.cli.noDocument', { number });
        const r = await api.call('register.revoke', { id: found.id, version: found.version, reason });
        console.log(api.say('registrar.cli.revoked', { number: r.number }));
      });
    },
  },
});

export const verifyCommand: Command = {
  summary: 'check an issued document: its code, its QR URL, or a photo/scan of its QR (exit 0 valid, 1 not valid)',
  usage: 'unidesk verify CODE|URL|IMAGE [--json] [--lang ky|ru|en] [--db FILE]',
  async run(argv, locale) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { db: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError('cli.error', { message: (e as Error).message });
    }
    const arg = parsed.positionals[0];
    if (!arg) throw new UsageError('cli.required', { flag: 'CODE|URL|IMAGE' });
    let code = arg;
    if (isImageFile(arg)) {
      const read = readQrImage(path.resolve(arg));
      if (!read) throw new CliError('registrar.cli.noQr', { file: arg });
      code = read;
    } else if (fs.existsSync(arg) && !arg.includes('#')) code = fs.readFileSync(arg, 'utf8');
    // checking needs no account: the university's public key and the register are in the replica
    await withDb(parsed.values.db, async (db) => {
      const r = await createRegister(db).verify(code);
      const say = (k: MessageKey, v?: Record<string, string | number>) => translate(locale, k, v);
      if (parsed.values.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(r.valid ? say('verify.valid') : say(`verify.problem.${r.problem}` as MessageKey, { reason: verifyReason(r) }));
        for (const [k, val] of Object.entries(r.fields ?? {})) if (val !== null) console.log(`  ${k}: ${val}`);
        const note = onlineNote(r);
        if (note) console.log(say(note));
      }
      if (!r.valid) throw new CliError('registrar.cli.notValid', { problem: say(`verify.problem.${r.problem}` as MessageKey, { reason: verifyReason(r) }) });
    });
  },
};
