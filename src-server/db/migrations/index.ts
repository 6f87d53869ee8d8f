import { m0001SyncStore } from './0001-sync-store';
import { m0002RowFillfactor } from './0002-row-fillfactor';
import { m0003DeviceIncarnation } from './0003-device-incarnation';
import { m0004MutationLookup } from './0004-mutation-lookup';
import { m0005DocumentKeys } from './0005-document-keys';
import type { ServerMigration } from './migration';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [m0001SyncStore, m0002RowFillfactor, m0003DeviceIncarnation, m0004MutationLookup, m0005DocumentKeys];
