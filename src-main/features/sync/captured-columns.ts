/**
 * The columns the capture triggers copy at this build's schema: migration 0010's list plus the
 * synced columns later migrations added (each of those re-creates its table's triggers).
 * Enrolment, a restored backup and the tests install triggers from this list; a test compares
 * it with the live tables, so a new synced column without new triggers cannot slip through.
 */
import { CAPTURED_COLUMNS_V10, installCaptureTriggers } from './migrations/0010-sync';
import { STUDENT_ORDER_COLUMNS_V14 } from '../orders/migrations/0014-order-basis-ru';
import { POSITION_COLUMNS_V15 } from '../orders/migrations/0015-order-visas';
import { ISSUED_DOCUMENT_COLUMNS_V16 } from '../registrar/migrations/0016-document-register';
import { STUDENT_COLUMNS_V17 } from '../students/migrations/0017-student-latin-name';

export const CAPTURED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ...CAPTURED_COLUMNS_V10,
  student_order: STUDENT_ORDER_COLUMNS_V14,
  position: POSITION_COLUMNS_V15,
  issued_document: ISSUED_DOCUMENT_COLUMNS_V16,
  student: STUDENT_COLUMNS_V17,
};

/** (Re)creates the capture triggers of every synced table for this build's columns. */
export function installCurrentCaptureTriggers(sqlite: { exec(sql: string): unknown }): void {
  installCaptureTriggers(sqlite, CAPTURED_COLUMNS);
}
