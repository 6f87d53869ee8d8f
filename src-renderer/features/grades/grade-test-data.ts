/** A small sheet for the tests: the default 30 + 30 + 40 split, three students. */
import type { GradeRowView, GradeSheetDetail } from '../../../src-shared/contract';
import { DEFAULT_SCALE } from '../../../src-shared/domain/grading';

export function testRow(studentId: string, position: number, parts: Record<string, number | null> = {}, mark: GradeRowView['mark'] = null): GradeRowView {
  return {
    studentId,
    position,
    lastName: `Last${position}`,
    firstName: 'First',
    patronymic: null,
    sex: 'M',
    recordBookNo: `RB-${position}`,
    parts,
    mark,
    total: null,
    letter: null,
    traditional: null,
    status: 'incomplete',
    problems: [],
    version: 1,
  };
}

export function testSheet(patch: Partial<GradeSheetDetail> = {}): GradeSheetDetail {
  return {
    id: 'sheet-1',
    number: '25-00001',
    kind: 'main',
    attempt: 1,
    state: 'open',
    groupId: 'g1',
    groupName: 'ИВТ-1-24',
    discipline: { ky: 'Математика', ru: 'Математика', en: 'Mathematics' },
    controlForm: 'exam',
    credits: 5,
    students: 3,
    graded: 0,
    version: 1,
    academicYearId: '2025-2026',
    semester: 1,
    parts: DEFAULT_SCALE.parts.map((p) => ({ key: p.key, max: p.max, kind: p.kind, label: { ...p.label } })),
    bands: DEFAULT_SCALE.bands.map((b) => ({ ...b })),
    admissionThreshold: 30,
    creditTestPassMark: 50,
    entryOpen: true,
    entryWindow: { opensOn: '2026-01-05', closesOn: '2026-01-25' },
    exceptions: [],
    examiner: null,
    examDate: null,
    rows: [testRow('s1', 1, { m1: 20 }), testRow('s2', 2), testRow('s3', 3)],
    ...patch,
  };
}

/** An in-memory localStorage. */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}
