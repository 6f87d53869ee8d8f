/**
 * The one contract between UI and main: every operation the UI can ask for, its request
 * schema (validated in main before any handler runs) and its response type. Electron IPC
 * and the browser host both carry exactly this map.
 */
import type { z } from 'zod';
import { auditContract } from './audit.contract';
import { backupContract } from './backup.contract';
import { setupContract } from './setup.contract';
import { curriculaContract } from './curricula.contract';
import { referenceContract } from './reference.contract';
import { sessionContract } from './session.contract';
import { studentsContract } from './students.contract';
import { ordersContract } from './orders.contract';
import { gradeSheetsContract } from './grade-sheets.contract';
import { gradeSessionContract } from './grade-session.contract';
import { syncContract } from './sync.contract';
import { gradingScaleContract } from './grading-scale.contract';
import { transcriptsContract } from './transcripts.contract';
import { registerContract } from './register.contract';

export const contract = {
  ...sessionContract,
  ...referenceContract,
  ...curriculaContract,
  ...studentsContract,
  ...auditContract,
  ...ordersContract,
  ...gradeSheetsContract,
  ...gradeSessionContract,
  ...syncContract,
  ...gradingScaleContract,
  ...backupContract,
  ...setupContract,
  ...transcriptsContract,
  ...registerContract,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type RequestOf<K extends OpName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends OpName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends OpName> = NonNullable<Contract[K]['response']> extends never
  ? null
  : Exclude<Contract[K]['response'], undefined>;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What travels over either transport. */
export interface CallEnvelope {
  op: string;
  payload: unknown;
  locale: string;
}

/** The bridge the renderer sees (preload's `window.unidesk`, or the HTTP client). */
export interface UniDeskBridge {
  call(envelope: CallEnvelope): Promise<import('./errors').CallResult<unknown>>;
}

export * from './errors';
export * from './common';
export type * from './session.contract';
export type * from './backup.contract';
export type * from './setup.contract';
export type * from './reference.contract';
export type * from './curricula.contract';
export type * from './students.contract';
export type * from './audit.contract';
export type * from './orders.contract';
export type * from './grade-sheets.contract';
export type * from './grade-session.contract';
export type * from './sync.contract';
export type * from './grading-scale.contract';
export type * from './transcripts.contract';
export type * from './register.contract';
export { orderItemInput } from './orders.contract';
export { studentSearchRequest, studentUpdateRequest } from './students.contract';
