/** What enrolment does to a replica, without a server: the state, its baseline, capture on — for the sync tests. */
import type { Database } from '../../db/connection';
import { installCurrentCaptureTriggers } from './captured-columns';

export function enrolLocally(
  db: Database,
  o: { role?: string; scope?: unknown; serverUrl?: string; deviceId?: string; deviceName?: string; enrolledAt?: string; baselineSeq?: number } = {},
): void {
  const baseline = o.baselineSeq ?? (db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number);
  db.sqlite
    .prepare(
      `INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at, bootstrapped) VALUES (1, ?, ?, ?, 't', ?, ?, ?, ?, 1)`,
    )
    .run(o.serverUrl ?? 'http://127.0.0.1:1', o.deviceId ?? 'dev-1', o.deviceName ?? 'test', o.role ?? 'clerk', JSON.stringify(o.scope ?? { kind: 'all' }), baseline, o.enrolledAt ?? '2026-12-01T00:00:00Z');
  installCurrentCaptureTriggers(db.sqlite);
  db.sqlite.exec('UPDATE sync_control SET capture = 1');
}
