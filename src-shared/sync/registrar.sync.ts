import { registrarRows } from './registrar.rows';
import type { SyncSlice } from './sync-slice';

/** The registrar's register: every issued certificate and transcript, and their revocations. */
export const registrarSync: SyncSlice = {
  office: 'registrar',
  tables: [{ name: 'issued_document', row: registrarRows.issued_document, policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } }],
  mutations: {
    'document.issue': { permission: 'documents.issue', tables: ['issued_document'] },
    'document.revoke': { permission: 'documents.revoke', tables: ['issued_document'] },
  },
};
