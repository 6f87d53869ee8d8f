import { describe, expect, it } from 'vitest';
import {
  bandOf,
  canRetake,
  creditTestPassed,
  DEFAULT_SCALE,
  finalAttempt,
  gpa,
  gradeRow,
  MARK_FIELD,
  parsePoints,
  validateScale,
  type GradeBand,
  type GradingScale,
} from './grading';

const S = DEFAULT_SCALE;
const row = (parts: Record<string, number | null | undefined>, mark: 'absent' | 'not_admitted' | null = null) =>
  gradeRow(S, { parts, mark });

/** An "86/76/60" scale as another Kyrgyz university publishes it (DOMAIN.md §3). */
const OTHER: GradingScale = {
  bands: [
    { min: 86, max: 100, letter: 'A', gpa: 400, traditional: 5, outcome: 'pass' },
    { min: 76, max: 85, letter: 'B', gpa: 300, traditional: 4, outcome: 'pass' },
    { min: 60, max: 75, letter: 'C', gpa: 200, traditional: 3, outcome: 'pass' },
    { min: 0, max: 59, letter: 'F', gpa: 0, traditional: 2, outcome: 'retake' },
  ],
  parts: [
    { key: 'rk1', max: 25, kind: 'current', label: { ky: '1-аттестация', ru: 'Аттестация 1', en: 'Assessment 1' } },
    { key: 'rk2', max: 25, kind: 'current', label: { ky: '2-аттестация', ru: 'Аттестация 2', en: 'Assessment 2' } },
    { key: 'final', max: 50, kind: 'final', label: { ky: 'Жыйынтык', ru: 'Итоговый', en: 'Final' } },
  ],
  admissionThreshold: 30,
  passMark: 60,
  attemptLimit: 2,
  creditTestPassMark: 60,
};

describe('DEFAULT_SCALE (DOMAIN.md §3 table)', () => {
  // [total, letter, gpa in hundredths, traditional, outcome] at every edge of every band
  const cases: [number, string, number, number, string][] = [
    [0, 'F', 0, 2, 'repeat'], [24, 'F', 0, 2, 'repeat'],
    [25, 'FX', 0, 2, 'retake'], [49, 'FX', 0, 2, 'retake'],
    [50, 'D', 100, 3, 'pass'], [54, 'D', 100, 3, 'pass'],
    [55, 'D+', 133, 3, 'pass'], [59, 'D+', 133, 3, 'pass'],
    [60, 'C-', 167, 3, 'pass'], [64, 'C-', 167, 3, 'pass'],
    [65, 'C', 200, 3, 'pass'], [69, 'C', 200, 3, 'pass'],
    [70, 'C+', 233, 3, 'pass'], [74, 'C+', 233, 3, 'pass'],
    [75, 'B-', 267, 4, 'pass'], [79, 'B-', 267, 4, 'pass'],
    [80, 'B', 300, 4, 'pass'], [84, 'B', 300, 4, 'pass'],
    [85, 'B+', 333, 4, 'pass'], [89, 'B+', 333, 4, 'pass'],
    [90, 'A-', 367, 5, 'pass'], [94, 'A-', 367, 5, 'pass'],
    [95, 'A', 400, 5, 'pass'], [100, 'A', 400, 5, 'pass'],
  ];
  it.each(cases)('%i points → %s, gpa %i, traditional %i, %s', (total, letter, g, traditional, outcome) => {
    expect(bandOf(S, total)).toMatchObject({ letter, gpa: g, traditional, outcome });
  });

  it('is valid, with parts 30/30/40 labelled in three languages', () => {
    expect(validateScale(S)).toEqual([]);
    expect(S.parts.map((p) => [p.key, p.max, p.kind])).toEqual([
      ['m1', 30, 'current'],
      ['m2', 30, 'current'],
      ['exam', 40, 'final'],
    ]);
    expect(S.parts.map((p) => p.label.ky)).toEqual(['1-модуль', '2-модуль', 'Экзамен']);
    expect(S.parts.map((p) => p.label.ru)).toEqual(['Модуль 1', 'Модуль 2', 'Экзамен']);
    expect([S.admissionThreshold, S.passMark, S.attemptLimit, S.creditTestPassMark]).toEqual([30, 50, 3, 50]);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(S.bands[0])).toBe(true);
    expect(Object.isFrozen(S.parts[0]!.label)).toBe(true);
  });

  it('refuses totals that are not integers 0..100', () => {
    for (const bad of [-1, 101, 50.5, Number.NaN]) expect(() => bandOf(S, bad)).toThrow(RangeError);
  });
});

