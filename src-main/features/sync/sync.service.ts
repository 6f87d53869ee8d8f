/** What the sync panel asks for: status, a run now, the "Needs attention" list and its resolution. */
import type { SessionUser, SyncIssueView, SyncRunView, SyncStatusView } from '../../../src-shared/contract';
import { shortName } from '../../../src-shared/domain/person';
import { can, ROLES, type Role } from '../../../src-shared/domain/roles';
import { translate, type Locale, type MessageKey } from '../../../src-shared/i18n';
import type { ConflictView, DeviceScope, RowChange } from '../../../src-shared/sync/protocol';
import { facultyNameRow } from '../reference/reference.repository';
import { MUTATION_RULES } from '../../../src-shared/sync/tables';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import type { SyncLoop } from './sync-engine';
import { SyncNotEnrolled } from './sync-engine';
import { SyncHttpError } from './sync-http';
import { openIssueCount, pendingSummary, readSyncState } from './sync-state.repository';
import { currentRow, findGrade, gradeSubject, openIssue, openIssues, reapplyGrade, resolveIssue, studentSubject, type IssueRow } from './sync-issues.repository';

const REASONS: Record<string, MessageKey> = {
  stale: 'sync.reason.stale',
  update_required: 'sync.reason.updateRequired',
  forbidden: 'sync.reason.forbidden',
  out_of_scope: 'sync.reason.forbidden',
  conflict: 'sync.reason.conflict',
};
const ERRORS: Record<string, MessageKey> = {
  network: 'sync.error.network',
  timeout: 'sync.error.network',
  unauthenticated: 'sync.error.revoked',
  device_revoked: 'sync.error.revoked',
  update_required: 'sync.reason.updateRequired',
  server_behind: 'sync.error.serverBehind',
  replica_superseded: 'sync.error.superseded',
};

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string' && v.startsWith('{')) {
    try {
      const o = JSON.parse(v) as Record<string, unknown>;
      return Object.entries(o).map(([k, x]) => `${k}: ${x !== null && typeof x === 'object' ? JSON.stringify(x) : (x ?? '—')}`).join(', ') || '—';
    } catch {
      return v;
    }
  }
  return String(v);
};

