import os from 'node:os';
import { ROLES, type Role } from '../../src-shared/domain/roles';
import { deviceScopeKindOf } from '../../src-shared/domain/scope-policy';
import type { DeviceScope } from '../../src-shared/sync/protocol';
import type { Database } from '../db/connection';
import { enrol, PendingWouldBeLost, syncOnce } from '../features/sync/sync-engine';

import { openIssueCount, pendingSummary, readSyncState } from '../features/sync/sync-state.repository';
import { translate } from '../../src-shared/i18n';
import { findFaculty } from '../features/reference/reference.repository';
import { readSecret } from '../platform/read-secret';
import { CliError, flags, oneOf, required, UsageError, withDb, type Command, subcommands } from './cli-kit';
/** Enrolment whose refusal to lose typed work reads in the user's language. */
async function enrolKeepingWork(...args: Parameters<typeof enrol>): ReturnType<typeof enrol> {
  try {
    return await enrol(...args);
  } catch (e) {
    if (e instanceof PendingWouldBeLost) throw new CliError('cli.sync.pendingWouldBeLost', { count: e.count, reason: { msg: e.reason === 'otherServer' ? 'cli.sync.reasonOtherServer' : 'cli.sync.reasonOtherRole' } });
    throw e;
  }
}


/** "--scope all|faculty:CODE|contract|hr": a faculty by its code, as offices name it. */
function parseScope(db: Database, text: string | undefined, role: Role): DeviceScope {
  // the policy's default for the role; a faculty must be named
  const kind = deviceScopeKindOf(role);
  const value = text ?? (kind === 'faculty' ? undefined : kind);
  if (!value) throw new UsageError('cli.sync.scopeFaculty');
  if (value === 'all' || value === 'contract' || value === 'hr') return { kind: value };
  const m = /^faculty:(.+)$/.exec(value);
  if (!m) throw new UsageError('cli.sync.scopeForm', { got: value });
  const f = findFaculty(db, m[1]!);
  if (!f) throw new UsageError('cli.notFound.faculty', { code: m[1]! });
  return { kind: 'faculty', facultyId: f.id };
}

const sub: Record<string, Command> = {
  enrol: {
    summary: 'enrol this replica with the university server and load its scope',
    usage: 'unidesk sync enrol --server URL --user ADMIN [--password-stdin] [--role ROLE] [--scope all|faculty:CODE|contract|hr] [--name DEVICE] [--force [--discard-pending]] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, {
        server: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' },
        role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' },
        'discard-pending': { type: 'boolean' }, 'password-stdin': { type: 'boolean' },
      });
      const server = required('server', v.server);
      // asked for (a hidden prompt, or a pipe with --password-stdin) or from the environment:
      // never required on the command line, where the process list and shell history keep it
      const password = v.password ?? process.env.UNIDESK_SERVER_PASSWORD ?? (v['password-stdin'] || process.stdin.isTTY ? await readSecret(translate(locale, 'cli.sync.passwordPrompt')) : undefined);
      if (!v.user || !password) throw new UsageError('cli.sync.adminRequired');
      const role = oneOf('role', v.role, ROLES, 'admin');
      await withDb(v.db, async (db) => {
        const scope = parseScope(db, v.scope, role);
        const started = Date.now();
        const r = await enrolKeepingWork(db, {
          serverUrl: server,
          username: v.user!,
          password,
          deviceName: v.name ?? os.hostname(),
          role,
          scope,
          force: !!v.force,
          discardPending: !!v['discard-pending'],
          onProgress: (table, rows) => process.stderr.isTTY && process.stderr.write(`\r${table}: ${rows} rows`),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(translate(locale, 'cli.sync.enrolled', { deviceId: r.deviceId, rows: r.rows, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
        if (r.carried > 0) console.log(translate(locale, 'cli.sync.carried', { count: r.carried }));
      });
    },
  },
  now: {
    summary: 'push local changes, then pull the server’s',
    usage: 'unidesk sync now [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { json: { type: 'boolean' } });
      await withDb(v.db, async (db) => {
        const r = await syncOnce(db);
        if (v.json) console.log(JSON.stringify(r));
        else
          console.log(
            translate(locale, 'cli.sync.done', { applied: r.push.applied, rejected: r.push.rejected, conflicts: r.push.conflicts, pulled: r.pull.applied, skipped: r.pull.skipped, pending: r.pending }),
          );
      });
    },
  },
  status: {
    summary: 'enrolment, pending changes, last success, errors, needs attention',
    usage: 'unidesk sync status [--json] [--lang ky|ru|en] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { json: { type: 'boolean' } });
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
        else if (!s) console.log(translate(locale, 'cli.sync.notEnrolled'));
        else
          console.log(
            translate(locale, 'cli.sync.status', {
              server: status.server,
              deviceId: status.deviceId,
              role: status.role,
              pending: status.pending,
              since: p.oldestAt ?? 'none',
              last: status.lastSuccessAt ?? 'none',
              error: status.lastError ?? 'none',
              next: status.nextAttemptAt ?? '—',
              attention,
            }),
          );
      });
    },
  },
};

export const syncCommand: Command = subcommands('sync', 'sync with the university server: enrol, now, status', sub);
