import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { setTokenKey } from '../../platform/token-seal';
import { createFixtureDb } from '../../testing/fixture';
import { installCurrentCaptureTriggers } from './captured-columns';
import { syncOnce } from './sync-engine';
import type { SyncHttp } from './sync-http';
import { readSyncState, recordEnrolment, sealStoredToken } from './sync-state.repository';

let db: Database;
const stored = () => db.sqlite.prepare('SELECT token FROM sync_state').pluck().get() as string;
const enrolment = { serverUrl: 'http://127.0.0.1:1', deviceId: 'd1', deviceName: 'PC', token: 'tok-123', role: 'clerk', scope: { kind: 'all' as const }, baselineSeq: 0, at: '2026-12-03T00:00:00Z', incarnation: null };
const noServer: SyncHttp = { post: () => Promise.reject(new Error('no server in this test')) } as unknown as SyncHttp;

beforeEach(async () => {
  db = await createFixtureDb();
});
afterEach(async () => {
  setTokenKey(null);
  await db.close();
});

describe('the device token at rest', () => {
  it('is stored sealed when the desktop app has its key, and read back in the clear', () => {
    setTokenKey(randomBytes(32));
    recordEnrolment(db, enrolment, installCurrentCaptureTriggers);
    expect(stored()).toMatch(/^sealed:v1:/);
    expect(readSyncState(db)).toMatchObject({ token: 'tok-123', tokenSealed: false });
  });

  it('a process without the key cannot use a sealed token, and sync says where to run it', async () => {
    setTokenKey(randomBytes(32));
    recordEnrolment(db, enrolment, installCurrentCaptureTriggers);
    setTokenKey(null);
    expect(readSyncState(db)).toMatchObject({ token: '', tokenSealed: true });
    await expect(syncOnce(db, noServer)).rejects.toMatchObject({ code: 'token_sealed' });
    expect(readSyncState(db)!.lastError).toMatch(/sealed by the UniDesk desktop app/);
  });

  it('the desktop app seals a token the command line stored in the clear', () => {
    recordEnrolment(db, enrolment, installCurrentCaptureTriggers);
    expect(stored()).toBe('tok-123');
    setTokenKey(randomBytes(32));
    expect(sealStoredToken(db)).toBe(true);
    expect(stored()).toMatch(/^sealed:v1:/);
    expect(readSyncState(db)!.token).toBe('tok-123');
    expect(sealStoredToken(db)).toBe(false);
  });
});