describe('validateScale', () => {
  const withBands = (bands: GradeBand[]): GradingScale => ({ ...S, bands });
  const bands = S.bands;

  it('finds a gap, naming the uncovered points', () => {
    const gap = bands.map((b) => (b.letter === 'D' ? { ...b, min: 52 } : b));
    expect(validateScale(withBands(gap))).toContainEqual({ code: 'pointsUncovered', from: 50, to: 51 });
  });

  it('finds an overlap', () => {
    const overlap = bands.map((b) => (b.letter === 'FX' ? { ...b, max: 51 } : b));
    expect(validateScale(withBands(overlap))).toContainEqual({ code: 'pointsOverlap', from: 50, to: 51 });
  });

  it('finds bands that miss the ends of 0..100 or go past them', () => {
    const short = bands.map((b) => (b.letter === 'A' ? { ...b, max: 99 } : b.letter === 'F' ? { ...b, min: -5 } : b));
    expect(validateScale(withBands(short))).toEqual(
      expect.arrayContaining([
        { code: 'pointsUncovered', from: 100, to: 100 },
        { code: 'bandOutOfRange', band: 11, min: -5, max: 24 },
      ]),
    );
  });

  it('finds duplicate letters, bad gpa and an inverted order', () => {
    const edits: Record<string, Partial<GradeBand>> = { A: { gpa: 401 }, 'A-': { letter: 'A' }, 'B-': { gpa: 350 } };
    const bad = bands.map((b) => ({ ...b, ...edits[b.letter] }));
    expect(validateScale(withBands(bad))).toEqual([
      { code: 'gpaOutOfRange', band: 0, gpa: 401 },
      { code: 'letterDuplicate', letter: 'A' },
      // B- (75–79) at 3.50 gives more than B (80–84) at 3.00
      { code: 'bandOrder', band: 3, field: 'gpa' },
    ]);
  });

  it('finds parts whose maxima do not sum to 100', () => {
    const parts = S.parts.map((p) => (p.key === 'exam' ? { ...p, max: 30 } : p));
    expect(validateScale({ ...S, parts })).toEqual([{ code: 'partsSum', sum: 90, expected: 100 }]);
  });

  it('finds duplicate, reserved and unlabelled parts and a scale with no final control', () => {
    const parts = [
      { ...S.parts[0]!, key: 'mark' },
      { ...S.parts[1]!, key: 'm2' },
      { ...S.parts[2]!, key: 'm2', kind: 'current' as const, label: { ky: '', ru: 'x', en: 'x' } },
    ];
    expect(validateScale({ ...S, parts })).toEqual(
      expect.arrayContaining([
        { code: 'partKeyReserved', key: 'mark' },
        { code: 'partKeyDuplicate', key: 'm2' },
        { code: 'partInvalid', part: 2, field: 'label' },
        { code: 'noFinalPart' },
      ]),
    );
  });

  it('finds a pass mark that disagrees with the lowest pass band or lies outside 0..100', () => {
    expect(validateScale({ ...S, passMark: 55 })).toEqual([{ code: 'passMarkMismatch', value: 55, expected: 50 }]);
    expect(validateScale({ ...S, passMark: 101 })).toEqual([{ code: 'passMarkOutOfRange', value: 101 }]);
  });

  it('finds a traditional grade that disagrees with the outcome', () => {
    const bad = bands.map((b) => (b.letter === 'D' ? { ...b, traditional: 2 as const } : b));
    expect(validateScale(withBands(bad))).toContainEqual({ code: 'traditionalVsOutcome', band: 9, traditional: 2, outcome: 'pass' });
  });

  it('finds an admission threshold above the current-control maximum, and bad limits', () => {
    expect(validateScale({ ...S, admissionThreshold: 61 })).toEqual([
      { code: 'admissionThresholdAboveCurrent', value: 61, currentMax: 60 },
    ]);
    expect(validateScale({ ...S, attemptLimit: 0, creditTestPassMark: -1 })).toEqual([
      { code: 'attemptLimitInvalid', value: 0 },
      { code: 'creditTestPassMarkOutOfRange', value: -1 },
    ]);
  });
});

