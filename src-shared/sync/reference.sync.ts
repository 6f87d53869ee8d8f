import type { SyncSlice } from './sync-slice';

/** The university's structure, people who sign, accounts and the academic calendar. */
export const referenceSync: SyncSlice = {
  office: 'reference',
  tables: [
    { name: 'university', policy: 'reference', scope: { kind: 'university' } },
    { name: 'faculty', policy: 'reference', scope: { kind: 'university' } },
    { name: 'chair', policy: 'reference', scope: { kind: 'university' } },
    { name: 'specialty', policy: 'reference', scope: { kind: 'university' } },
    // groups belong to a faculty: a student's faculty is found through its group
    { name: 'student_group', policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } },
    { name: 'app_user', policy: 'reference', scope: { kind: 'university' } },
    { name: 'position', policy: 'reference', scope: { kind: 'university' } },
    { name: 'staff', policy: 'field-merge', scope: { kind: 'university' } },
    { name: 'staff_position', policy: 'field-merge', scope: { kind: 'university' } },
  ],
  mutations: {},
};
