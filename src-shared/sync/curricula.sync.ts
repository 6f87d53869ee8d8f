import { curriculaRows } from './curricula.rows';
import type { SyncSlice } from './sync-slice';

/** The teaching department's curricula and disciplines. */
export const curriculaSync: SyncSlice = {
  office: 'curricula',
  tables: [
    { name: 'discipline', row: curriculaRows.discipline, policy: 'reference', scope: { kind: 'university' } },
    { name: 'curriculum', row: curriculaRows.curriculum, policy: 'reference', scope: { kind: 'university' } },
    { name: 'curriculum_item', row: curriculaRows.curriculum_item, policy: 'reference', scope: { kind: 'university' } },
  ],
  mutations: {
    'curriculum.create': { permission: 'curricula.edit', tables: ['curriculum', 'curriculum_item'] },
    'curriculum_item.set': { permission: 'curricula.edit', tables: ['curriculum_item'] },
    'curriculum_item.remove': { permission: 'curricula.edit', tables: ['curriculum_item'] },
    'discipline.create': { permission: 'curricula.edit', tables: ['discipline'] },
  },
};
