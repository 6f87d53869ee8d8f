import os from 'node:os';
import { ROLES, type Role } from '../../src-shared/domain/roles';
import { deviceScopeKindOf } from '../../src-shared/domain/scope-policy';
import type { DeviceScope } from '../../src-shared/sync/protocol';
import type { Database } from '../db/connection';
import { enrol, syncOnce } from '../features/sync/sync-engine';
import { openIssueCount, pendingSummary, readSyncState } from '../features/sync/sync-state.repository';
import { flags, oneOf, UsageError, withDb, type Command } from './cli-kit';

/** "--scope all|faculty:CODE|contract|hr": a faculty by its code, as offices name it. */
function parseScope(db: Database, text: string | undefined, role: Role): DeviceScope {
  // the policy's default for the role; a faculty must be named
  const kind = deviceScopeKindOf(role);
  const value = text ?? (kind === 'faculty' ? undefined : kind);
  if (!value) throw new UsageError('--scope faculty:CODE is required for a dean’s office (clerk) device');
  if (value === 'all' || value === 'contract' || value === 'hr') return { kind: value };
  const m = /^faculty:(.+)$/.exec(value);
  if (!m) throw new UsageError(`--scope must be all, faculty:CODE, contract or hr, got "${value}"`);
  const f = db.sqlite.prepare('SELECT id FROM faculty WHERE code = ? OR id = ?').get(m[1], m[1]) as { id: string } | undefined;
  if (!f) throw new UsageError(`no faculty with code "${m[1]}" in this replica`);
  return { kind: 'faculty', facultyId: f.id };
}

const sub: Record<string, Command> = {
  enrol: {
    summary: 'enrol this replica with the university server and load its scope',
    usage: 'unidesk sync enrol --server URL --user ADMIN --password P [--role ROLE] [--scope all|faculty:CODE|contract|hr] [--name DEVICE] [--force] [--db FILE]',
    async run(argv) {
      const v = flags(argv, {
        db: { type: 'string' }, server: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' },
        role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' },
      });
      if (!v.server) throw new UsageError('--server URL is required');
      if (!v.user || !v.password) throw new UsageError('--user and --password of a server administrator are required');
      const role = oneOf('role', v.role, ROLES, 'admin');
      await withDb(v.db, async (db) => {
        const scope = parseScope(db, v.scope, role);
        const started = Date.now();
        const r = await enrol(db, {
          serverUrl: v.server!,
          username: v.user!,
          password: v.password!,
          deviceName: v.name ?? os.hostname(),
          role,
          scope,
          force: !!v.force,
          onProgress: (table, rows) => process.stderr.isTTY && process.stderr.write(`\r${table}: ${rows} rows`),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(`enrolled as device ${r.deviceId}; loaded ${r.rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    },
  },
  now: {
    summary: 'push local changes, then pull the server’s',
    usage: 'unidesk sync now [--json] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
      await withDb(v.db, async (db) => {
        const r = await syncOnce(db);
        if (v.json) console.log(JSON.stringify(r));
        else
          console.log(
            `pushed: ${r.push.applied} applied, ${r.push.rejected} rejected, ${r.push.conflicts} conflicts; pulled ${r.pull.applied} changes (${r.pull.skipped} kept for local edits); ${r.pending} pending`,
          );
      });
    },
  },
  status: {
    summary: 'enrolment, pending changes, last success, errors, needs attention',
    usage: 'unidesk sync status [--json] [--db FILE]',
    async run(argv) {
      const v = flags(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
      await withDb(v.db, (db) => {
        const s = readSyncState(db);
        const p = s ? pendingSummary(db, s.baselineSeq) : { count: 0, oldestAt: null };
        const attention = openIssueCount(db);
        const status = {
          enrolled: !!s,
          server: s?.serverUrl ?? null,
          deviceId: s?.deviceId ?? null,
          role: s?.role ?? null,
          scope: s?.scope ?? null,
          cursor: s?.cursor ?? null,
          pending: p.count,
          oldestPendingAt: p.oldestAt,
          lastSuccessAt: s?.lastSuccessAt ?? null,
          lastError: s?.lastError ?? null,
          nextAttemptAt: s?.nextAttemptAt ?? null,
          needsAttention: attention,
        };
        if (v.json) console.log(JSON.stringify(status));
        else if (!s) console.log('not enrolled: run `unidesk sync enrol`');
        else
          console.log(
            [
              `server ${status.server} (device ${status.deviceId}, ${status.role})`,
              `pending ${status.pending}${p.oldestAt ? ` since ${p.oldestAt}` : ''}`,
              `last success ${status.lastSuccessAt ?? 'never'}`,
              status.lastError ? `last error ${status.lastError} (next attempt ${status.nextAttemptAt ?? 'now'})` : 'no errors',
              `needs attention ${attention}`,
            ].join('\n'),
          );
      });
    },
  },
};

export const syncCommand: Command = {
  summary: 'sync with the university server: enrol, now, status',
  usage: Object.values(sub).map((c) => c.usage).join('\n       '),
  async run([name, ...rest]) {
    const c = name ? sub[name] : undefined;
    if (!c) throw new UsageError(`sync: choose one of ${Object.keys(sub).join(', ')}`);
    await c.run(rest);
  },
};
