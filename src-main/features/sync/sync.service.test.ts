import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createSyncService } from './sync.service';
import { enrolLocally } from './sync.test-kit';

let db: Database;
beforeEach(async () => {
  db = await createFixtureDb();
});
afterEach(() => db.close());

const enrolAs = (role: string, scope: unknown) => enrolLocally(db, { role, scope, serverUrl: 'https://unidesk.example.kg', deviceId: 'd1', deviceName: 'Деканат-2' });

describe('the Sync screen’s status', () => {
  it('names the workstation’s office and what it sees, in the user’s language', () => {
    enrolAs('clerk', { kind: 'faculty', facultyId: IDS.facEcon });
    const sync = createSyncService(db, null);
    expect(sync.status(USERS.clerkEcon, 'ru')).toMatchObject({ deviceName: 'Деканат-2', scopeLabel: 'Роль: Деканат · видит: Экономический факультет', serverRestored: null });
    expect(sync.status(USERS.clerkEcon, 'en').scopeLabel).toBe("Role: Dean's office · sees: Faculty of Economics");
  });

  it('says when the server was found restored from a backup and what this workstation did', () => {
    enrolAs('students_hr', { kind: 'all' });
    db.sqlite.prepare(`UPDATE sync_state SET server_restored_at = '2026-12-03T09:00:00Z', resent = 4, too_old = 1`).run();
    const s = createSyncService(db, null).status(USERS.clerkEcon, 'ky');
    expect(s.scopeLabel).toMatch(/бүт университет$/);
    expect(s.serverRestored).toEqual({ at: '2026-12-03T09:00:00Z', resent: 4, tooOld: 1 });
  });
});
