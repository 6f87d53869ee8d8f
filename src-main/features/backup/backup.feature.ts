import type { BackupListView, BackupView, SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { defineFeature, signedIn } from '../feature-module';
import { BadBackupError, backupDirOf, keepCount, type BackupFile } from './backup-files';
import { createBackup, listBackups, NoSuchBackup, restoreBackup, RestoreWouldLosePending } from './backup.service';

const view = (b: BackupFile): BackupView => ({ name: b.name, createdAt: b.createdAt, reason: b.reason, bytes: b.bytes });

function allowed(user: SessionUser): SessionUser {
  if (!can(user.role, 'backup.manage')) throw forbidden();
  return user;
}

function listView(db: Database): BackupListView {
  return { rows: listBackups(db).map(view), folder: backupDirOf(db.file), keep: keepCount() };
}

/** Backups of this workstation's replica (the Sync screen's section): list, make one, restore one. */
export const backupFeature = defineFeature({
  name: 'backup',
  handlers: ({ db, syncLoop }) => ({
    'backup.list': async (_req, ctx) => {
      allowed(signedIn(ctx));
      return listView(db);
    },
    'backup.create': async (_req, ctx) => {
      allowed(signedIn(ctx));
      await createBackup(db, 'manual');
      return listView(db);
    },
    'backup.restore': async (req, ctx) => {
      const user = allowed(signedIn(ctx));
      const chosen = listBackups(db).find((b) => b.name === req.name);
      if (!chosen) throw new AppError('not_found', 'backup.error.notFound', { name: req.name });
      try {
        // a sync run holds answers for the outbox it read: it finishes first, and none starts meanwhile
        const restore = () => restoreBackup(db, { name: req.name }, { actor: { id: user.id, username: user.username } });
        const r = await (syncLoop ? syncLoop.exclusive(restore) : restore());
        return { restored: view(chosen), keptAs: r.keptAs, enrolled: r.enrolled };
      } catch (e) {
        if (e instanceof RestoreWouldLosePending) throw new AppError('conflict', 'backup.error.pending', { count: e.count });
        if (e instanceof BadBackupError) throw new AppError('validation', 'backup.error.bad', { file: chosen.name, detail: e.detail });
        if (e instanceof NoSuchBackup) throw new AppError('not_found', 'backup.error.notFound', { name: req.name });
        throw e;
      }
    },
  }),
});
