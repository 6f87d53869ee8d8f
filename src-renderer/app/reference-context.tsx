import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';
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
  const scope = useLoad(() => call('reference.scope', {}), [], { enabled });
  const state = useMemo<ReferenceState>(() => {
    if (!enabled) return { phase: 'ready', index: indexScope(EMPTY_SCOPE) };
    if (scope.state.phase === 'ready') return { phase: 'ready', index: indexScope(scope.state.data) };
    if (scope.state.phase === 'error') return { phase: 'error', message: scope.state.message, retry: scope.reload };
    return { phase: 'loading' };
  }, [enabled, scope.state, scope.reload]);
  return <ReferenceContext.Provider value={state}>{children}</ReferenceContext.Provider>;
}
