import type { ExportedFile, OrderDetail, SessionUser, StudentStateView } from '../../../src-shared/contract';
import { orderVisas } from './order-visas.service';
import type { Localized } from '../../../src-shared/contract/common';
import type { Level } from '../../../src-shared/domain/enums';
import type { ExpulsionReason } from '../../../src-shared/domain/orders';
import { signatureName } from '../../../src-shared/domain/person';
import { translate } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import type { DocumentLanguage, OrderDocumentInput, OrderDocumentStudentState } from '../../documents/order-document.model';
import { renderOrderPdf } from '../../documents/order/order.pdf';
import { renderOrderXlsx } from '../../documents/order/order.xlsx';
import type { OrdersService } from './orders.service';
import { currentHolder, facultyNameRow, groupsWithSpecialty } from '../reference/reference.repository';
import { holderSignature, universityNames } from '../reference/reference.service';

const loc = (r: { name_ky: string; name_ru: string; name_en: string }): Localized => ({ ky: r.name_ky, ru: r.name_ru, en: r.name_en });

/** Resolves an order (signed, or a draft's preview) into what its document shows. */
export function orderDocumentInput(db: Database, order: OrderDetail): OrderDocumentInput {
  const faculty = order.facultyId ? facultyNameRow(db, order.facultyId) : undefined;
  const groups = new Map(groupsWithSpecialty(db).map((g) => [g.id, g]));
  const state = (s: StudentStateView | null, fallback: OrderDetail['items'][number]): OrderDocumentStudentState => {
    const v = s ?? { status: 'active', groupId: '', groupName: '', course: 1, form: 'full_time', funding: 'budget', lastName: fallback.lastName, firstName: fallback.firstName, patronymic: fallback.patronymic };
    const g = groups.get(v.groupId);
    return {
      status: v.status,
      groupName: v.groupName || g?.name || '',
      specialtyCode: g?.code ?? '',
      specialtyName: g ? loc(g) : { ky: '', ru: '', en: '' },
      level: (g?.level ?? null) as Level | null,
      course: v.course,
      form: v.form,
      funding: v.funding,
      lastName: v.lastName,
      firstName: v.firstName,
      patronymic: v.patronymic,
    };
  };
  // The rector signs student orders; the position comes from the staff records.
  const rector = currentHolder(db, 'rector');
  // a faculty's order is agreed by its dean before it goes to the rector
  const dean = order.facultyId ? holderSignature(db, 'dean', order.facultyId) : null;
  return {
    university: universityNames(db),
    faculty: faculty ? loc(faculty) : null,
    type: order.type,
    state: order.state,
    number: order.number,
    orderDate: order.orderDate,
    effectiveDate: order.effectiveDate,
    reason: order.reason,
    reasonRu: order.reasonRu,
    expulsionReason: order.expulsionReason as ExpulsionReason | null,
    cancels: order.cancels?.number && order.cancels.orderDate ? { number: order.cancels.number, orderDate: order.cancels.orderDate, type: order.cancels.type } : null,
    items: order.items.map((i) => ({
      recordBookNo: i.recordBookNo,
      before: state(i.before, i),
      after: state(i.after ?? i.before, i),
      leaveFrom: i.params.leaveFrom ?? (order.type === 'academic_leave' ? order.effectiveDate : null),
      leaveTo: i.params.leaveTo ?? null,
      honours: i.params.honours ?? false,
    })),
    signatories: rector
      ? [{ position: loc(rector), name: signatureName({ lastName: rector.last_name, firstName: rector.first_name, patronymic: rector.patronymic }) }]
      : [],
    // the faculty's dean first, then the university's offices chosen in settings
    visas: [...(dean ? [{ position: DEAN_VISA, name: dean }] : []), ...orderVisas(db)],
    executor: order.createdBy,
  };
}

/** "Декан факультета": the visa names the office, the faculty is in the order's header. */
const DEAN_VISA: Localized = { ky: translate('ky', 'doc.sheet.dean'), ru: translate('ru', 'doc.sheet.dean'), en: translate('en', 'doc.sheet.dean') };

export async function exportOrder(
  db: Database,
  orders: OrdersService,
  session: SessionUser,
  req: { id: string; format: 'pdf' | 'xlsx'; lang: DocumentLanguage },
): Promise<ExportedFile> {
  const order = orders.detail(session, req.id, req.lang);
  const input = orderDocumentInput(db, order);
  const buffer = req.format === 'pdf' ? await renderOrderPdf(input, req.lang) : await renderOrderXlsx(input, req.lang);
  const base = order.number ? `order-${order.number}-${order.orderDate}` : `order-draft-${order.id.slice(0, 8)}`;
  return {
    fileName: `${base}-${req.lang}.${req.format}`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
    mimeType: req.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
