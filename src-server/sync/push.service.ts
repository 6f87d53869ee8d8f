/**
 * Push (issue 5, docs/sync.md): a batch of a device's local transactions, applied in ONE
 * PostgreSQL transaction, each local transaction atomically: its rows are checked and
 * decided in memory (row-batch.ts) and the batch's writes go to the database together.
 *
 * - The transaction first takes a constant advisory lock, so pushes from every server
 *   instance run one at a time: change_log.seq order is then commit order and a pull cursor
 *   can never pass a row that commits later with a smaller seq.
 * - The device's last applied seq moves in the same transaction as the rows, so a batch
 *   delivered twice is applied once: device_mutation keeps every answer with the mutation id
 *   it answered, so a repeat gets the same answer, a seq reused for other work (a restored
 *   replica) is recognised, and a change sent again under a new seq is not applied twice.
 * - A refused local transaction's writes are dropped and it is answered; the ones after it
 *   still apply (a rejected mutation never blocks the queue). If the database itself refuses
 *   a row, the batch is redone flushing after each local transaction behind a savepoint.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { can, ROLES, type Role } from '../../src-shared/domain/roles';
import type { ConflictView, MutationResult, PulledChange, PushRequest, PushResponse, PushedTransaction, RebaseResponse } from '../../src-shared/sync/protocol';
import { refsOf } from '../../src-shared/sync/row-schema';
import { MUTATION_RULES, SYNC_TABLES, syncTable } from '../../src-shared/sync/tables';
import type { ServerSchema } from '../db/schema';
import type { Device } from '../devices/device.repository';
import { checkIssuedDocument } from '../keys/issued-document.rules';
import { checkDocumentRules, checkStoredRow, liveRow, readBefore } from './row-checks';
import { checkShape, decide, netChanges, nextVersion, Refusal, type NetChange } from './row-rules';
import { asPulled, lastChangedBy } from './row-store.repository';
import { TxRowStore } from './row-batch';
import { schemaVersionProblem } from './schema-version';
import { inScope, tagsOf, type Row, type RowTags } from './scope';
import type { ServerKysely } from '../db/connection';

/** The push lock's key ("unid" + 2): one constant for every instance on the database. */
export const PUSH_LOCK = 0x756e6964_02;

type Trx = Transaction<ServerSchema>;

/** The request itself is wrong (not one transaction of it): the whole push is answered 400. */
export class BadPush extends Error {}

/** The device was revoked while its push waited for the lock. */
export class DeviceRevoked extends Error {}

/** Another copy of this replica renumbered and is the device now (this one was copied or restored). */
export class ReplicaSuperseded extends Error {}

interface TxOutcome {
  results: MutationResult[];
  restore: PulledChange[];
}

export async function pushBatch(db: ServerKysely, device: Device, req: PushRequest): Promise<PushResponse> {
  checkSeqs(req);
  try {
    return await pushOnce(db, device, req, false);
  } catch (e) {
    // the batch's rows are written together; a row the database refuses (bad data, a broken
    // constraint) fails that write — go again flushing after each local transaction, so only
    // the transaction that carries it is refused
    if (!isDataError(e)) throw e;
    return pushOnce(db, device, req, true);
  }
}

