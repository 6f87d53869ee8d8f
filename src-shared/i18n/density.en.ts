/** Row density of lists and the grade grid, English. Keys are those of density.ru.ts. */
import type { densityRu } from './density.ru';

export const densityEn: Record<keyof typeof densityRu, string> = {
  'density.compact': 'Compact',
  'density.hint': 'Compact rows: more students and grades on the screen',
  'density.resize': 'Card width: drag, or press ← →',
};
