/** Row density of lists and the grade grid, Russian (the reference catalog). */
export const densityRu = {
  'density.compact': 'Компактно',
  'density.hint': 'Плотные строки: больше студентов и оценок на экране',
  'density.resize': 'Ширина карточки: перетащите или нажмите ← →',
} as const;