async function pushOnce(db: ServerKysely, device: Device, req: PushRequest, flushEach: boolean): Promise<PushResponse> {
  return db.transaction().execute(async (trx) => {
    let lastSeq = await lockDevice(trx, device, req.incarnation);
    const store = new TxRowStore(trx);
    // every row the batch touches, and the parents its rows point at: a statement per table for the whole batch
    await store.preload(req.transactions.flatMap((tx) => touchedKeys(tx)));
    // changes this device delivered before under another seq (sent again after a renumbering)
    const known = await answersByMutation(trx, device, req.transactions.flatMap((tx) => tx.mutations.map((m) => m.mutationId)));
    const results: MutationResult[] = [];
    const answers: MutationResult[] = [];
    const restore: PulledChange[] = [];
    let gapAt: number | undefined;
    let reusedAt: number | undefined;
    for (const tx of req.transactions) {
      const first = tx.mutations[0]!.seq;
      const last = tx.mutations[tx.mutations.length - 1]!.seq;
      let outcome: TxOutcome;
      if (last <= lastSeq) {
        const before = await answeredBefore(trx, store, device, tx);
        if (before === 'reused') {
          reusedAt = first;
          break;
        }
        outcome = before;
      } else if (first <= lastSeq) {
        // a transaction across the mark: a restored replica's new work, or a broken device
        if (reuses(tx, await answersBySeq(trx, device, tx))) {
          reusedAt = first;
          break;
        }
        throw new BadPush(`transaction ${tx.txId} starts at seq ${first}, inside what the server already applied (up to ${lastSeq})`);
      } else if (first !== lastSeq + 1) {
        gapAt = lastSeq + 1;
        break;
      } else {
        const again = tx.mutations.some((m) => known.has(m.mutationId));
        outcome = again ? { results: tx.mutations.map((m) => ({ ...(known.get(m.mutationId) ?? { status: 'applied' as const }), seq: m.seq, mutationId: m.mutationId })), restore: [] } : await applyTransaction(trx, store, device, tx, flushEach);
        answers.push(...outcome.results);
        lastSeq = last;
      }
      results.push(...outcome.results);
      restore.push(...outcome.restore);
    }
    await store.flush();
    await recordAnswers(trx, device, answers);
    await trx.updateTable('device').set({ last_seq: lastSeq, last_seen_at: new Date() }).where('id', '=', device.id).execute();
    return { results, lastSeq, restore, ...(gapAt !== undefined ? { gapAt } : {}), ...(reusedAt !== undefined ? { reusedAt } : {}) };
  });
}

/** The answers recorded for the transaction's seqs. */
async function answersBySeq(trx: Trx, device: Device, tx: PushedTransaction) {
  const rows = await trx.selectFrom('device_mutation').selectAll().where('device_id', '=', device.id).where('seq', 'in', tx.mutations.map((m) => m.seq)).execute();
  return new Map(rows.map((r) => [Number(r.seq), r]));
}

/** Whether any of the transaction's seqs was answered for another mutation (a restored or copied replica). */
const reuses = (tx: PushedTransaction, bySeq: Map<number, { mutation_id: string }>) => tx.mutations.some((m) => bySeq.has(m.seq) && bySeq.get(m.seq)!.mutation_id !== m.mutationId);

/** The answers recorded for these mutation ids, under any device (a change is answered once, whatever its seq or enrolment). */
async function answersByMutation(trx: Trx, device: Device, ids: string[]): Promise<Map<string, Omit<MutationResult, 'seq' | 'mutationId'>>> {
  // any device's record: a change carried to a new enrolment (its first answer lost) is still answered once
  const rows = await trx.selectFrom('device_mutation').select(['mutation_id', 'status', 'code', 'message', 'conflicts']).where(sql<boolean>`mutation_id = ANY(${ids}::text[])`).execute();
  return new Map(rows.map((r) => [r.mutation_id, answerOf(r)]));
}

const answerOf = (r: { status: MutationResult['status']; code: string | null; message: string | null; conflicts: unknown }): Omit<MutationResult, 'seq' | 'mutationId'> => ({
  status: r.status,
  ...(r.code !== null ? { code: r.code } : {}),
  ...(r.message !== null ? { message: r.message } : {}),
  ...(r.conflicts !== null ? { conflicts: r.conflicts as ConflictView[] } : {}),
});

/**
 * Takes the push lock and the device's row; its last applied seq. A revoked device is refused,
 * and so is a copy of its replica that another copy superseded (a replica from before
 * incarnations sends none and is let through).
 */
async function lockDevice(trx: Trx, device: Device, incarnation: string | null | undefined): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx);
  const d = await trx.selectFrom('device').select(['last_seq', 'revoked_at', 'incarnation', 'past_incarnations']).where('id', '=', device.id).forUpdate().executeTakeFirst();
  if (!d || d.revoked_at !== null) throw new DeviceRevoked();
  if (incarnation !== undefined && d.incarnation !== null && incarnation !== d.incarnation) {
    // one this server replaced: the other copy goes on as the device
    if (incarnation === null || d.past_incarnations.includes(incarnation)) throw new ReplicaSuperseded();
    // one it never gave out: the server was restored from a backup older than the replica's renumbering
    await trx.updateTable('device').set({ incarnation, past_incarnations: sql`past_incarnations || ${JSON.stringify([d.incarnation])}::jsonb` }).where('id', '=', device.id).execute();
  }
  return Number(d.last_seq);
}

