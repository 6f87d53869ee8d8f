/**
 * A device for the sync fault tests, as a separate process so it can be killed with -9 at any
 * moment: it types grades through the real service (the clerk's writes), and syncs between
 * rounds. Rounds are deterministic, so a restarted driver redoes what it had done and the
 * final values are known: round R of student i on sheet s.
 *
 * Bundled by the test with esbuild; args: DB USERNAME SHEETS ROUNDS, SHEETS as "id[:even|odd],…"
 * (even/odd: only the students at even/odd positions, for two devices sharing a sheet).
 */
import { openDatabase } from '../../src-main/db/connection';
import { createGradeSheetsService } from '../../src-main/features/grade-sheets/grade-sheets.service';
import { syncOnce } from '../../src-main/features/sync/sync-engine';
import type { SessionUser } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import { pointsFor } from './sync-points';


async function main() {
  const [dbFile, username, sheetList, roundsText] = process.argv.slice(2);
  const db = openDatabase(dbFile!);
  const u = db.sqlite.prepare('SELECT id, username, display_name, role, faculty_id FROM app_user WHERE username = ?').get(username) as
    | { id: string; username: string; display_name: string; role: Role; faculty_id: string | null }
    | undefined;
  if (!u) throw new Error(`no user ${username}`);
  const user: SessionUser = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, facultyId: u.faculty_id };
  const sheets = createGradeSheetsService(db);
  const list = sheetList!.split(',').map((x) => {
    const [id, half] = x.split(':');
    return { id: id!, parity: half === 'even' ? 0 : half === 'odd' ? 1 : null };
  });
  const rounds = Number(roundsText);
  for (let r = 0; r < rounds; r++) {
    list.forEach(({ id, parity }, s) => {
      const detail = sheets.detail(user, id, 'ru');
      const cells = detail.rows
        .filter((row) => parity === null || row.position % 2 === parity)
        .map((row) => ({ studentId: row.studentId, parts: pointsFor(r, s, row.position) }));
      if (cells.length) sheets.setGrades(user, { id, cells }, 'ru');
    });
    console.log(`round ${r} written`);
    try {
      await syncOnce(db);
      console.log(`round ${r} synced`);
    } catch (e) {
      console.log(`round ${r} sync failed: ${(e as Error).message}`);
    }
  }
  await db.close();
  console.log('done');
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
