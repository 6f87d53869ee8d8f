import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudentRow } from '../../../src-shared/contract';
import { call, errorMessage } from '../../api/client';
import { PageCache } from './page-cache';
import { criteriaKey, type StudentCriteria } from './student-filters';

export const PAGE_SIZE = 200;

export interface StudentPages {
  /** null while the first page of the current search is on its way */
  total: number | null;
  /** bumps whenever new rows arrive, so rows read through `row()` re-render */
  version: number;
  error: string | null;
  row(index: number): StudentRow | undefined;
  /** asks for the pages that hold rows first..last (inclusive) unless already there */
  ensureRange(first: number, last: number): void;
  retry(): void;
  /** puts a saved student's new values into the cached rows */
  replaceRow(row: StudentRow): void;
}

/** The students search as an on-demand list: first page gives the total, the rest come as they scroll into view. */
export function useStudentPages(criteria: StudentCriteria): StudentPages {
  const cacheRef = useRef<PageCache<StudentRow>>(null);
  if (!cacheRef.current) cacheRef.current = new PageCache<StudentRow>(PAGE_SIZE);
  const cache = cacheRef.current;
  const criteriaRef = useRef(criteria);
  const key = criteriaKey(criteria);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(
    (page: number) => {
      const generation = cache.begin(page);
      call('students.search', { ...criteriaRef.current, offset: cache.offsetOf(page), limit: PAGE_SIZE }).then(
        (res) => {
          if (!cache.complete(generation, page, res.total, res.rows)) return;
          setTotal(res.total);
          setVersion((v) => v + 1);
        },
        (e: unknown) => {
          if (!cache.fail(generation, page)) return;
          setError(errorMessage(e));
        },
      );
    },
    [cache],
  );

  useEffect(() => {
    criteriaRef.current = criteria;
    cache.reset();
    setTotal(null);
    setError(null);
    setVersion((v) => v + 1);
    load(0);
    // `key` stands for `criteria`: a new object with the same content must not search again
  }, [key, attempt, cache, load]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (cache.total === null) return; // the first page is on its way and will tell the total
      for (const p of cache.missingPages(first, last)) load(p);
    },
    [cache, load],
  );

  const row = useCallback((index: number) => cache.get(index), [cache]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const replaceRow = useCallback(
    (updated: StudentRow) => {
      if (cache.replaceWhere((r) => r.id === updated.id, (r) => ({ ...r, ...pickRow(updated) })) > 0) {
        setVersion((v) => v + 1);
      }
    },
    [cache],
  );

  return { total, version, error, row, ensureRange, retry, replaceRow };
}

/** Only the row's own fields (a card carries more: history, warnings…). */
function pickRow(s: StudentRow): StudentRow {
  return {
    id: s.id,
    lastName: s.lastName,
    firstName: s.firstName,
    patronymic: s.patronymic,
    recordBookNo: s.recordBookNo,
    pin: s.pin,
    groupId: s.groupId,
    facultyId: s.facultyId,
    specialtyId: s.specialtyId,
    course: s.course,
    form: s.form,
    funding: s.funding,
    status: s.status,
    citizenship: s.citizenship,
  };
}
