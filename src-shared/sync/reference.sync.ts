import { referenceRows } from './reference.rows';
import type { SyncSlice } from './sync-slice';

/** The university's structure, people who sign, accounts and the academic calendar. */
export const referenceSync: SyncSlice = {
  office: 'reference',
  tables: [
    { name: 'university', row: referenceRows.university, policy: 'reference', scope: { kind: 'university' } },
    { name: 'faculty', row: referenceRows.faculty, policy: 'reference', scope: { kind: 'university' } },
    { name: 'chair', row: referenceRows.chair, policy: 'reference', scope: { kind: 'university' } },
    { name: 'specialty', row: referenceRows.specialty, policy: 'reference', scope: { kind: 'university' } },
    // groups belong to a faculty: a student's faculty is found through its group
    { name: 'student_group', row: referenceRows.student_group, policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } },
    { name: 'app_user', row: referenceRows.app_user, policy: 'reference', scope: { kind: 'university' } },
    { name: 'position', row: referenceRows.position, policy: 'reference', scope: { kind: 'university' } },
    { name: 'staff', row: referenceRows.staff, policy: 'field-merge', scope: { kind: 'university' } },
    { name: 'staff_position', row: referenceRows.staff_position, policy: 'field-merge', scope: { kind: 'university' } },
  ],
  mutations: {
    // which positions visa students' orders, in order (settings: src-main/features/orders/order-visas.service.ts)
    'orders.visas': { permission: 'documents.settings', tables: ['position'] },
  },
};
