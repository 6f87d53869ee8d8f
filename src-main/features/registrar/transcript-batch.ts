/**
 * Transcripts in bulk (issue 13): a whole group, or everyone who graduated in a year, into one
 * ZIP or a folder, rendered in worker threads with progress and cancel — the same job registry
 * as a session's grade sheets. A dean's office prints its own faculty's; students with no
 * closed grade yet have no transcript and are counted as skipped.
 */
import type { BatchJobView, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { compareNames } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { createJobRegistry, workerBundle } from '../../documents/batch-job-registry';
import type { TranscriptLanguage } from '../../documents/transcript-document.model';
import { AppError, forbidden } from '../../host/app-error';
import { universityToday } from '../../platform/university-clock';
import { assertInScope, scopeFor } from '../scope';
import { renderTranscript, transcriptFileName, transcriptInput } from './transcript-document';
import { groupFaculty, studentsForTranscripts } from './transcript.repository';

export interface TranscriptJob {
  ids: string[];
  lang: TranscriptLanguage;
  format: 'pdf' | 'xlsx';
  /** the day the batch was started: every transcript of it carries the same date */
  issuedOn: string;
}

/** Batch workers read the replica as the registrar would; they write nothing. */
const BATCH_READER: SessionUser = { id: 'batch', username: 'batch', displayName: 'batch', role: 'registrar', facultyId: null };

/** Renders transcripts one by one (in a worker), handing each file over as soon as it exists. */
export async function renderTranscripts(db: Database, job: TranscriptJob, onFile: (file: { name: string; data: Uint8Array }) => void): Promise<void> {
  for (const id of job.ids) {
    const input = transcriptInput(db, BATCH_READER, id, job.issuedOn);
    // the batch prints what the registrar signs by hand: no printed signatory name
    const data = await renderTranscript({ ...input, registrar: null }, job.lang, job.format);
    onFile({ name: transcriptFileName(input, job.lang, job.format), data });
  }
}

export function createTranscriptBatches(db: Database, opts: { exportsDir?: string; workerFile?: string; today?: () => string } = {}) {
  const registry = createJobRegistry(db.file, opts.exportsDir);
  const today = opts.today ?? (() => universityToday());
  return {
    ...registry,
    start(session: SessionUser, req: ParsedRequestOf<'transcripts.batchStart'>): BatchJobView {
      if (!can(session.role, 'grades.read')) throw forbidden();
      let all: ReturnType<typeof studentsForTranscripts>;
      let name: string;
      if (req.groupId !== undefined) {
        const group = groupFaculty(db, req.groupId);
        if (!group) throw new AppError('not_found', 'error.transcript.noGroup');
        assertInScope(session, 'gradeSheets', 'read', { facultyId: group.faculty_id }, 'error.transcript.scope');
        all = studentsForTranscripts(db, { groupId: group.id });
        name = `transcripts-${group.name}-${req.lang}-${req.format}`;
      } else {
        // a dean's office: its own faculty's graduates
        const scope = scopeFor(session, 'gradeSheets', 'read');
        all = studentsForTranscripts(db, { graduatedIn: req.graduatedIn!, facultyId: scope.kind === 'faculty' ? scope.facultyId : null });
        name = `transcripts-graduates-${req.graduatedIn}-${req.lang}-${req.format}`;
      }
      const rows = all.filter((r) => Boolean(r.has_grades));
      if (rows.length === 0) throw new AppError('conflict', 'error.transcript.batchEmpty');
      const names = (r: (typeof rows)[number]) => ({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic });
      rows.sort((a, b) => compareNames(names(a), names(b)));
      const job: Omit<TranscriptJob, 'ids'> = { lang: req.lang, format: req.format, issuedOn: today() };
      return registry.launch(session, { ids: rows.map((r) => r.id), job, name, zip: req.zip, workerFile: opts.workerFile ?? workerBundle('transcript-batch'), skipped: all.length - rows.length });
    },
  };
}
