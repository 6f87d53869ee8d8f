import { m0001SyncStore } from './0001-sync-store';
import type { ServerMigration } from './migration';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [m0001SyncStore];
