/** A schema step. Listed statically in ./index.ts: folder scanning breaks inside asar. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run inside one transaction; `user_version` is bumped in the same transaction */
  up: string;
}