/**
 * Gives the device's replica a new incarnation and says where to renumber from: the replica was
 * restored from a backup or copied, and sent new work under seqs the server had answered.
 * Only the current incarnation may do it, so of two copies only one goes on as the device.
 */
export async function rebaseDevice(db: ServerKysely, device: Device, incarnation: string | null, asked?: string): Promise<RebaseResponse> {
  return db.transaction().execute(async (trx) => {
    // asked again after its answer was lost: the device already is what it asked to become
    const current = await trx.selectFrom('device').select('incarnation').where('id', '=', device.id).executeTakeFirst();
    if (asked !== undefined && current?.incarnation === asked) return { incarnation: asked, lastSeq: await lockDevice(trx, device, asked) };
    const lastSeq = await lockDevice(trx, device, incarnation);
    const next = asked ?? randomUUID();
    await trx
      .updateTable('device')
      .set({ incarnation: next, past_incarnations: sql`past_incarnations || jsonb_build_array(incarnation)` })
      .where('id', '=', device.id)
      .execute();
    return { incarnation: next, lastSeq };
  });
}

/**
 * The rows a local transaction writes and the rows the checks will read, to read up front: the
 * scope parent always, another reference only when the change sets it (a device's `old` holds
 * just the fields it changed; an unchanged reference is not checked again — a grade's student,
 * on every grade of every push, would be read for nothing).
 */
function touchedKeys(tx: PushedTransaction): { table: string; id: string }[] {
  return tx.rows.flatMap((c) => {
    const t = syncTable(c.table);
    if (!t || !c.values) return t ? [{ table: c.table, id: c.id }] : [];
    const values = c.values;
    const scopeColumn = t.scope.kind === 'via' ? t.scope.column : null;
    const parents = refsOf(t.row).filter((r) => typeof values[r.column] === 'string' && (r.column === scopeColumn || c.old === null || (r.column in c.old && c.old[r.column] !== values[r.column])));
    return [{ table: c.table, id: c.id }, ...parents.map((r) => ({ table: r.table, id: values[r.column] as string }))];
  });
}

/** Seqs increase by one inside a local transaction and from one transaction to the next. */
function checkSeqs(req: PushRequest): void {
  let prev: number | undefined;
  for (const tx of req.transactions) {
    for (const m of tx.mutations) {
      if (prev !== undefined && m.seq <= prev) throw new BadPush(`transactions: seq ${m.seq} does not follow ${prev}`);
      if (prev !== undefined && m.seq !== prev + 1 && m !== tx.mutations[0]) throw new BadPush(`transaction ${tx.txId}: seqs must be consecutive`);
      prev = m.seq;
    }
  }
}

/**
 * A local transaction the server already answered: the same answer again, with the rows as they
 * stand now — or 'reused' when a seq comes with another mutation than the one it was answered for.
 */
async function answeredBefore(trx: Trx, store: TxRowStore, device: Device, tx: PushedTransaction): Promise<TxOutcome | 'reused'> {
  const bySeq = await answersBySeq(trx, device, tx);
  if (reuses(tx, bySeq)) return 'reused';
  const results = tx.mutations.map((m): MutationResult => {
    const r = bySeq.get(m.seq);
    // seqs answered before the server kept every answer have no row: they were applied
    return { seq: m.seq, mutationId: m.mutationId, ...(r ? answerOf(r) : { status: 'applied' as const }) };
  });
  const needsRestore = results.some((r) => r.status !== 'applied');
  return { results, restore: needsRestore ? await restoreRows(store, device, tx) : [] };
}

async function applyTransaction(trx: Trx, store: TxRowStore, device: Device, tx: PushedTransaction, flushEach: boolean): Promise<TxOutcome> {
  // Applying only reads; writes wait in the store until the batch flushes, so a refusal is undone
  // in memory. Flushing after each transaction (the fallback), the savepoint undoes the database.
  const mark = store.mark();
  if (flushEach) await sql`SAVEPOINT local_tx`.execute(trx);
  let conflicts: { change: NetChange; view: ConflictView }[];
  try {
    conflicts = await applyRows(trx, store, device, tx);
    if (flushEach) {
      await store.flush();
      await sql`RELEASE SAVEPOINT local_tx`.execute(trx);
    }
  } catch (e) {
    const refusal = asRefusal(e);
    if (!refusal) throw e;
    if (flushEach) await sql`ROLLBACK TO SAVEPOINT local_tx`.execute(trx);
    store.rollback(mark);
    const results = tx.mutations.map((m): MutationResult => ({ seq: m.seq, mutationId: m.mutationId, status: 'rejected', code: refusal.code, message: refusal.message }));
    return { results, restore: await restoreRows(store, device, tx) };
  }
  const results = resultsWithConflicts(tx, conflicts);
  return { results, restore: conflicts.length > 0 ? await restoreRows(store, device, tx) : [] };
}

