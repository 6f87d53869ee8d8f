/**
 * Kysely's view of the server schema (migrations/). Hand-kept like the client's; the
 * migration test checks the columns against the live tables. BIGINT columns come back as
 * strings from node-postgres and as numbers from PGlite, hence `number | string`.
 */
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown | null, string | null, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type BigIntCol = ColumnType<number | string, number | string | undefined, number | string>;

export interface SyncRowTable {
  tbl: string;
  id: string;
  data: Json;
  version: number;
  faculty_id: string | null;
  contract: boolean;
  deleted: Generated<boolean>;
  change_seq: BigIntCol;
}

export interface ChangeLogTable {
  seq: Generated<number | string>;
  tbl: string;
  id: string;
  op: 'upsert' | 'delete';
  data: NullableJson;
  faculty_id: string | null;
  contract: boolean;
  device_id: string | null;
  user_id: string | null;
  tx_id: string | null;
  at: Timestamp;
}

export interface DeviceTable {
  id: string;
  name: string;
  role: string;
  scope: Json;
  token_hash: string;
  enrolled_at: Timestamp;
  enrolled_by: string;
  revoked_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
  pending: Generated<number>;
  oldest_pending_at: string | null;
  last_seq: BigIntCol;
  last_error: string | null;
  app_version: string | null;
  incarnation: string | null;
  past_incarnations: Generated<string[]>;
}

export interface DeviceMutationTable {
  device_id: string;
  seq: number | string;
  mutation_id: string;
  status: 'applied' | 'rejected' | 'conflict';
  code: string | null;
  message: string | null;
  conflicts: NullableJson;
}

export interface ConflictTable {
  id: string;
  tbl: string;
  row_id: string;
  device_id: string;
  user_id: string | null;
  mutation_name: string;
  base_version: number | null;
  server_version: number | null;
  server_values: NullableJson;
  device_values: NullableJson;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
}

export interface ServerUserTable {
  username: string;
  password_hash: string;
  role: string;
  created_at: Timestamp;
}

export interface ServerMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface RootKeyTable {
  id: number;
  public_key: string;
  private_key: string;
  created_at: Timestamp;
}

export interface SigningKeyTable {
  key_id: string;
  device_id: string;
  series: string;
  public_key: string;
  valid_from: string;
  valid_to: string;
  certificate: Json;
  certified_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoke_reason: string | null;
}

export interface ServerSchema {
  sync_row: SyncRowTable;
  change_log: ChangeLogTable;
  device: DeviceTable;
  device_mutation: DeviceMutationTable;
  conflict: ConflictTable;
  server_user: ServerUserTable;
  server_migration: ServerMigrationTable;
  root_key: RootKeyTable;
  signing_key: SigningKeyTable;
}