describe('gradeRow: totals and bands', () => {
  it('sums the parts and takes letter, traditional and gpa from the band of the total', () => {
    const r = row({ m1: 25, m2: 27, exam: 35 });
    expect(r).toMatchObject({ total: 87, currentSum: 52, admitted: true, status: 'graded', outcome: 'pass', problems: [] });
    expect(r.band).toMatchObject({ letter: 'B+', gpa: 333, traditional: 4 });
  });

  it('grades an exam of 0 as points, not as absence', () => {
    expect(row({ m1: 20, m2: 20, exam: 0 })).toMatchObject({ total: 40, status: 'graded', outcome: 'retake' });
    expect(row({ m1: 20, m2: 20, exam: 0 }).band?.letter).toBe('FX');
  });

  it('is incomplete while a part is blank (a blank is not a zero)', () => {
    expect(row({ m1: 25, m2: 27, exam: null })).toMatchObject({ total: null, band: null, admitted: true, status: 'incomplete' });
    expect(row({ m1: 25, exam: 35 })).toMatchObject({ total: null, currentSum: null, admitted: null, status: 'incomplete' });
    expect(row({})).toMatchObject({ status: 'incomplete', admitted: null, problems: [] });
  });
});

describe('gradeRow: admission (threshold 30 of the default)', () => {
  it('admits at 30 and not at 29', () => {
    expect(row({ m1: 15, m2: 15, exam: 20 })).toMatchObject({ admitted: true, status: 'graded', total: 50 });
    expect(row({ m1: 15, m2: 14, exam: null })).toMatchObject({
      admitted: false,
      status: 'not_admitted',
      outcome: 'retake',
      total: null,
      band: null,
      currentSum: 29,
    });
  });

  it('refuses exam points for a student who is not admitted', () => {
    expect(row({ m1: 15, m2: 14, exam: 30 })).toMatchObject({
      status: 'incomplete',
      problems: [{ part: 'exam', code: 'examWithoutAdmission' }],
    });
  });

  it('admits as soon as the entered modules reach the threshold, undecided below it', () => {
    expect(row({ m1: 30 }).admitted).toBe(true);
    expect(row({ m1: 29 }).admitted).toBeNull();
  });
});

describe('gradeRow: problems name the part', () => {
  it.each([
    [{ m1: 25.5, m2: 20, exam: 30 }, { part: 'm1', code: 'notInteger' }],
    [{ m1: 20, m2: -1, exam: 30 }, { part: 'm2', code: 'negative' }],
    [{ m1: 20, m2: 20, exam: 41 }, { part: 'exam', code: 'aboveMax', max: 40 }],
    [{ m1: 20, m2: 20, exam: 30, m3: 5 }, { part: 'm3', code: 'unknownPart' }],
  ])('%o → %o', (parts, problem) => {
    expect(row(parts)).toMatchObject({ status: 'incomplete', total: null, problems: [problem] });
  });

  it('ignores a blank under a key the scale does not have', () => {
    expect(row({ m1: 20, m2: 20, exam: 30, m3: null }).problems).toEqual([]);
  });
});

