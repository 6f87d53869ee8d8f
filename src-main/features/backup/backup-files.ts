/**
 * Backup files beside the replica: `<data folder>/backups/unidesk-<UTC time>-<reason>.sqlite`,
 * owner-only (0600, they hold people's personal data), each checked with `integrity_check`
 * before it counts. Names sort by time, so the newest is last and pruning keeps the tail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspectReplicaFile, makeSelfContained, vacuumInto } from './backup.repository';

export const BACKUP_REASONS = ['daily', 'manual', 'migration', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How many backups stay (the oldest go first); UNIDESK_BACKUP_KEEP changes it. */
export function keepCount(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.UNIDESK_BACKUP_KEEP);
  return Number.isInteger(n) && n >= 2 ? n : 14;
}

export interface BackupFile {
  name: string;
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^unidesk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+)\.sqlite$/;

export function backupDirOf(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

export function backupName(at: Date, reason: BackupReason): string {
  return `unidesk-${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${reason}.sqlite`;
}

/** The folder's backups, oldest first; files of other shapes (a copy the user put there) are left alone. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const m = NAME.exec(name);
    if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[6]!)) continue;
    const file = path.join(dir, name);
    out.push({ name, file, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as BackupReason, bytes: fs.statSync(file).size });
  }
  return out;
}

/** A backup of this folder by its name only — a name never reaches outside the folder. */
export function findBackupFile(dir: string, name: string): BackupFile | undefined {
  return listBackupFiles(dir).find((b) => b.name === name);
}

/** Removes the oldest backups beyond `keep`. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackupFiles(dir);
  const gone = all.slice(0, Math.max(0, all.length - keep));
  for (const b of gone) fs.rmSync(b.file, { force: true });
  return gone.map((b) => b.name);
}

export class BadBackupError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/**
 * What a file must be to be restored or kept as a backup: a SQLite file that passes the full
 * integrity check and holds a UniDesk replica no newer than this app. Returns its schema version.
 */
export function checkBackupFile(file: string, appSchemaVersion: number): number {
  let r: ReturnType<typeof inspectReplicaFile>;
  try {
    r = inspectReplicaFile(file);
  } catch (e) {
    throw new BadBackupError(file, (e as Error).message);
  }
  if (r.integrity !== 'ok') throw new BadBackupError(file, `integrity check: ${r.integrity}`);
  if (!r.isReplica) throw new BadBackupError(file, 'not a UniDesk replica');
  if (r.version > appSchemaVersion) throw new BadBackupError(file, `made by a newer UniDesk (schema ${r.version}, this one knows ${appSchemaVersion})`);
  return r.version;
}

/** Makes a finished copy owner-only, checks it, and gives it its final name (a half-written file never has one). */
export function sealBackup(tmp: string, finalFile: string, appSchemaVersion: number): void {
  try {
    if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
    // a copy of a WAL replica is in WAL mode too: a backup is one self-contained file
    makeSelfContained(tmp);
    checkBackupFile(tmp, appSchemaVersion);
    fs.renameSync(tmp, finalFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** A temporary file in the backup folder, created owner-only before any data is written to it. */
export function ownerOnlyTemp(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${name}.partial`);
  fs.rmSync(tmp, { force: true });
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  return tmp;
}

/**
 * The copy taken before migrations change an existing replica (synchronous: it runs while the
 * file is being opened). VACUUM INTO writes a compact, consistent copy.
 */
export function backupBeforeMigration(sqlite: Parameters<typeof vacuumInto>[0], dbFile: string, appSchemaVersion: number, now = new Date()): string {
  const dir = backupDirOf(dbFile);
  const name = backupName(now, 'migration');
  const tmp = ownerOnlyTemp(dir, name);
  fs.rmSync(tmp); // VACUUM INTO refuses an existing file; the folder is owner-only
  vacuumInto(sqlite, tmp);
  sealBackup(tmp, path.join(dir, name), appSchemaVersion);
  pruneBackups(dir, keepCount());
  return name;
}
