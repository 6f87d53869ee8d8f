import { describe, expect, it } from 'vitest';
import type { AcademicSessionView } from '../../../src-shared/contract';
import { setUniversityTimeZone, todayIso } from '../../app/university-today';
import { pickSession, sortSessions } from './grade-sessions';

const session = (id: string, startsOn: string, endsOn: string, entryOpensOn: string, entryClosesOn: string): AcademicSessionView => ({
  id,
  academicYearId: '2025-2026',
  term: 'autumn',
  facultyId: null,
  startsOn,
  endsOn,
  entryOpensOn,
  entryClosesOn,
});

const autumn = session('a', '2025-12-20', '2026-01-20', '2025-12-20', '2026-01-31');
const spring = session('s', '2026-05-20', '2026-06-20', '2026-05-20', '2026-06-30');

describe('the session the screen opens with', () => {
  it('is the one whose entry window is open today', () => {
    expect(pickSession([spring, autumn], '2026-01-25')?.id).toBe('a');
    expect(pickSession([spring, autumn], '2026-06-25')?.id).toBe('s');
  });

  it('else the latest whose entry has begun, else the first to come', () => {
    const closedEarly = session('c', '2026-12-20', '2027-01-20', '2026-11-01', '2026-11-10');
    expect(pickSession([autumn, spring, closedEarly], '2026-11-22')?.id).toBe('c');
    expect(pickSession([spring, autumn], '2026-03-01')?.id).toBe('a');
    expect(pickSession([spring, autumn], '2025-09-01')?.id).toBe('a');
    expect(pickSession([spring, autumn], '2026-09-01')?.id).toBe('s');
    expect(pickSession([], '2026-01-01')).toBeNull();
  });

  it('lists the newest first', () => {
    expect(sortSessions([autumn, spring]).map((s) => s.id)).toEqual(['s', 'a']);
  });

  it("today is the university's date, whatever zone the computer is set to", () => {
    setUniversityTimeZone('Asia/Bishkek');
    expect(todayIso(new Date('2026-01-05T19:30:00Z'))).toBe('2026-01-06');
    setUniversityTimeZone('UTC');
    expect(todayIso(new Date('2026-01-05T19:30:00Z'))).toBe('2026-01-05');
    setUniversityTimeZone('Asia/Bishkek');
  });
});
