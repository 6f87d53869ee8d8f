import { studentSearchText } from '../domain/search-text';
import { studentsRows } from './students.rows';
import type { SyncSlice } from './sync-slice';

/** Students and their orders with the history those write (students' HR, dean's offices). */
export const studentsSync: SyncSlice = {
  office: 'students and orders',
  tables: [
    { name: 'student', row: studentsRows.student, policy: 'field-merge', scope: { kind: 'via', column: 'group_id', table: 'student_group' }, contractColumn: 'funding',
      derive: (r) => {
        r.search_text = studentSearchText(r as Parameters<typeof studentSearchText>[0]);
      },
    },
    { name: 'student_order', row: studentsRows.student_order, policy: 'versioned', scope: { kind: 'column', column: 'faculty_id' } },
    { name: 'student_order_item', row: studentsRows.student_order_item, policy: 'versioned', scope: { kind: 'via', column: 'order_id', table: 'student_order' } },
    { name: 'student_status_history', row: studentsRows.student_status_history, policy: 'append', scope: { kind: 'via', column: 'student_id', table: 'student' } },
  ],
  mutations: {
    'student.update': { permission: 'students.write', tables: ['student'] },
    'order.save': { permission: 'orders.draft', tables: ['student_order', 'student_order_item'] },
    'order.delete': { permission: 'orders.draft', tables: ['student_order', 'student_order_item'] },
    // an order dated ahead comes into force: the student row becomes its history row (re-checked by the server)
    'order.inForce': { permission: 'students.write', tables: ['student', 'student_group'] },
    'order.sign': {
      permission: 'orders.sign',
      tables: ['student_order', 'student_order_item', 'student', 'student_status_history', 'student_group'],
    },
  },
};