/**
 * A refusal, or a database error the same data would cause again (bad data 22xxx, a broken
 * constraint 23xxx): refusing the transaction keeps one bad row from blocking the queue.
 * Anything else (a lost connection) fails the push, and the device simply retries.
 */
function isDataError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

function asRefusal(e: unknown): Refusal | undefined {
  if (e instanceof Refusal) return e;
  if (isDataError(e)) return new Refusal('invalid_row', `the server could not store this change: ${(e as Error).message}`);
  return undefined;
}

/** Re-validates and applies one local transaction's rows; returns the conflicts it recorded. */
async function applyRows(trx: Trx, store: TxRowStore, device: Device, tx: PushedTransaction): Promise<{ change: NetChange; view: ConflictView }[]> {
  const role = ROLES.includes(device.role as Role) ? (device.role as Role) : undefined;
  const allowed = new Set<string>();
  for (const m of tx.mutations) {
    const version = schemaVersionProblem(m.schemaVersion);
    if (version) throw new Refusal(version.code, version.message);
    const rule = MUTATION_RULES[m.name];
    if (!rule) throw new Refusal('unknown_mutation', `the server does not know the change "${m.name}"`);
    if (!role || !can(role, rule.permission)) throw new Refusal('forbidden', `this device works as "${device.role}", which may not make "${m.name}"`);
    for (const t of rule.tables) allowed.add(t);
  }
  for (const c of tx.rows) {
    if (!allowed.has(c.table) || !syncTable(c.table)) throw new Refusal('table_not_allowed', `"${tx.mutations.map((m) => m.name).join(', ')}" may not change ${c.table}`);
    checkShape(c);
  }
  // parents before the rows that point at them, so a `via` row finds a parent inserted in this transaction
  const order = new Map(SYNC_TABLES.map((t, i) => [t.name, i]));
  const changes = netChanges(tx.rows).sort((a, b) => order.get(a.table)! - order.get(b.table)!);
  const userId = tx.mutations[0]!.userId;
  const origin = { deviceId: device.id, userId, txId: tx.txId };
  const parentTags = async (table: string, id: string): Promise<RowTags | undefined> => liveRow(await store.load(table, id));
  const conflicts: { change: NetChange; view: ConflictView }[] = [];
  const resolves = tx.mutations.some((m) => m.name === 'sync.resolve');
  const load = (t: string, id: string) => store.load(t, id);
  const before = await readBefore(changes, load);
  for (const n of changes) {
    const table = syncTable(n.table)!;
    const stored = await store.load(n.table, n.id);
    const live = liveRow(stored);
    const outOfScope = () => new Refusal('out_of_scope', `${n.table} ${n.id} is outside what this device may change`);
    if (live && !inScope(device.scope, live)) throw outOfScope();
    if (n.values) {
      const tags = await tagsOf(table, n.values, parentTags);
      if (!tags) {
        const column = table.scope.kind === 'via' ? table.scope.column : 'id';
        throw new Refusal('unknown_parent', `${n.table} ${n.id}: ${column} must name a row the server has (it is ${JSON.stringify(n.values[column] ?? null)})`);
      }
      if (!inScope(device.scope, tags)) throw outOfScope();
    }
    if (stored?.deleted && n.op !== 'delete') {
      // an append row's id comes back only when the same row is delivered again
      if (table.policy === 'append' && n.op === 'insert') continue;
      throw new Refusal('stale', `${n.table} ${n.id} was deleted on another device`);
    }
    const decision = decide(table.policy, n, live);
    if (decision.kind === 'noop') continue;
    if (decision.kind === 'delete' || decision.kind === 'upsert') {
      const data = decision.kind === 'upsert' ? decision.data : null;
      if (data) await checkStoredRow(table, n.id, data, live?.data, load);
      await checkDocumentRules(n, live, data, before, tx, load);
      if (n.table === 'issued_document') await checkIssuedDocument(trx, device, n.id, data, live?.data);
    }
    if (decision.kind === 'conflict') {
      conflicts.push({ change: n, view: await recordConflict(trx, store, device, tx, n, live!, decision.fields) });
      continue;
    }
    if (decision.kind === 'delete') {
      store.write({ table: n.table, id: n.id, data: null, version: live!.version + 1, tags: live!, before: live, origin });
      continue;
    }
    const version = nextVersion(live, decision.data);
    const data: Row = 'version' in decision.data ? { ...decision.data, version } : decision.data;
    const tags = (await tagsOf(table, data, parentTags))!;
    store.write({ table: n.table, id: n.id, data, version, tags, before: stored, origin });
    // a person's "keep mine" from the Needs attention list settles the conflicts recorded on that row
    if (resolves) store.settle(n.table, n.id);
  }
  return conflicts;
}

