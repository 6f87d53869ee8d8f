/**
 * What syncs, how conflicts are settled and who may push what (docs/sync.md, "Policies").
 * One table for both sides: the device installs its change-capture triggers from it, the
 * server authorizes and merges with it.
 */
import type { Permission } from '../domain/roles';
import type { RowSchema } from './row-schema';
import { SYNC_SLICES } from './slices';

/**
 * - `reference`: university-wide data kept by one office; a change applies when its base
 *   version is the server's, otherwise the device is told it was changed elsewhere.
 * - `field-merge`: people's records; each changed field is applied on its own (different
 *   fields changed on two devices both survive; the same field: the later push wins, and
 *   the overwritten value stays in the server's change log).
 * - `grade`: never last-write-wins. A stale base version with a different value becomes a
 *   conflict a person resolves; the server keeps its value until then.
 * - `append`: rows with client-generated ids that are only added (history, registrations,
 *   exceptions); a row the server already has is a duplicate, not a conflict.
 * - `versioned`: documents with a lifecycle (orders): a change needs the server's version,
 *   else it is refused and the server's row comes back to the device. (Grade sheets merge
 *   per field instead: two clerks entering different students' grades both touch the sheet.)
 */
export type SyncPolicy = 'reference' | 'field-merge' | 'grade' | 'append' | 'versioned';

/** How the server finds the faculty a row belongs to (null: the whole university sees it). */
export type ScopeRule =
  | { kind: 'university' }
  | { kind: 'column'; column: string }
  /** the faculty of the row this column points at, in `table` (itself scoped) */
  | { kind: 'via'; column: string; table: string };

export interface SyncTable {
  name: string;
  policy: SyncPolicy;
  scope: ScopeRule;
  /** a student row counts as "contract" (accounting's scope) by this column */
  contractColumn?: string;
  /** what a valid row is (row-schema.ts): the server refuses, a device sets aside, anything else */
  row: RowSchema;
  /** columns a device computes from the row itself, over whatever arrived (a search index) */
  derive?: (row: Record<string, unknown>) => void;
}

/**
 * Every synced table has a text `id` key. (Countries, study forms and roles are not here:
 * each replica gets them from its migrations.) Each office lists its own tables and mutations
 * (src-shared/sync/<office>.sync.ts); here they are put in dependency order: a parent before
 * the rows that point at it (bootstrap and pull apply in this order; a test checks it).
 */
export const SYNC_TABLES: readonly SyncTable[] = SYNC_SLICES.flatMap((s) => s.tables);

export const SYNC_TABLE_NAMES: ReadonlySet<string> = new Set(SYNC_TABLES.map((t) => t.name));
export const syncTable = (name: string): SyncTable | undefined => SYNC_TABLES.find((t) => t.name === name);

/** Columns that are a device's own bookkeeping, never sent: the search index is rebuilt locally. */
export const LOCAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {};

export interface MutationRule {
  permission: Permission;
  /** the tables a transaction carrying this mutation may write */
  tables: readonly string[];
}

/**
 * Every mutation name a device may push. The server re-authorizes each against the device's
 * role and refuses row changes to tables none of the transaction's mutations may write.
 */
export const MUTATION_RULES: Readonly<Record<string, MutationRule>> = Object.assign({}, ...SYNC_SLICES.map((s) => s.mutations));
