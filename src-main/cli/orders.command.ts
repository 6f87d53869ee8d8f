import fs from 'node:fs';
import path from 'node:path';
import { ORDER_STATES, ORDER_TYPES } from '../../src-shared/domain/orders';
import { formatDate } from '../../src-shared/domain/dates';
import { fullName } from '../../src-shared/domain/person';
import type { Database } from '../db/connection';
import { createOrdersService } from '../features/orders/orders.service';
import { exportOrder } from '../features/orders/order-document';
import { CLI_READER, flags, oneOf, UsageError, withDb, type Command } from './cli-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--order` takes an id or a number such as 12-п (the latest year's, unless --year is given). */
function findOrderId(db: Database, ref: string, year?: string): string {
  if (UUID.test(ref)) return ref;
  let q = db.kysely.selectFrom('student_order').select('id').where('number', '=', ref).orderBy('year', 'desc');
  if (year) q = q.where('year', '=', Number(year));
  const row = db.sync.first(q.limit(1));
  if (!row) throw new Error(`no order numbered "${ref}"${year ? ` in ${year}` : ''}`);
  return row.id;
}

const sub: Record<string, Command> = {
  list: {
    summary: 'list orders',
    usage: 'unidesk orders list [--state draft|signed|cancelled] [--type TYPE] [--limit N] [--json] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, state: { type: 'string' }, type: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
      const state = v.state === undefined ? undefined : oneOf('state', v.state, ORDER_STATES);
      const type = v.type === undefined ? undefined : oneOf('type', v.type, ORDER_TYPES);
      const limit = v.limit === undefined ? 100 : Number(v.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be 1–500');
      await withDb(v.db, async (db) => {
        const r = await createOrdersService(db).list(CLI_READER, { state, type, offset: 0, limit });
        if (v.json) return console.log(JSON.stringify(r, null, 2));
        for (const o of r.rows) {
          console.log([o.number ?? 'draft', o.type, formatDate(o.orderDate) || '—', formatDate(o.effectiveDate), `${o.studentCount} students`, o.state, o.id].join('\t'));
        }
        console.log(`${r.rows.length} of ${r.total} orders`);
      });
    },
  },
  show: {
    summary: 'show one order with its students',
    usage: 'unidesk orders show --order ID|NUMBER [--year YYYY] [--json] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, order: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } });
      if (!v.order) throw new UsageError('--order is required');
      await withDb(v.db, (db) => {
        const o = createOrdersService(db).detail(CLI_READER, findOrderId(db, v.order!, v.year), 'ru');
        if (v.json) return console.log(JSON.stringify(o, null, 2));
        console.log(`${o.number ?? 'draft'} ${o.type} ${o.state}; date ${formatDate(o.orderDate) || '—'}, effective ${formatDate(o.effectiveDate)}`);
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
    usage: 'unidesk orders export --order ID|NUMBER --format pdf|xlsx --lang ky|ru --out FILE [--year YYYY] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, order: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } });
      if (!v.order) throw new UsageError('--order is required');
      if (!v.out) throw new UsageError('--out FILE is required');
      const format = oneOf('format', v.format, ['pdf', 'xlsx'] as const);
      const lang = oneOf('lang', v.lang, ['ky', 'ru'] as const);
      await withDb(v.db, async (db) => {
        const file = await exportOrder(db, createOrdersService(db), CLI_READER, { id: findOrderId(db, v.order!, v.year), format, lang });
        const out = path.resolve(v.out!);
        // write to a temporary name first, so a failure never leaves half a file under the real name
        fs.writeFileSync(`${out}.part`, Buffer.from(file.base64, 'base64'));
        fs.renameSync(`${out}.part`, out);
        console.log(`wrote ${out}`);
      });
    },
  },
};

export const ordersCommand: Command = {
  summary: 'orders (буйруктар): list, show, export',
  usage: Object.values(sub).map((c) => c.usage).join('\n       '),
  async run([name, ...rest]) {
    const c = name ? sub[name] : undefined;
    if (!c) throw new UsageError(`orders: choose one of ${Object.keys(sub).join(', ')}`);
    await c.run(rest);
  },
};
