import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { call, isApiError } from '../api/client';
import { EMPTY_SCOPE, indexScope, type ReferenceIndex } from './reference-index';

type ReferenceState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string; retry(): void }
  | { phase: 'ready'; index: ReferenceIndex };

const ReferenceContext = createContext<ReferenceState>({ phase: 'ready', index: indexScope(EMPTY_SCOPE) });

export function useReference(): ReferenceState {
  return useContext(ReferenceContext);
}

/** Loads `reference.scope` once per signed-in user (only for roles that use it). */
export function ReferenceProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const [state, setState] = useState<ReferenceState>(() =>
    enabled ? { phase: 'loading' } : { phase: 'ready', index: indexScope(EMPTY_SCOPE) },
  );

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ phase: 'loading' });
    call('reference.scope', {}).then(
      (scope) => live && setState({ phase: 'ready', index: indexScope(scope) }),
      (e: unknown) => live && setState({ phase: 'error', message: isApiError(e) ? e.message : String(e), retry }),
    );
    return () => {
      live = false;
    };
  }, [enabled, attempt, retry]);

  return <ReferenceContext.Provider value={state}>{children}</ReferenceContext.Provider>;
}
