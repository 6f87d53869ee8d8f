import { z } from 'zod';
import { operation } from './define';

export interface BackupView {
  /** the file's name in the backup folder: what restore asks for */
  name: string;
  createdAt: string;
  reason: 'daily' | 'manual' | 'migration' | 'restore';
  bytes: number;
}

export interface BackupListView {
  rows: BackupView[];
  /** where they are, for IT; how many are kept */
  folder: string;
  keep: number;
}

export interface BackupRestoredView {
  restored: BackupView;
  keptAs: string;
  /** the restored replica syncs: the next sync brings back what the server confirmed after the copy */
  enrolled: boolean;
}

// a backup is named by its file name in the folder, never by a path
const backupName = z.string().regex(/^unidesk-[0-9TZ-]+-[a-z]+\.sqlite$/, 'not a backup name');

export const backupContract = {
  'backup.list': operation<BackupListView>()(z.object({})),
  'backup.create': operation<BackupListView>()(z.object({})),
  'backup.restore': operation<BackupRestoredView>()(z.object({ name: backupName })),
};
