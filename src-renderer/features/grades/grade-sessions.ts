/** Which academic session the sheets screen opens with. */
import type { AcademicSessionView } from '../../../src-shared/contract';
import { todayIso } from '../../app/university-today';


/**
 * The session whose entry window is open today; else the one under way (between its start and
 * end); else the latest whose entry has begun (its window may be closed now); else the earliest to come.
 */
export function pickSession(rows: readonly AcademicSessionView[], today: string = todayIso()): AcademicSessionView | null {
  if (rows.length === 0) return null;
  const byStart = [...rows].sort((a, b) => a.entryOpensOn.localeCompare(b.entryOpensOn));
  return (
    byStart.find((s) => s.entryOpensOn <= today && today <= s.entryClosesOn) ??
    byStart.find((s) => s.startsOn <= today && today <= s.endsOn) ??
    [...byStart].reverse().find((s) => s.entryOpensOn <= today) ??
    byStart[0]!
  );
}

/** Newest first: the latest year, and in it the later term. */
export function sortSessions(rows: readonly AcademicSessionView[]): AcademicSessionView[] {
  return [...rows].sort((a, b) => b.entryOpensOn.localeCompare(a.entryOpensOn) || (a.facultyId ?? '').localeCompare(b.facultyId ?? ''));
}
