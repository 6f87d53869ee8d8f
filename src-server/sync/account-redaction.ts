/**
 * Accounts reach every device (grades, orders and sheets name who made them), but a password
 * hash only reaches the workstations where that account may sign in: the same role, and for a
 * dean's office the same faculty. Elsewhere the hash is replaced by a marker that never
 * verifies, so a stolen clerk's laptop holds no administrator's hash to crack offline.
 */
import type { DeviceScope } from '../../src-shared/sync/protocol';
import { NOT_ON_THIS_WORKSTATION } from '../../src-shared/sync/reference.rows';
import type { Row } from './scope';

export interface DeviceIdentity {
  role: string;
  scope: DeviceScope;
}

export function maySignInOn(device: DeviceIdentity, account: Row): boolean {
  if (account.role !== device.role) return false;
  return device.scope.kind !== 'faculty' || account.faculty_id === device.scope.facultyId;
}

/** The row as this device may hold it. */
export function forDevice(device: DeviceIdentity, table: string, row: Row): Row {
  if (table !== 'app_user' || maySignInOn(device, row)) return row;
  return { ...row, password_hash: NOT_ON_THIS_WORKSTATION };
}
