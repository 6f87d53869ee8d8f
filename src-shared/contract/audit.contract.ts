import { z } from 'zod';
import { id } from './common';
import { operation } from './define';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
}

export const auditContract = {
  'audit.list': operation<{ rows: AuditEntry[] }>()(
    z.object({ entityId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
  ),
};
