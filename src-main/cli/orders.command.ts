import fs from 'node:fs';
import path from 'node:path';
import { ORDER_STATES, ORDER_TYPES } from '../../src-shared/domain/orders';
import { formatDate } from '../../src-shared/domain/dates';
import { fullName } from '../../src-shared/domain/person';
import { CliError, documentLanguage, flags, oneOf, required, UsageError, withApi, type CliApi, type Command, subcommands } from './cli-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--order` takes an id or a number such as 12-п (the latest year's, unless --year is given). */
async function findOrderId(api: CliApi, ref: string, year?: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const { rows } = await api.call('orders.list', { query: ref, limit: 500 });
  const found = rows
    .filter((o) => o.number === ref && (!year || o.orderDate?.startsWith(`${year}-`)))
    .sort((a, b) => (b.orderDate ?? '').localeCompare(a.orderDate ?? ''))[0];
  if (!found) throw new CliError('cli.notFound.order', { ref, year: year ?? 'none' });
  return found.id;
}

/** Writes under a temporary name first, so a failure never leaves half a file under the real name. */
export function writeWhole(out: string, base64: string): string {
  const file = path.resolve(out);
  fs.writeFileSync(`${file}.part`, Buffer.from(base64, 'base64'));
  fs.renameSync(`${file}.part`, file);
  return file;
}

const sub: Record<string, Command> = {
  list: {
    summary: 'list orders',
    usage: 'unidesk orders list --user USERNAME [--state draft|signed|cancelled] [--type TYPE] [--limit N] [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { user: { type: 'string' }, state: { type: 'string' }, type: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
      const state = v.state === undefined ? undefined : oneOf('state', v.state, ORDER_STATES);
      const type = v.type === undefined ? undefined : oneOf('type', v.type, ORDER_TYPES);
      const limit = v.limit === undefined ? 100 : Number(v.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('cli.range', { flag: '--limit', min: 1, max: 500 });
      await withApi(v, locale, async (api) => {
        const r = await api.call('orders.list', { state, type, offset: 0, limit });
        if (v.json) return console.log(JSON.stringify(r, null, 2));
        for (const o of r.rows) {
          console.log([o.number ?? api.say('cli.draft'), o.type, formatDate(o.orderDate) || '—', formatDate(o.effectiveDate), api.say('cli.orders.students', { count: o.studentCount }), o.state, o.id].join('\t'));
        }
        console.log(api.say('cli.orders.count', { shown: r.rows.length, total: r.total }));
      });
    },
  },
  show: {
    summary: 'show one order with its students',
    usage: 'unidesk orders show --order ID|NUMBER --user USERNAME [--year YYYY] [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { user: { type: 'string' }, order: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } });
      const ref = required('order', v.order);
      await withApi(v, locale, async (api) => {
        const o = await api.call('orders.get', { id: await findOrderId(api, ref, v.year) });
        if (v.json) return console.log(JSON.stringify(o, null, 2));
        console.log(api.say('cli.orders.head', { number: o.number ?? api.say('cli.draft'), type: o.type, state: o.state, date: formatDate(o.orderDate) || '—', effective: formatDate(o.effectiveDate) }));
        if (o.reason) console.log(o.reason);
        for (const i of o.items) {
          const change = i.after ? `${i.before?.groupName} ${i.before?.course} ${i.before?.status} → ${i.after.groupName} ${i.after.course} ${i.after.status}` : (i.problem ?? '');
          console.log(`${i.position}\t${fullName(i)}\t${i.recordBookNo}\t${change}`);
        }
      });
    },
  },
  export: {
    summary: 'write an order as PDF or Excel',
    usage: 'unidesk orders export --order ID|NUMBER --format pdf|xlsx --out FILE --user USERNAME [--doc-lang ky|ru] [--year YYYY] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { user: { type: 'string' }, order: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, 'doc-lang': { type: 'string' }, out: { type: 'string' } });
      const ref = required('order', v.order);
      const out = required('out', v.out);
      const format = oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      const lang = documentLanguage(v['doc-lang'], locale);
      await withApi(v, locale, async (api) => {
        const file = await api.call('orders.export', { id: await findOrderId(api, ref, v.year), format, lang });
        console.log(api.say('cli.wrote', { file: writeWhole(out, file.base64) }));
      });
    },
  },
};

export const ordersCommand: Command = subcommands('orders', 'orders (буйруктар): list, show, export', sub);
