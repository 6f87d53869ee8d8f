/** What one office contributes to sync: its tables (in dependency order) and the mutations it pushes. */
import type { MutationRule, SyncTable } from './tables';

export interface SyncSlice {
  office: string;
  tables: readonly SyncTable[];
  mutations: Readonly<Record<string, MutationRule>>;
}