describe('gradeRow: marks', () => {
  it("'absent' keeps the module points, has no total or letter, and goes to the retake list", () => {
    expect(row({ m1: 20, m2: 20 }, 'absent')).toMatchObject({
      status: 'absent',
      admitted: true,
      total: null,
      band: null,
      outcome: 'retake',
      currentSum: 40,
      problems: [],
    });
    expect(row({}, 'absent')).toMatchObject({ status: 'absent', admitted: null });
  });

  it("'absent' with exam points is a problem on the exam cell", () => {
    expect(row({ m1: 20, m2: 20, exam: 30 }, 'absent').problems).toEqual([{ part: 'exam', code: 'markWithPoints' }]);
  });

  it("'absent' for a student the points did not admit contradicts the admission rule", () => {
    expect(row({ m1: 10, m2: 10 }, 'absent').problems).toEqual([
      { part: MARK_FIELD, code: 'markContradictsAdmission', threshold: 30 },
    ]);
  });

  it("'not_admitted' is allowed below the threshold or with the modules missing", () => {
    expect(row({ m1: 10, m2: 10 }, 'not_admitted')).toMatchObject({ status: 'not_admitted', admitted: false, outcome: 'retake' });
    expect(row({}, 'not_admitted')).toMatchObject({ status: 'not_admitted', admitted: false, problems: [] });
    expect(row({ m1: 10 }, 'not_admitted')).toMatchObject({ status: 'not_admitted', admitted: false });
  });

  it("'not_admitted' with enough current points, or with exam points, is a problem", () => {
    expect(row({ m1: 15, m2: 15 }, 'not_admitted')).toMatchObject({
      status: 'incomplete',
      admitted: true,
      problems: [{ part: MARK_FIELD, code: 'markContradictsAdmission', threshold: 30 }],
    });
    expect(row({ m1: 10, m2: 10, exam: 5 }, 'not_admitted').problems).toEqual([{ part: 'exam', code: 'markWithPoints' }]);
  });
});

