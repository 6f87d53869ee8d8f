import { useEffect, useState } from 'react';
import type { AcademicSessionView } from '../../../src-shared/contract';
import { call, isApiError } from '../../api/client';
import { pickSession, sortSessions } from './grade-sessions';

export type Load<T> = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: T };
export const errorText = (e: unknown) => (isApiError(e) ? e.message : String(e));

/** The exam sessions of the user's scope; keeps the chosen one while it exists, else picks today's. */
export function useGradeSessions(sessionId: string, onSession: (id: string) => void) {
  const [sessions, setSessions] = useState<Load<AcademicSessionView[]>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    call('gradeSheets.sessions', {}).then(
      (r) => {
        if (!live) return;
        setSessions({ phase: 'ready', data: sortSessions(r.rows) });
        if (!r.rows.some((s) => s.id === sessionId)) onSession(pickSession(r.rows)?.id ?? '');
      },
      (e: unknown) => live && setSessions({ phase: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
    // the session chosen earlier is kept when it still exists; only a reload asks again
  }, [attempt]);
  const session = sessions.phase === 'ready' ? sessions.data.find((s) => s.id === sessionId) : undefined;
  return { sessions, session, reload: () => setAttempt((a) => a + 1) };
}
