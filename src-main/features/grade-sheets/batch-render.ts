import type { SessionUser } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import type { DocumentLanguage } from '../../documents/order-document.model';
import { exportGradeSheet } from './grade-sheet-document';
import { createGradeSheetsService } from './grade-sheets.service';

export interface BatchJob {
  /** this worker's share of the sheets */
  ids: string[];
  format: 'pdf' | 'xlsx';
  lang: DocumentLanguage;
  blank: boolean;
}

/** Batch jobs read the whole replica as the administrator would; they write nothing. */
export const BATCH_READER: SessionUser = { id: 'batch', username: 'batch', displayName: 'batch', role: 'admin', facultyId: null };

/** Renders sheets one by one, handing each file over as soon as it exists. */
export async function renderSheets(
  db: Database,
  job: BatchJob,
  onFile: (file: { name: string; data: Uint8Array }) => void,
): Promise<void> {
  const sheets = createGradeSheetsService(db);
  for (const id of job.ids) {
    const f = await exportGradeSheet(db, sheets, BATCH_READER, { id, format: job.format, lang: job.lang, blank: job.blank });
    onFile({ name: f.fileName, data: Buffer.from(f.base64, 'base64') });
  }
}
