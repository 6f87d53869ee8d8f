import { calendarRows } from './curricula.rows';
import type { SyncSlice } from './sync-slice';

/** Academic years, exam sessions and the grading scale's versions (the administrator's). */
export const gradingCalendarSync: SyncSlice = {
  office: 'grade-sheets (calendar and scale)',
  tables: [
    { name: 'academic_year', row: calendarRows.academic_year, policy: 'append', scope: { kind: 'university' } },
    { name: 'academic_session', row: calendarRows.academic_session, policy: 'reference', scope: { kind: 'university' } },
    { name: 'grading_scale', row: calendarRows.grading_scale, policy: 'append', scope: { kind: 'university' } },
  ],
  mutations: {
    'grading_scale.save': { permission: 'grades.scale', tables: ['grading_scale', 'academic_year'] },
    'academic_year.add': { permission: 'grades.scale', tables: ['academic_year'] },
  },
};
