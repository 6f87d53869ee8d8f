/** A schema step. Listed statically in ./index.ts: folder scanning breaks inside asar. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside one transaction; `user_version` is bumped in the same transaction */
  up: string;
  /**
   * true when `up` rebuilds a table that other tables reference (SQLite's 12-step ALTER
   * procedure): foreign keys must be off for it and cannot be switched inside a transaction,
   * so migrate() switches them off around it and runs foreign_key_check before committing.
   */
  rebuildsTables?: boolean;
}
