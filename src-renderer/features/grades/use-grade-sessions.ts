import { useEffect } from 'react';
import type { AcademicSessionView } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useLoad } from '../../ui/use-load';
import { pickSession, sortSessions } from './grade-sessions';

/** The exam sessions of the user's scope; keeps the chosen one while it exists, else picks today's. */
export function useGradeSessions(sessionId: string, onSession: (id: string) => void) {
  // the session chosen earlier is kept when it still exists; only a reload asks again
  const loaded = useLoad(() => call('gradeSheets.sessions', {}).then((r) => sortSessions(r.rows)), []);
  useEffect(() => {
    if (loaded.data && !loaded.data.some((s) => s.id === sessionId)) onSession(pickSession(loaded.data)?.id ?? '');
    // only a new list decides; the user's own choice is not second-guessed
  }, [loaded.data]);
  const session: AcademicSessionView | undefined = loaded.data?.find((s) => s.id === sessionId);
  return { sessions: loaded.state, session, reload: loaded.reload };
}