describe('parsePoints', () => {
  it.each([
    ['25', 25],
    [' 25 ', 25],
    ['\u00a025\t', 25],
    ['25,0', 25],
    ['25.0', 25],
    ['25,00', 25],
    ['0', 0],
    ['-0', 0],
    ['', null],
    ['   ', null],
  ])('%j → %j', (text, value) => {
    expect(parsePoints(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', 'notANumber'],
    ['25a', 'notANumber'],
    ['2 5', 'notANumber'],
    ['1e2', 'notANumber'],
    ['25.5', 'notInteger'],
    ['25,5', 'notInteger'],
    ['-1', 'negative'],
    ['\u22121', 'negative'],
  ])('%j → %s', (text, code) => {
    expect(parsePoints(text)).toEqual({ ok: false, code });
  });
});

describe('gpa', () => {
  it('weights by credits: 5 credits A (4.00) + 3 credits C (2.00) → 3.25', () => {
    expect(gpa([{ credits: 5, gpa: 400 }, { credits: 3, gpa: 200 }])).toBe(325);
  });

  it('rounds to hundredths, half up', () => {
    // (367 + 300) / 2 = 333.5
    expect(gpa([{ credits: 3, gpa: 367 }, { credits: 3, gpa: 300 }])).toBe(334);
    // (4×333 + 2×0) / 6 = 222.0
    expect(gpa([{ credits: 4, gpa: 333 }, { credits: 2, gpa: 0 }])).toBe(222);
  });

  it('is null with no credits', () => {
    expect(gpa([])).toBeNull();
    expect(gpa([{ credits: 0, gpa: 400 }])).toBeNull();
  });

  it('refuses negative credits and gpa outside hundredths 0..400', () => {
    expect(() => gpa([{ credits: -1, gpa: 300 }])).toThrow(RangeError);
    expect(() => gpa([{ credits: 3, gpa: 4 }, { credits: 3, gpa: 401 }])).toThrow(RangeError);
  });
});

describe('finalAttempt', () => {
  it('takes the last attempt, even when it is worse', () => {
    const attempts = [
      { attempt: 2, total: 45, status: 'graded' as const },
      { attempt: 1, total: 60, status: 'graded' as const },
    ];
    expect(finalAttempt(attempts)).toBe(attempts[0]);
  });

  it('skips an attempt not yet filled in', () => {
    const attempts = [
      { attempt: 1, total: 40, status: 'graded' as const },
      { attempt: 2, total: null, status: 'incomplete' as const },
    ];
    expect(finalAttempt(attempts)?.attempt).toBe(1);
  });

  it('counts absent as an attempt, is null for none and refuses a duplicate attempt number', () => {
    expect(finalAttempt([{ attempt: 1, total: 60, status: 'graded' }, { attempt: 2, total: null, status: 'absent' }])?.status).toBe('absent');
    expect(finalAttempt([])).toBeNull();
    expect(() => finalAttempt([{ attempt: 1, total: 1, status: 'graded' }, { attempt: 1, total: 2, status: 'graded' }])).toThrow(RangeError);
  });
});

describe('canRetake (attempt limit 3 in the default)', () => {
  it('allows FX, absent and not admitted (outcome retake) while attempts remain', () => {
    expect(canRetake(S, 1, 'retake')).toEqual({ allowed: true, nextAttempt: 2 });
    expect(canRetake(S, 2, 'retake')).toEqual({ allowed: true, nextAttempt: 3 });
    expect(canRetake(S, 3, 'retake')).toEqual({ allowed: false, reason: 'attemptLimit' });
    expect(canRetake(S, 1, row({ m1: 20, m2: 20 }, 'absent').outcome!)).toMatchObject({ allowed: true });
    expect(canRetake(S, 1, row({ m1: 5, m2: 5 }).outcome!)).toMatchObject({ allowed: true });
  });

  it('sends F to repeating the discipline and refuses a retake after a pass', () => {
    expect(canRetake(S, 1, bandOf(S, 24).outcome)).toEqual({ allowed: false, reason: 'mustRepeat' });
    expect(canRetake(S, 1, 'pass')).toEqual({ allowed: false, reason: 'passed' });
  });

  it('refuses a nonsensical attempt count', () => {
    expect(() => canRetake(S, 0, 'retake')).toThrow(RangeError);
  });
});

describe('a different university: the scale is data', () => {
  it('validates and converts at its own boundaries', () => {
    expect(validateScale(OTHER)).toEqual([]);
    const at = (t: number) => [bandOf(OTHER, t).letter, bandOf(OTHER, t).traditional, bandOf(OTHER, t).gpa];
    expect([0, 59, 60, 75, 76, 85, 86, 100].map(at)).toEqual([
      ['F', 2, 0], ['F', 2, 0], ['C', 3, 200], ['C', 3, 200],
      ['B', 4, 300], ['B', 4, 300], ['A', 5, 400], ['A', 5, 400],
    ]);
  });

  it('grades rows with its own parts, threshold, pass mark and attempt limit', () => {
    const r = gradeRow(OTHER, { parts: { rk1: 20, rk2: 20, final: 19 }, mark: null });
    expect(r).toMatchObject({ total: 59, status: 'graded', outcome: 'retake' });
    expect(r.band?.letter).toBe('F');
    expect(gradeRow(OTHER, { parts: { rk1: 15, rk2: 14 }, mark: null }).status).toBe('not_admitted');
    expect(gradeRow(OTHER, { parts: { rk1: 20, rk2: 20, exam: 30 }, mark: null }).problems).toContainEqual({
      part: 'exam',
      code: 'unknownPart',
    });
    expect(canRetake(OTHER, 2, 'retake')).toEqual({ allowed: false, reason: 'attemptLimit' });
    expect([creditTestPassed(OTHER, 59), creditTestPassed(OTHER, 60), creditTestPassed(S, 50)]).toEqual([false, true, true]);
  });
});
