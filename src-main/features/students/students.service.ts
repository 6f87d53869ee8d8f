import { universityToday } from '../../platform/university-clock';
import type {
  SessionUser,
  StudentCard,
  StudentSearchResult,
  StudentUpdateResult,
  ParsedRequestOf,
} from '../../../src-shared/contract';
import type { BaseEducation, Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import { checkPin } from '../../../src-shared/domain/pin';
import type { Sex } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import { assertInScope, scopeFor } from '../scope';
import type { Database } from '../../db/connection';
import { AppError, forbidden, notFound } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { NameOrder, SearchCache } from './name-order';
import {
  findMatchingIds,
  loadAllNames,
  loadHistory,
  loadRows,
  loadStudent,
  countryExists,
  recordBookTaken,
  updateStudent,
  changeStamp,
  toStudentRow,
  type StudentFull,
} from './students.repository';
import { studentSearchText } from '../../../src-shared/domain/search-text';

type SearchRequest = ParsedRequestOf<'students.search'>;
type UpdateRequest = ParsedRequestOf<'students.update'>;

const FLAG_COLUMNS = {
  disability: 'flag_disability',
  orphan: 'flag_orphan',
  targeted: 'flag_targeted',
  dormitory: 'flag_dormitory',
  quotaForeigner: 'flag_quota_foreigner',
} as const;

/** A student row as the scope policy sees it: the faculty of its group, and its funding. */
const scoped = (s: { faculty_id: string; funding: string }) => ({ facultyId: s.faculty_id, funding: s.funding });

function toCard(s: StudentFull, history: StudentCard['history']): StudentCard {
  return {
    ...toStudentRow(s),
    sex: s.sex as Sex,
    birthDate: s.birth_date,
    latinName: s.latin_name,
    baseEducation: s.base_education as BaseEducation,
    admissionYear: s.admission_year,
    flags: {
      disability: s.flag_disability === 1,
      orphan: s.flag_orphan === 1,
      targeted: s.flag_targeted === 1,
      dormitory: s.flag_dormitory === 1,
      quotaForeigner: s.flag_quota_foreigner === 1,
    },
    version: s.version,
    history,
    pinWarnings: s.pin ? checkPin(s.pin, { sex: s.sex as Sex, birthDate: s.birth_date }) : [],
  };
}

export function createStudentsService(db: Database, today: () => string = () => universityToday()) {
  const order = new NameOrder(
    () => changeStamp(db),
    () => loadAllNames(db),
  );
  const recent = new SearchCache();

  async function loadInScope(session: SessionUser, id: string): Promise<StudentFull> {
    scopeFor(session, 'students', 'read');
    const s = loadStudent(db, id);
    if (!s) throw notFound('error.notFound.student');
    assertInScope(session, 'students', 'read', scoped(s), 'error.forbidden.scope');
    return s;
  }

  return {
    async search(session: SessionUser, req: SearchRequest): Promise<StudentSearchResult> {
      const scope = scopeFor(session, 'students', 'read');
      const { offset: _o, limit: _l, ...filter } = req;
      const key = JSON.stringify([scope, filter]);
      const stamp = changeStamp(db);
      let ids = recent.get(key, stamp);
      if (!ids) {
        const found = findMatchingIds(db, scope, filter);
        const sorted = await order.sort(found.ids);
        // spelled as typed first ("Жеңиш" for "жеңиш"), then what a keyboard without ң found
        ids = found.exact.size === sorted.length ? sorted : [...sorted.filter((id) => found.exact.has(id)), ...sorted.filter((id) => !found.exact.has(id))];
        recent.set(key, stamp, ids);
      }
      const pageIds = ids.slice(req.offset, req.offset + req.limit);
      const rows = loadRows(db, pageIds);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        total: ids.length,
        offset: req.offset,
        rows: pageIds.map((id) => toStudentRow(byId.get(id)!)),
      };
    },

    async get(session: SessionUser, id: string): Promise<StudentCard> {
      const s = await loadInScope(session, id);
      return toCard(s, loadHistory(db, id, today()));
    },

    /**
     * Corrects personal fields. Status, group, course, form, funding and names change only by
     * orders (DOMAIN.md §4); a ПИН that disagrees with sex or birth date is saved with warnings.
     */
    async update(session: SessionUser, req: UpdateRequest): Promise<StudentUpdateResult> {
      if (!can(session.role, 'students.write')) throw forbidden();
      withWrite(db, session, (w) => {
        scopeFor(session, 'students', 'write');
        const s = loadStudent(db, req.id);
        if (!s) throw notFound('error.notFound.student');
        assertInScope(session, 'students', 'write', scoped(s), 'error.forbidden.scope');
        if (s.version !== req.version) throw new AppError('conflict', 'error.conflict.staleVersion');
        const c = req.changes;
        const next: Record<string, string | number | null> = {};
        if (c.recordBookNo !== undefined) next.record_book_no = c.recordBookNo;
        if (c.pin !== undefined) next.pin = c.pin;
        if (c.birthDate !== undefined) next.birth_date = c.birthDate;
        if (c.latinName !== undefined) next.latin_name = c.latinName;
        if (c.citizenship !== undefined) next.citizenship = c.citizenship;
        if (c.baseEducation !== undefined) next.base_education = c.baseEducation;
        for (const [flag, column] of Object.entries(FLAG_COLUMNS)) {
          const v = c.flags?.[flag as keyof typeof FLAG_COLUMNS];
          if (v !== undefined) next[column] = v ? 1 : 0;
        }
        const current = s as unknown as Record<string, unknown>;
        const oldValue: Record<string, unknown> = {};
        const newValue: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(next)) {
          if (current[k] !== v) {
            oldValue[k] = current[k];
            newValue[k] = v;
          }
        }
        if (Object.keys(newValue).length === 0) return;
        if (newValue.record_book_no !== undefined) {
          if (recordBookTaken(db, String(newValue.record_book_no), s.id)) {
            const values = { value: String(newValue.record_book_no) };
            throw new AppError('conflict', 'error.conflict.recordBookTaken', values, [
              { path: 'changes.recordBookNo', key: 'error.conflict.recordBookTaken', values },
            ]);
          }
        }
        if (newValue.citizenship !== undefined) {
          if (!countryExists(db, String(newValue.citizenship)))
            throw new AppError('validation', 'error.validation', {}, [{ path: 'changes.citizenship', key: 'field.invalid' }]);
        }
        const merged = { ...s, ...newValue } as StudentFull;
        updateStudent(w, s.id, s.version, { ...newValue, search_text: studentSearchText(merged), version: s.version + 1, updated_at: w.now });
        w.audit({ action: 'student.update', entity: 'student', entityId: s.id, oldValue, newValue });
        w.outbox({
          name: 'student.update',
          entity: 'student',
          entityId: s.id,
          payload: { id: s.id, changes: newValue },
          baseVersion: s.version,
        });
      });
      return { student: await this.get(session, req.id) };
    },
  };
}

export type StudentsService = ReturnType<typeof createStudentsService>;
export type { StudentStatus, StudyForm, Funding };
