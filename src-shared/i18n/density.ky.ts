/** Row density of lists and the grade grid, Kyrgyz. Keys are those of density.ru.ts. */
import type { densityRu } from './density.ru';

export const densityKy: Record<keyof typeof densityRu, string> = {
  'density.compact': 'Тыгыз',
  'density.hint': 'Тыгыз саптар: экранга көбүрөөк студент жана баа батат',
  'density.resize': 'Карточканын туурасы: сүйрөңүз же ← → басыңыз',
};
