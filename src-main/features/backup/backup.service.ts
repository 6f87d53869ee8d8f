/**
 * Backups of the replica and restoring one (docs/backup.md): daily and before every migration
 * by themselves, on demand from the Sync screen and `unidesk backup`. A restore never loses
 * typed work: it refuses while changes are not on the server (unless told to drop them), it
 * keeps a copy of what it replaces, and the restored replica is recognised by the server as
 * restored (sync, case 4), so it gets back everything confirmed after the backup was taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import { SCHEMA_VERSION } from '../../db/migrations';
import { writeAudit } from '../audit/audit.repository';
import { pendingSummary, readSyncState } from '../sync/sync-state.repository';
import { uuidv7 } from 'uuidv7';
import {
  backupDirOf,
  backupName,
  checkBackupFile,
  findBackupFile,
  keepCount,
  listBackupFiles,
  ownerOnlyTemp,
  pruneBackups,
  sealBackup,
  type BackupFile,
  type BackupReason,
} from './backup-files';
import { accountExists, onlineCopy, replaceAllRows } from './backup.repository';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Restoring would drop changes typed here that the server does not have yet. */
export class RestoreWouldLosePending extends Error {
  constructor(readonly count: number) {
    super(`${count} change(s) typed on this workstation are not on the server yet; sync first, or drop them explicitly`);
  }
}

export class NoSuchBackup extends Error {
  constructor(readonly backup: string) {
    super(`no backup named ${backup}`);
  }
}

export function listBackups(db: Database): BackupFile[] {
  return listBackupFiles(backupDirOf(db.file)).reverse();
}

/**
 * A consistent copy of the open replica, made with SQLite's online backup (the app keeps
 * working meanwhile), checked, owner-only, then named; the oldest beyond the limit go.
 */
export async function createBackup(db: Database, reason: BackupReason, now = new Date()): Promise<BackupFile> {
  const dir = backupDirOf(db.file);
  const name = backupName(now, reason);
  const tmp = ownerOnlyTemp(dir, name);
  try {
    await onlineCopy(db, tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  sealBackup(tmp, path.join(dir, name), SCHEMA_VERSION);
  pruneBackups(dir, keepCount());
  return findBackupFile(dir, name)!;
}

/** The daily copy, when the newest backup is a day old or there is none. */
export async function dailyBackupIfDue(db: Database, now = new Date()): Promise<BackupFile | null> {
  if (db.file === ':memory:') return null;
  const newest = listBackups(db)[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  return createBackup(db, 'daily', now);
}

/**
 * Checks at start and every hour whether the daily copy is due (a workstation left on for days
 * still gets one a day). `stop` waits for a copy in progress, so closing never cuts one short.
 */
export function startDailyBackups(db: Database, onError: (e: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = running.then(() => dailyBackupIfDue(db)).catch(onError);
  };
  check();
  const timer = setInterval(check, 60 * 60 * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export interface RestoreResult {
  restored: string;
  /** the copy of the replica as it was just before */
  keptAs: string;
  rows: number;
  /** the restored replica syncs: the server will re-send what it confirmed after the backup */
  enrolled: boolean;
}

/**
 * Restores a backup of this folder (by name) or any replica file (by path, the CLI) into the
 * open replica. The file is checked, copied, brought to this app's schema, then its rows
 * replace the replica's in one transaction — with an audit entry naming who and from what.
 */
export async function restoreBackup(
  db: Database,
  source: { name: string } | { file: string },
  opts: { actor: { id: string; username: string } | null; discardPending?: boolean; now?: Date },
): Promise<RestoreResult> {
  const dir = backupDirOf(db.file);
  const file = 'name' in source ? findBackupFile(dir, source.name)?.file : path.resolve(source.file);
  if (!file || !fs.existsSync(file)) throw new NoSuchBackup('name' in source ? source.name : source.file);
  checkBackupFile(file, SCHEMA_VERSION);
  const state = readSyncState(db);
  const pending = state ? pendingSummary(db, state.baselineSeq).count : 0;
  if (pending > 0 && !opts.discardPending) throw new RestoreWouldLosePending(pending);

  const kept = await createBackup(db, 'restore', opts.now);
  // work on a copy: the backup itself stays as it was, and an older one is migrated in the copy
  const work = ownerOnlyTemp(dir, `restoring-${uuidv7()}`);
  try {
    fs.copyFileSync(file, work);
    await openDatabase(work).close();
    const rows = replaceAllRows(db, work, () => {
      // the account may not exist in the backup (made before it was added): the name is kept in the entry
      const known = opts.actor !== null && accountExists(db, opts.actor.id);
      writeAudit(db, { txId: uuidv7(), now: (opts.now ?? new Date()).toISOString(), userId: known ? opts.actor!.id : null }, {
        action: 'backup.restore',
        entity: 'replica',
        entityId: path.basename(file),
        oldValue: { keptAs: kept.name, pendingDropped: pending },
        newValue: { restored: path.basename(file), by: opts.actor?.username ?? 'command line' },
      });
    });
    return { restored: path.basename(file), keptAs: kept.name, rows, enrolled: readSyncState(db) !== null };
  } finally {
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  }
}