async function recordConflict(
  trx: Trx,
  store: TxRowStore,
  device: Device,
  tx: PushedTransaction,
  n: NetChange,
  server: { data: Row; version: number; changeSeq: number },
  fields: ConflictView['fields'],
): Promise<ConflictView> {
  const id = randomUUID();
  const mutation = tx.mutations.find((m) => m.entity === n.table && m.entityId === n.id) ?? tx.mutations[0]!;
  const oldVersion = n.old?.version;
  store.recordConflict({
    id,
    tbl: n.table,
    row_id: n.id,
    device_id: device.id,
    user_id: mutation.userId,
    mutation_name: mutation.name,
    base_version: typeof oldVersion === 'number' ? oldVersion : null,
    server_version: server.version,
    server_values: JSON.stringify(server.data),
    device_values: n.values === null ? null : JSON.stringify(n.values),
  });
  const by = await lastChangedBy(trx, server.changeSeq);
  return { id, table: n.table, rowId: n.id, fields, serverChangedBy: by.by, serverChangedAt: by.at };
}

/** Each conflict goes to the mutation about its row (else the transaction's first); the others applied. */
function resultsWithConflicts(tx: PushedTransaction, conflicts: { change: NetChange; view: ConflictView }[]): MutationResult[] {
  const byMutation = new Map<string, ConflictView[]>();
  for (const c of conflicts) {
    const m = tx.mutations.find((x) => x.entity === c.change.table && x.entityId === c.change.id) ?? tx.mutations[0]!;
    byMutation.set(m.mutationId, [...(byMutation.get(m.mutationId) ?? []), c.view]);
  }
  return tx.mutations.map((m): MutationResult => {
    const views = byMutation.get(m.mutationId);
    if (!views) return { seq: m.seq, mutationId: m.mutationId, status: 'applied' };
    return {
      seq: m.seq,
      mutationId: m.mutationId,
      status: 'conflict',
      code: 'conflict',
      message: `changed on another device meanwhile: ${views.flatMap((v) => v.fields.map((f) => f.field)).join(', ')}`,
      conflicts: views,
    };
  });
}

/** Every answer, applied ones too: a repeat is answered from here, and a reused seq recognised by its mutation id. */
async function recordAnswers(trx: Trx, device: Device, all: MutationResult[]): Promise<void> {
  for (let i = 0; i < all.length; i += 1000) await insertAnswers(trx, device, all.slice(i, i + 1000));
}

async function insertAnswers(trx: Trx, device: Device, results: MutationResult[]): Promise<void> {
  const rows = results.map((r) => ({
    seq: r.seq,
    mutation_id: r.mutationId,
    status: r.status,
    code: r.code ?? null,
    message: r.message ?? null,
    conflicts: r.conflicts ?? null,
  }));
  await sql`
    INSERT INTO device_mutation (device_id, seq, mutation_id, status, code, message, conflicts)
    SELECT ${device.id}, seq, mutation_id, status, code, message, conflicts
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(seq bigint, mutation_id text, status text, code text, message text, conflicts jsonb)`.execute(trx);
}

/** The server's current rows for a transaction that did not apply as sent, as far as the device may see them. */
async function restoreRows(store: TxRowStore, device: Device, tx: PushedTransaction): Promise<PulledChange[]> {
  const seen = new Set<string>();
  const out: PulledChange[] = [];
  for (const c of tx.rows) {
    const key = `${c.table}\u0000${c.id}`;
    if (seen.has(key) || !syncTable(c.table)) continue;
    seen.add(key);
    out.push(asPulled(c.table, c.id, await store.load(c.table, c.id), (t) => inScope(device.scope, t)));
  }
  return out;
}
