/**
 * The replica schema this build writes (the last migration's number). The app and the sync
 * server read it from here, so a release cannot ship the two apart; db/migrations checks, in
 * its test, that its last migration is this number.
 */
export const SCHEMA_VERSION = 17;
