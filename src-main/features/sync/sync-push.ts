/**
 * Push: the outbox since enrolment, grouped by local transaction, in batches of at most
 * MAX_PUSH_MUTATIONS mutations / ~MAX_PUSH_BYTES, oldest first. Nothing is marked before the
 * server answers, so a push cut short (a killed app, a dropped connection after the server
 * committed) is simply sent again — the server answers a repeat from its record, once.
 */
import { uuidv7 } from 'uuidv7';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  type MutationResult,
  type PushedTransaction,
  type PushResponse,
  type RebaseResponse,
  type KnownResponse,
  MAX_SENT_ASKED,
  type RowChange,
} from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { withServerRows } from './sync-apply.repository';
import { SyncHttpError, type SyncHttp } from './sync-http';
import { markServerRestored, nextIncarnation, outboxSeqOf, pushedSeq, readSyncState, renumberUnconfirmed, requeueForResend, sentMutationIds, type SyncState } from './sync-state.repository';
import { capturedRowsReader, KEEP_SENT_DAYS, pushAnswerWriter, settleAnswers, unsentMutations, type ChangeRow, type OutboxRow } from './outbox.repository';

/** An update sends the fields it changed (and the version it was based on) as `old`, not the whole row twice. */
function rowChangeOf(c: ChangeRow): RowChange {
  const values = c.values_json ? (JSON.parse(c.values_json) as Record<string, unknown>) : null;
  let old = c.old_json ? (JSON.parse(c.old_json) as Record<string, unknown>) : null;
  if (c.op === 'update' && values && old) {
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(old)) if (v !== values[k] || k === 'version' || k === 'id') changed[k] = v;
    old = changed;
  }
  return { table: c.table_name, id: c.row_id, op: c.op, values, old };
}

export interface PushBatch {
  transactions: PushedTransaction[];
  bytes: number;
}

/** The next batch to send, or null when the outbox is empty. */
export function nextBatch(db: Database, state: SyncState): PushBatch | null {
  const outbox = unsentMutations(db, state.baselineSeq, MAX_PUSH_MUTATIONS);
  if (outbox.length === 0) return null;
  const capturedRows = capturedRowsReader(db);
  const txs: PushedTransaction[] = [];
  let bytes = 0;
  let i = 0;
  while (i < outbox.length) {
    const txId = outbox[i]!.tx_id;
    const members: OutboxRow[] = [];
    while (i < outbox.length && outbox[i]!.tx_id === txId) members.push(outbox[i++]!);
    // a transaction cut by the LIMIT goes whole in the next batch (unless it is alone: then it is all there is)
    if (i === outbox.length && outbox.length === MAX_PUSH_MUTATIONS && txs.length > 0) break;
    const tx: PushedTransaction = {
      txId,
      mutations: members.map((m) => ({
        seq: pushedSeq(state, m.seq),
        mutationId: m.mutation_id,
        name: m.name,
        entity: m.entity,
        entityId: m.entity_id,
        baseVersion: m.base_version,
        userId: m.user_id,
        schemaVersion: m.schema_version,
        createdAt: m.created_at,
        payload: JSON.parse(m.payload_json),
      })),
      rows: capturedRows(txId).map(rowChangeOf),
    };
    const size = JSON.stringify(tx).length;
    // one transaction larger than a batch still goes, alone: it cannot be split without losing atomicity
    if (txs.length > 0 && bytes + size > MAX_PUSH_BYTES) break;
    txs.push(tx);
    bytes += size;
  }
  return { transactions: txs, bytes };
}

export interface PushOutcome {
  applied: number;
  rejected: number;
  conflicts: number;
  /** the server's mark is behind this device's: it lost applied changes (restored from a backup) */
  gap: boolean;
  /** changes sent again because the server had lost them */
  resent: number;
  /** unconfirmed changes renumbered past the server's last seq (this replica was restored or copied) */
  renumbered: number;
}

