/** `unidesk backup create|list|restore`: IT's side of the Sync screen's backups section. */
import { translate } from '../../src-shared/i18n';
import { BadBackupError, backupDirOf } from '../features/backup/backup-files';
import { createBackup, listBackups, NoSuchBackup, restoreBackup, RestoreWouldLosePending } from '../features/backup/backup.service';
import { CliError, flags, UsageError, withDb, type Command, subcommands } from './cli-kit';

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const sub: Record<string, Command> = {
  create: {
    summary: 'copy the replica into its backups folder now (checked, owner-only)',
    usage: 'unidesk backup create [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, {});
      await withDb(v.db, async (db) => {
        const b = await createBackup(db, 'manual');
        console.log(translate(locale, 'cli.backup.created', { file: b.file, size: size(b.bytes) }));
      });
    },
  },
  list: {
    summary: 'the backups of the replica, newest first',
    usage: 'unidesk backup list [--json] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { json: { type: 'boolean' } });
      await withDb(v.db, (db) => {
        const rows = listBackups(db);
        if (v.json) console.log(JSON.stringify(rows.map(({ name, createdAt, reason, bytes }) => ({ name, createdAt, reason, bytes }))));
        else if (rows.length === 0) console.log(translate(locale, 'cli.backup.none', { folder: backupDirOf(db.file) }));
        else for (const b of rows) console.log(`${b.name}  ${translate(locale, `backup.reason.${b.reason}`)}  ${size(b.bytes)}`);
      });
    },
  },
  restore: {
    summary: 'restore a backup into the replica (the present state is kept as a backup first)',
    usage: 'unidesk backup restore --name NAME | --file PATH [--discard-pending] [--db FILE]',
    async run(argv, locale) {
      const v = flags(argv, { name: { type: 'string' }, file: { type: 'string' }, 'discard-pending': { type: 'boolean' } });
      if (!v.name === !v.file) throw new UsageError('cli.backup.oneSource');
      await withDb(v.db, async (db) => {
        try {
          const r = await restoreBackup(db, v.name ? { name: v.name } : { file: v.file! }, { actor: null, discardPending: !!v['discard-pending'] });
          console.log(translate(locale, 'cli.backup.restored', { name: r.restored, rows: r.rows, keptAs: r.keptAs, enrolled: String(r.enrolled) }));
        } catch (e) {
          if (e instanceof RestoreWouldLosePending) throw new CliError('cli.backup.pending', { count: e.count });
          if (e instanceof BadBackupError) throw new CliError('backup.error.bad', { file: e.file, detail: e.detail });
          if (e instanceof NoSuchBackup) throw new CliError('backup.error.notFound', { name: e.backup });
          throw e;
        }
      });
    },
  },
};

export const backupCommand: Command = subcommands('backup', 'backups of the replica: create, list, restore', sub);