export function createSyncService(db: Database, loop: SyncLoop | null) {
  function scopeLabel(role: string, scope: DeviceScope, locale: Locale): string {
    const roleName = (ROLES as readonly string[]).includes(role) ? translate(locale, `role.${role as Role}`) : role;
    let what: string;
    if (scope.kind === 'faculty') {
      const f = facultyNameRow(db, scope.facultyId);
      what = f ? f[`name_${locale}`] : scope.facultyId;
    } else what = translate(locale, `sync.scope.${scope.kind}`);
    return translate(locale, 'sync.scopeLine', { role: roleName, scope: what });
  }

  function subject(row: IssueRow, locale: Locale): string {
    const table = row.table_name ?? '';
    if (table === 'grade' && row.row_id) {
      const g = gradeSubject(db, row.row_id);
      if (g) {
        const name = shortName({ lastName: g.last_name!, firstName: g.first_name!, patronymic: g.patronymic ?? null });
        return translate(locale, 'sync.subject.grade', { name, number: g.number!, discipline: g[`name_${locale}`] ?? g.name_ru! });
      }
    }
    if (table === 'student' && row.row_id) {
      const s = studentSubject(db, row.row_id);
      if (s) return translate(locale, 'sync.subject.student', { name: shortName({ lastName: s.last_name!, firstName: s.first_name!, patronymic: s.patronymic ?? null }) });
    }
    return translate(locale, 'sync.subject.other', { name: row.mutation_name ?? table, id: row.row_id ?? '' });
  }

  function view(row: IssueRow, locale: Locale): SyncIssueView {
    const device = (row.device_json ? JSON.parse(row.device_json) : []) as RowChange[];
    const conflicts = (row.server_json ? JSON.parse(row.server_json) : []) as ConflictView[];
    let fields: SyncIssueView['fields'];
    if (conflicts.length) {
      fields = conflicts.flatMap((c) => c.fields.map((f) => ({ field: f.field, device: show(f.device), server: show(f.server) })));
    } else {
      // a refusal: what this device wanted against what the replica now holds again (the server's row)
      fields = device.flatMap((r) => {
        const current = r.table && r.id ? currentRow(db, r.table, r.id) : undefined;
        return Object.keys(r.old ?? r.values ?? {})
          .filter((f) => f !== 'version' && f !== 'updated_at' && (r.values?.[f] ?? null) !== (r.old?.[f] ?? null))
          .map((f) => ({ field: f, device: show(r.values?.[f]), server: show(current?.[f]) }));
      });
    }
    if (row.kind === 'received') {
      // a row from the server this replica could not store: what it held, and why not
      const values = (row.server_json ? JSON.parse(row.server_json) : {}) as Record<string, unknown>;
      const here = currentRow(db, row.table_name!, row.row_id!);
      fields = Object.entries(values).filter(([f]) => f !== 'id').map(([f, v]) => ({ field: f, device: show(here?.[f]), server: show(v) }));
    }
    const key = REASONS[row.kind === 'conflict' ? 'conflict' : (row.code ?? '')];
    return {
      id: row.id,
      kind: row.kind === 'conflict' ? 'conflict' : row.kind === 'received' ? 'received' : 'rejected',
      subject: subject(row, locale),
      reason: key ? translate(locale, key) : row.kind === 'received' ? translate(locale, 'sync.reason.received', { detail: row.message ?? '' }) : (row.message ?? row.code ?? ''),
      fields,
      serverChangedBy: conflicts[0]?.serverChangedBy ?? null,
      serverChangedAt: conflicts[0]?.serverChangedAt ?? null,
      createdAt: row.created_at,
      canKeepMine: row.kind === 'conflict' && row.table_name === 'grade',
    };
  }


  function localizedError(raw: string | null, locale: Locale, serverUrl: string | null): string | null {
    if (!raw) return null;
    const code = raw.split(':', 1)[0]!;
    const key = ERRORS[code];
    return key ? translate(locale, key, { url: serverUrl ?? '' }) : translate(locale, 'sync.error.other', { detail: raw });
  }

  return {
    status(session: SessionUser, locale: Locale): SyncStatusView {
      if (!can(session.role, 'sync.view')) throw forbidden();
      const s = readSyncState(db);
      const p = s ? pendingSummary(db, s.baselineSeq) : { count: 0, oldestAt: null };
      return {
        enrolled: s !== null,
        serverUrl: s?.serverUrl ?? null,
        deviceName: s?.deviceName ?? null,
        scopeLabel: s ? scopeLabel(s.role, s.scope, locale) : null,
        serverRestored: s?.serverRestoredAt ? { at: s.serverRestoredAt, resent: s.resent, tooOld: s.tooOld } : null,
        pending: p.count,
        oldestPendingAt: p.oldestAt,
        lastSuccessAt: s?.lastSuccessAt ?? null,
        lastAttemptAt: s?.lastAttemptAt ?? null,
        lastError: localizedError(s?.lastError ?? null, locale, s?.serverUrl ?? null),
        nextAttemptAt: s?.nextAttemptAt ?? null,
        running: loop?.running() ?? false,
        attention: openIssueCount(db),
      };
    },

    async now(session: SessionUser, locale: Locale): Promise<SyncRunView> {
      if (!can(session.role, 'sync.view')) throw forbidden();
      if (!loop) throw new AppError('conflict', 'sync.error.notEnrolled');
      try {
        const r = await loop.runNow();
        return { applied: r.push.applied, rejected: r.push.rejected, conflicts: r.push.conflicts, pulled: r.pull.applied, pending: r.pending };
      } catch (e) {
        if (e instanceof SyncNotEnrolled) throw new AppError('conflict', 'sync.error.notEnrolled');
        if (e instanceof SyncHttpError) throw new AppError('unavailable', 'sync.error.other', { detail: localizedError(`${e.code}: ${e.message}`, locale, readSyncState(db)?.serverUrl ?? null) ?? '' });
        throw e;
      }
    },

    issues(session: SessionUser, locale: Locale): { rows: SyncIssueView[] } {
      if (!can(session.role, 'sync.view')) throw forbidden();
      return { rows: openIssues(db).map((r) => view(r, locale)) };
    },

    /** "Theirs"/"dismissed" closes the entry (the replica already holds the server's row); "mine" re-applies a grade as a new change. */
    resolve(session: SessionUser, req: { issueId: string; choice: 'mine' | 'theirs' | 'dismissed' }, locale: Locale): { rows: SyncIssueView[] } {
      const row = openIssue(db, req.issueId);
      if (!row) throw new AppError('not_found', 'sync.error.issueGone');
      // a received row is anyone's to dismiss who sees the panel; a change, only who may make it
      const rule = row.mutation_name === null ? { permission: 'sync.view' as const } : MUTATION_RULES[row.mutation_name];
      if (!rule || !can(session.role, rule.permission)) throw forbidden();
      if (row.kind === 'received' && req.choice !== 'dismissed') throw new AppError('conflict', 'sync.error.cannotKeepMine');
      withWrite(db, session, (w) => {
        if (req.choice === 'mine') {
          if (row.kind !== 'conflict' || row.table_name !== 'grade' || !row.row_id) throw new AppError('conflict', 'sync.error.cannotKeepMine');
          const mine = ((row.device_json ? JSON.parse(row.device_json) : []) as RowChange[]).find((r) => r.table === 'grade' && r.id === row.row_id)?.values;
          const current = findGrade(db, row.row_id);
          if (!mine || !current) throw new AppError('conflict', 'sync.error.cannotKeepMine');
          reapplyGrade(w, current, mine);
          w.audit({ action: 'sync.keepMine', entity: 'grade', entityId: current.id, oldValue: { parts: current.parts_json, mark: current.mark, total: current.total }, newValue: { parts: mine.parts_json, mark: mine.mark, total: mine.total } });
          w.outbox({ name: 'sync.resolve', entity: 'grade', entityId: current.id, payload: { issueId: row.id }, baseVersion: current.version });
        } else {
          w.audit({ action: 'sync.resolve', entity: row.table_name ?? 'sync_issue', entityId: row.row_id ?? row.id, oldValue: null, newValue: { issue: row.id, choice: req.choice } });
        }
        resolveIssue(w, row.id, req.choice);
      });
      return { rows: openIssues(db).map((r) => view(r, locale)) };
    },
  };
}