/** Records the server's answers, the "Needs attention" entries and the restored rows — one SQLite transaction. */
export function applyPushResponse(db: Database, state: SyncState, batch: PushBatch, res: PushResponse): PushOutcome {
  const bySeq = new Map<number, MutationResult>(res.results.map((r) => [r.seq, r]));
  const outcome: PushOutcome = { applied: 0, rejected: 0, conflicts: 0, gap: res.gapAt !== undefined, renumbered: 0, resent: 0 };
  withServerRows(db, (writer) => {
    const at = new Date();
    const now = at.toISOString();
    const answers = pushAnswerWriter(db, now);
    let confirmed = 0;
    for (const tx of batch.transactions) {
      const results = tx.mutations.map((m) => bySeq.get(m.seq));
      // answered only in part or not at all (after a gap): the whole transaction goes again later
      if (results.some((a) => !a)) continue;
      tx.mutations.forEach((m, k) => {
        const a = results[k]!;
        answers.setState(a.status, outboxSeqOf(state, m.seq), m.seq);
        confirmed = Math.max(confirmed, m.seq);
        if (a.status === 'applied') {
          outcome.applied++;
          return;
        }
        if (a.status === 'rejected') outcome.rejected++;
        else outcome.conflicts++;
        const own = tx.rows.filter((r) => r.table === m.entity && r.id === m.entityId);
        answers.addIssue({
          id: uuidv7(),
          kind: a.status,
          outboxSeq: outboxSeqOf(state, m.seq),
          mutationName: m.name,
          userId: m.userId,
          table: m.entity,
          rowId: m.entityId,
          code: a.code ?? null,
          message: a.message ?? null,
          deviceJson: JSON.stringify(own.length ? own : tx.rows),
          serverJson: a.conflicts ? JSON.stringify(a.conflicts) : null,
          createdAt: now,
        });
      });
      answers.dropChanges(tx.txId);
    }
    settleAnswers(db, at, confirmed);
    // the server's rows for what it refused or kept: the replica follows the server until a person decides
    for (const r of res.restore) writer.apply(r, { respectPending: true });
  });
  return outcome;
}

export async function pushAll(db: Database, http: SyncHttp, initial: SyncState): Promise<PushOutcome> {
  const total: PushOutcome = { applied: 0, rejected: 0, conflicts: 0, gap: false, renumbered: 0, resent: 0 };
  let state = initial;
  // a replica restored from a backup in the app knows it: it takes new numbers before it sends
  if (state.needsRebase && nextBatch(db, state)) state = await rebase(db, http, state, total);
  for (let round = 0; round < 10_000; round++) {
    const batch = nextBatch(db, state);
    if (!batch) break;
    const res = await http.post<PushResponse>('/v1/push', { transactions: batch.transactions, ...(state.incarnation ? { incarnation: state.incarnation } : {}) }, { token: state.token });
    const o = applyPushResponse(db, state, batch, res);
    total.applied += o.applied;
    total.rejected += o.rejected;
    total.conflicts += o.conflicts;
    if (res.reusedAt !== undefined) {
      // the server answered these seqs for other work: this replica was restored or copied
      if (total.renumbered > 0) break;
      state = await rebase(db, http, state, total);
      continue;
    }
    if (o.gap) {
      // the server lost changes it had confirmed (restored from a backup): send them again, once
      if (total.gap) throw new SyncHttpError('server_behind', 'the server is still missing changes after they were sent again: ask IT', null);
      total.gap = true;
      total.resent += await recoverLostChanges(db, http, res.lastSeq);
      state = readSyncState(db)!;
      continue;
    }
    // an answer that acknowledged nothing would send the same batch forever
    if (o.applied + o.rejected + o.conflicts === 0) break;
  }
  return total;
}

/**
 * This replica was restored or copied: the server gives it a new incarnation and its last seq,
 * the unconfirmed changes are numbered past it — and if the server has less than it once
 * confirmed to this device, it was restored too, and what it lost goes again.
 */
async function rebase(db: Database, http: SyncHttp, state: SyncState, total: PushOutcome): Promise<SyncState> {
  // the incarnation to take is chosen and kept first: asked again after a lost answer, the server recognises it
  const next = nextIncarnation(db);
  const r = await http.post<RebaseResponse>('/v1/rebase', { incarnation: state.incarnation, next }, { token: state.token });
  total.renumbered = renumberUnconfirmed(db, r.incarnation, r.lastSeq);
  if (r.lastSeq < state.confirmedSeq) total.resent += await recoverLostChanges(db, http, r.lastSeq);
  // restored in the app: the server may have lost what the replaced copy sent (even as another enrolment) — ask
  else if (state.needsRebase) total.resent += await recoverLostChanges(db, http, r.lastSeq, { onlyIfLost: true });
  return readSyncState(db)!;
}

/**
 * The server was restored from a backup and has this device's changes only up to
 * `serverLastSeq`: ask it which of the changes this replica sent (its 30-day journal) it does
 * not know, put those back on their way before what is pending, number them from
 * serverLastSeq + 1, and reload the scope. Returns how many go again.
 */
export async function recoverLostChanges(db: Database, http: SyncHttp, serverLastSeq: number, opts: { onlyIfLost?: boolean } = {}): Promise<number> {
  const state = readSyncState(db)!;
  const ids = sentMutationIds(db, MAX_SENT_ASKED);
  const unknown = ids.length ? (await http.post<KnownResponse>('/v1/known', { mutationIds: ids }, { token: state.token })).unknown : [];
  if (opts.onlyIfLost && unknown.length === 0) return 0;
  const resent = requeueForResend(db, state.baselineSeq, unknown);
  markServerRestored(db, serverLastSeq, new Date(), resent, KEEP_SENT_DAYS);
  return resent;
}
