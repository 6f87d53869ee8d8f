import type { ServerMigration } from './migration';

/**
 * Re-enrolment after a server restore (issue 11): a workstation enrolling again asks which of
 * the changes it had sent the server knows at all, under any device — those it does not know
 * (lost with the restore) are sent again by the new enrolment. That lookup is by mutation id alone.
 * And each device's past incarnations: a replica presenting one of them is a superseded copy,
 * while one this server never gave out means the server was restored from a backup taken
 * before it — the replica is the device, and its incarnation is adopted.
 */
export const m0004MutationLookup: ServerMigration = {
  version: 4,
  name: 'mutation-lookup',
  up: `
CREATE INDEX device_mutation_mutation_idx ON device_mutation (mutation_id);
ALTER TABLE device ADD COLUMN past_incarnations JSONB NOT NULL DEFAULT '[]'::jsonb;
`,
};
