import type { ServerMigration } from './migration';

/**
 * Sequence numbers are never reused silently (issue 11, item 4):
 * - every answered seq is remembered with the mutation id it carried (applied ones too), so a
 *   replica restored from a backup that sends new work under an old seq is recognised, and a
 *   change delivered again under a new seq (after renumbering) is answered, not applied twice;
 * - each device has an incarnation: the replica that renumbered after a restore gets a new
 *   one, and a copy still holding the old one can no longer push as the device.
 */
export const m0003DeviceIncarnation: ServerMigration = {
  version: 3,
  name: 'device-incarnation',
  up: `
ALTER TABLE device ADD COLUMN incarnation TEXT;
CREATE INDEX device_mutation_id_idx ON device_mutation (device_id, mutation_id);
`,
};
