/**
 * One way to load data for a screen: the current request's answer only (an answer to an older
 * request that arrives late is dropped), loading and error states, and reload. Replaces the
 * per-screen `Load` unions and their stale-response guards.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

export type Loaded<T> = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; data: T };

export interface LoadResult<T> {
  state: Loaded<T>;
  /** the data once loaded, else null */
  data: T | null;
  /** asks again (after an error, or after a change made elsewhere on the screen) */
  reload(): void;
  /** replaces the data in place (e.g. with the answer of a save) without asking again */
  set(data: T): void;
}

/**
 * Runs `load` when any of `deps` changes (and on reload); `load` may be async. With
 * `enabled: false` nothing is asked and the state stays as it is; with `keepPrevious` the
 * last answer stays until the next one arrives.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], opts: { enabled?: boolean; keepPrevious?: boolean } = {}): LoadResult<T> {
  const [state, setState] = useState<Loaded<T>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const enabled = opts.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    const ticket = ++latest.current;
    // search-as-you-type keeps the last answer on screen until the next one arrives
    if (!opts.keepPrevious) setState({ phase: 'loading' });
    load().then(
      (data) => ticket === latest.current && setState({ phase: 'ready', data }),
      (e: unknown) => ticket === latest.current && setState({ phase: 'error', message: errorMessage(e) }),
    );
    return () => {
      // a request still in flight when the inputs change or the screen closes is forgotten
      if (ticket === latest.current) latest.current++;
    };
    // `load` is rebuilt on each render; its inputs are `deps`
  }, [...deps, attempt, enabled]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((data: T) => setState({ phase: 'ready', data }), []);
  return { state, data: state.phase === 'ready' ? state.data : null, reload, set };
}
