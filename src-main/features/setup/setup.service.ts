/**
 * First start (issue 11, item 11): a workstation whose replica has no university offers the
 * demo university or connecting to the university's server — the administrator's sign-in, the
 * office and (for a dean's office) the faculty, then enrolment with its progress. Both run in
 * the background; the screen asks for the state. Nothing here works on a replica with data.
 */
import type { SetupFacultyView, SetupJobView, SetupStateView } from '../../../src-shared/contract';
import { deviceScopeKindOf } from '../../../src-shared/domain/scope-policy';
import type { Role } from '../../../src-shared/domain/roles';
import { translate, type Locale, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { DeviceScope, FacultiesResponse } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { generateDemo } from '../demo/demo.generator';
import { hasUniversity } from '../reference/reference.repository';
import { enrol, type SyncLoop } from '../sync/sync-engine';
import { createSyncHttp, type SyncHttp } from '../sync/sync-http';
import { serverRefusal } from '../sync/server-refusal';

interface Job extends Omit<SetupJobView, 'error'> {
  error: { key: MessageKey; values: MessageValues } | null;
}

export function createSetupService(db: Database, loop: SyncLoop | null, httpFor: (url: string) => SyncHttp = (url) => createSyncHttp(url)) {
  let job: Job | null = null;
  const running = () => job !== null && !job.finished && job.error === null;

  function view(locale: Locale): SetupStateView {
    return {
      needsSetup: running() || !hasUniversity(db),
      job: job && { ...job, error: job.error ? translate(locale, job.error.key, job.error.values) : null },
    };
  }

  /** Only an empty replica, and one thing at a time. */
  function start(kind: Job['kind'], work: (j: Job) => Promise<void>): void {
    if (running()) throw new AppError('conflict', 'setup.error.busy');
    if (hasUniversity(db)) throw new AppError('conflict', 'setup.error.notEmpty');
    const j: Job = { kind, stage: '', done: 0, total: null, finished: false, error: null };
    job = j;
    work(j).then(
      () => {
        j.finished = true;
      },
      (e: unknown) => {
        const refusal = e instanceof AppError ? e : serverRefusal(e, '');
        j.error = { key: refusal.key, values: refusal.values };
      },
    );
  }

  return {
    state: view,

    demo(locale: Locale): SetupStateView {
      start('demo', async (j) => {
        await generateDemo(db, {
          onProgress: (stage, done, total) => Object.assign(j, { stage, done, total }),
        });
      });
      return view(locale);
    },

    async faculties(req: { serverUrl: string; username: string; password: string }, locale: Locale): Promise<{ faculties: SetupFacultyView[] }> {
      if (hasUniversity(db)) throw new AppError('conflict', 'setup.error.notEmpty');
      try {
        const r = await httpFor(req.serverUrl).post<FacultiesResponse>('/v1/faculties', { username: req.username, password: req.password });
        return { faculties: r.faculties.map((f) => ({ id: f.id, code: f.code, name: f[`name_${locale}`] || f.name_ru })) };
      } catch (e) {
        throw serverRefusal(e, req.serverUrl);
      }
    },

    connect(req: { serverUrl: string; username: string; password: string; role: Role; facultyId: string | null; deviceName: string }, locale: Locale): SetupStateView {
      const kind = deviceScopeKindOf(req.role);
      if (kind === 'faculty' && !req.facultyId) throw new AppError('validation', 'setup.error.facultyNeeded', {}, [{ path: 'facultyId', key: 'setup.error.facultyNeeded' }]);
      const scope: DeviceScope = kind === 'faculty' ? { kind, facultyId: req.facultyId! } : { kind };
      start('connect', async (j) => {
        try {
          // the background sync starts only once the replica holds the server's data
          const connect = () => enrol(db, {
            serverUrl: req.serverUrl,
            username: req.username,
            password: req.password,
            deviceName: req.deviceName,
            role: req.role,
            scope,
            // an empty replica has nothing to keep; a connection cut half-way is simply made again
            force: true,
            http: httpFor(req.serverUrl),
            onProgress: (table, rows) => Object.assign(j, { stage: table, done: rows }),
          });
          await (loop ? loop.exclusive(connect) : connect());
        } catch (e) {
          throw serverRefusal(e, req.serverUrl);
        }
      });
      return view(locale);
    },
  };
}
