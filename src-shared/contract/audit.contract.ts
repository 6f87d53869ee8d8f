import { z } from 'zod';
import { id, isoDate } from './common';
import { operation } from './define';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  /** the person's name as the users list shows it */
  userName: string | null;
  action: string;
  entity: string;
  entityId: string;
  /**
   * What the entry is about, named for people: a student's full name, "№ 12-п" for an order
   * (null for a draft without a number), "№ 26-00042" for a sheet, "№ 26-00042 · name" for a
   * grade, a group's name; null when the record is gone or the kind has no name.
   */
  objectName: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export const auditContract = {
  'audit.list': operation<{ rows: AuditEntry[] }>()(
    z.object({
      entityId: id.optional(),
      /** who did it */
      userId: id.optional(),
      /** an action or its family: "order" matches order.sign, order.create… */
      action: z.string().regex(/^[a-zA-Z_.]{1,60}$/).optional(),
      entity: z.string().regex(/^[a-z_]{1,40}$/).optional(),
      /** ISO dates, inclusive, in the university's calendar */
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'audit.users': operation<{ rows: { id: string; username: string; name: string }[] }>()(z.object({})),
};
