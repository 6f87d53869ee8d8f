/**
 * Row density (issue 12, item 20): compact rows put 20 students and 15 grid rows on a
 * 1366×768 office screen. The choice is remembered on this computer; with none, a window
 * under 820 px high starts compact. CSS follows `data-density` on the document element.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { localStorageOrNull } from '../ui/local-store';

export type Density = 'comfortable' | 'compact';
export const DENSITY_STORAGE = 'unidesk.density';
/** below this window height the default is compact */
const COMPACT_BELOW = 820;

export function readDensity(storage: Pick<Storage, 'getItem'> | null, windowHeight: number): Density {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(DENSITY_STORAGE) ?? null;
  } catch {
    // storage may be disabled: fall back to the window's height
  }
  if (stored === 'compact' || stored === 'comfortable') return stored;
  return windowHeight < COMPACT_BELOW ? 'compact' : 'comfortable';
}

/** Row and sticky-header heights of the virtualized lists, which place rows without measuring them (CSS matches). */
export const LIST_METRICS = {
  students: { comfortable: { row: 32, header: 36 }, compact: { row: 24, header: 28 } },
  grades: { comfortable: { row: 30, header: 38 }, compact: { row: 24, header: 34 } },
} as const;

interface DensityValue {
  density: Density;
  setDensity(d: Density): void;
}

const DensityContext = createContext<DensityValue>({ density: 'comfortable', setDensity: () => undefined });

export function DensityProvider({ children }: { children: ReactNode }) {
  const [density, set] = useState<Density>(() => readDensity(localStorageOrNull(), window.innerHeight));
  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);
  const setDensity = useCallback((d: Density) => {
    set(d);
    try {
      localStorageOrNull()?.setItem(DENSITY_STORAGE, d);
    } catch {
      // not remembered: the choice lasts for this window
    }
  }, []);
  const value = useMemo(() => ({ density, setDensity }), [density, setDensity]);
  return <DensityContext.Provider value={value}>{children}</DensityContext.Provider>;
}

export function useDensity(): DensityValue {
  return useContext(DensityContext);
}

/** A virtualized list's row and header heights at the current density. */
export function useListMetrics(list: keyof typeof LIST_METRICS): { row: number; header: number } {
  return LIST_METRICS[list][useDensity().density];
}

/** The topbar's "Compact rows" toggle. */
export function DensitySwitch() {
  const intl = useIntl();
  const { density, setDensity } = useDensity();
  const compact = density === 'compact';
  return (
    <button
      type="button"
      className={compact ? 'btn btn-quiet density-switch density-switch-on' : 'btn btn-quiet density-switch'}
      aria-pressed={compact}
      onClick={() => setDensity(compact ? 'comfortable' : 'compact')}
      title={intl.formatMessage({ id: 'density.hint' })}
      data-testid="density-switch"
    >
      {intl.formatMessage({ id: 'density.compact' })}
    </button>
  );
}
