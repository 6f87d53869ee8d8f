import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { fullName } from '../../../src-shared/domain/person';
import { call, errorMessage } from '../../api/client';
import { evaluateRow, gridColumns, sheetScale, type RowEval, type RowTexts } from './grade-cells';
import { rowTexts } from './grade-draft';
import { GradeSaver, type SaverSnapshot } from './grade-saver';
import { localStorageOrNull } from '../../ui/local-store';

/** One row of the grid as shown: what the server has, with the unsaved edits on top, graded live. */
export interface GridRow {
  studentId: string;
  position: number;
  name: string;
  recordBookNo: string;
  texts: RowTexts;
  ev: RowEval;
  /** the server's refusals of this row's cells */
  server: Record<string, string>;
  /** the texts typed and not yet saved, or null */
  edited: RowTexts | null;
}

type Load = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; saver: GradeSaver };

/** Loads a sheet and starts its autosave; the saver outlives the grid to finish a save on its way. */
export function useGradeSheetLoader(id: string) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let saver: GradeSaver | null = null;
    setLoad({ phase: 'loading' });
    call('gradeSheets.get', { id }).then(
      (detail) => {
        if (!live) return;
        saver = new GradeSaver(detail, {
          send: (req) => call('gradeSheets.setGrades', req),
          reload: () => call('gradeSheets.get', { id }),
          storage: localStorageOrNull(),
        });
        setLoad({ phase: 'ready', saver });
      },
      (e: unknown) => live && setLoad({ phase: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
      // sends what is left; its answer updates localStorage even though nobody looks any more
      saver?.dispose();
    };
  }, [id, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { load, retry };
}

/** The saver's state and the grid rows computed from it. */
export function useGradeSheet(saver: GradeSaver) {
  const snap: SaverSnapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);
  const { detail, edits, serverProblems } = snap;
  const columns = useMemo(() => gridColumns(detail.parts), [detail.parts]);
  const rows: GridRow[] = useMemo(() => {
    const scale = sheetScale(detail);
    return detail.rows.map((r) => {
      const texts = rowTexts(r, columns, edits);
      return {
        studentId: r.studentId,
        position: r.position,
        name: fullName(r),
        recordBookNo: r.recordBookNo,
        texts,
        ev: evaluateRow(scale, texts),
        server: serverProblems[r.studentId] ?? {},
        edited: edits[r.studentId] ?? null,
      };
    });
  }, [detail, columns, edits, serverProblems]);
  return { snap, detail, columns, rows };
}
