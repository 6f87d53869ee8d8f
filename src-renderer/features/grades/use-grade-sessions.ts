import { useEffect } from 'react';
import type { AcademicSessionView } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useLoad } from '../../ui/use-load';
import { pickSession, sortSessions } from './grade-sessions';

/** The exam sessions of the user's scope; keeps the chosen one while it exists, else picks today's. */
export function useGradeSessions(sessionId: string, onSession: (update: (current: string) => string) => void) {
  // the session chosen earlier is kept when it still exists; only a reload asks again
  const loaded = useLoad(() => call('gradeSheets.sessions', {}).then((r) => sortSessions(r.rows)), []);
  useEffect(() => {
    const list = loaded.data;
    // only a new list decides, and against the choice as it is when the update applies: a session
    // picked between the list's arrival and this effect must win over today's default
    if (list) onSession((current) => (list.some((s) => s.id === current) ? current : (pickSession(list)?.id ?? '')));
  }, [loaded.data]);
  const session: AcademicSessionView | undefined = loaded.data?.find((s) => s.id === sessionId);
  return { sessions: loaded.state, session, reload: loaded.reload };
}
