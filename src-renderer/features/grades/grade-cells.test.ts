import { describe, expect, it } from 'vitest';
import type { GradeSheetDetail } from '../../../src-shared/contract';
import { DEFAULT_SCALE } from '../../../src-shared/domain/grading';
import {
  cellInput,
  cellProblemMessage,
  closeReadiness,
  evaluateRow,
  gridColumns,
  MARK_COL,
  normalizeText,
  parseMark,
  placeServerProblems,
  sheetScale,
} from './grade-cells';

const parts = DEFAULT_SCALE.parts.map((p) => ({ ...p }));
const scale = sheetScale({ parts, admissionThreshold: 30, bands: DEFAULT_SCALE.bands.map((b) => ({ ...b })) } as Pick<GradeSheetDetail, 'parts' | 'admissionThreshold' | 'bands'>);
const row = (m1: string, m2: string, exam: string, mark = '') => evaluateRow(scale, { m1, m2, exam, [MARK_COL]: mark });

describe('marks typed in the mark column', () => {
  it('accepts the short letters and words of the three languages', () => {
    for (const t of ['н', 'Н', 'к', 'a', 'не явился', 'келген жок', 'Absent', ' н/я ']) expect(parseMark(t), t).toEqual({ ok: true, value: 'absent' });
    for (const t of ['д', 'ж', 'n', 'нд', 'не допущен', 'жиберилген жок', 'not admitted']) expect(parseMark(t), t).toEqual({ ok: true, value: 'not_admitted' });
    expect(parseMark('')).toEqual({ ok: true, value: null });
    expect(parseMark('-')).toEqual({ ok: true, value: null });
    expect(parseMark('5')).toEqual({ ok: false });
    expect(parseMark('нет')).toEqual({ ok: false });
  });
});

describe('what a cell keeps of a typed text', () => {
  it('writes valid points as plain integers and keeps the rest as typed', () => {
    expect(normalizeText('m1', ' 25,0 ')).toBe('25');
    expect(normalizeText('m1', '007')).toBe('7');
    expect(normalizeText('m1', '25,5')).toBe('25,5');
    expect(normalizeText('m1', 'abc')).toBe('abc');
    expect(normalizeText('m1', '  ')).toBe('');
    expect(normalizeText(MARK_COL, ' н ')).toBe('н');
  });
});

describe('a row graded live', () => {
  it('totals a complete row with the letter and traditional grade', () => {
    const r = row('25', '30', '35');
    expect(r.valid).toBe(true);
    expect(r.result.total).toBe(90);
    expect(r.result.band?.letter).toBe('A-');
    expect(r.result.band?.traditional).toBe(5);
    expect(r.problems).toEqual({});
  });

  it('reads Excel comma decimals with zeros and refuses real fractions', () => {
    expect(row('25,0', '30', '40').result.total).toBe(95);
    const bad = row('25,5', '30', '40');
    expect(bad.valid).toBe(false);
    expect(bad.problems).toEqual({ m1: { code: 'notInteger' } });
    expect(bad.result.total).toBeNull();
  });

  it('flags text, negatives and points above the part maximum on their own cells', () => {
    expect(row('abc', '', '').problems).toEqual({ m1: { code: 'notANumber' } });
    expect(row('-3', '', '').problems).toEqual({ m1: { code: 'negative' } });
    expect(row('31', '10', '').problems).toEqual({ m1: { code: 'aboveMax', max: 30, threshold: 30 } });
  });

  it('an incomplete row is valid (it may be saved) but has no total', () => {
    const r = row('20', '', '');
    expect(r.valid).toBe(true);
    expect(r.result.status).toBe('incomplete');
    expect(r.result.total).toBeNull();
  });

  it('applies the admission rule: exam points for a student not admitted are flagged on the exam cell', () => {
    const r = row('10', '10', '35');
    expect(r.valid).toBe(false);
    expect(r.problems.exam).toEqual({ code: 'examWithoutAdmission', threshold: 30 });
    expect(row('10', '10', '').result.status).toBe('not_admitted');
  });

  it('marks: absent has no total; a mark with exam points or against the points is flagged', () => {
    expect(row('20', '20', '', 'н').result.status).toBe('absent');
    expect(row('20', '20', '30', 'н').problems.exam?.code).toBe('markWithPoints');
    expect(row('20', '20', '', 'д').problems[MARK_COL]?.code).toBe('markContradictsAdmission');
    expect(row('20', '20', '', 'zz').problems[MARK_COL]?.code).toBe('unknownMark');
  });

  it('words every problem with a catalog key', () => {
    expect(cellProblemMessage({ code: 'notANumber' }).id).toBe('grades.cell.notANumber');
    expect(cellProblemMessage({ code: 'unknownMark' }).id).toBe('grades.cell.unknownMark');
    expect(cellProblemMessage({ code: 'aboveMax', max: 30 })).toEqual({ id: 'grade.rule.aboveMax', values: { max: 30, threshold: null } });
  });
});

describe('what closing asks of a row', () => {
  it('a total, a mark, or not admitted by the points alone is ready', () => {
    expect(closeReadiness(row('25', '25', '30'))).toBe('ready');
    expect(closeReadiness(row('20', '20', '', 'н'))).toBe('ready');
    expect(closeReadiness(row('10', '10', '', 'д'))).toBe('ready');
    expect(closeReadiness(row('10', '10', ''))).toBe('ready');
    expect(closeReadiness(row('25', '', ''))).toBe('missing');
    expect(closeReadiness(row('25,5', '25', '30'))).toBe('missing');
  });
});

describe('the request cell of an edited row', () => {
  it('carries only the edited parts and the mark when it was edited', () => {
    const r = row('20', '25', '', 'н');
    expect(cellInput('s1', { m2: '25' }, r.input)).toEqual({ studentId: 's1', parts: { m2: 25 } });
    expect(cellInput('s1', { [MARK_COL]: 'н', m1: '' }, row('', '25', '', 'н').input)).toEqual({ studentId: 's1', parts: { m1: null }, mark: 'absent' });
  });
});

describe("the server's refusals placed on cells", () => {
  const columns = gridColumns(parts);
  it('maps cells.<i>.<part> to the i-th sent student and the column', () => {
    const placed = placeServerProblems(
      [
        { path: 'cells.1.exam', message: 'row 4, Exam: no exam points' },
        { path: 'cells.0.mark', message: 'contradicts' },
        { path: 'cells.1.exam', message: 'again' },
      ],
      ['a', 'b'],
      columns,
    );
    expect(placed).toEqual({ cells: { b: { exam: 'row 4, Exam: no exam points again' }, a: { mark: 'contradicts' } }, other: [] });
  });

  it('puts row-wide problems on the first cell and unknown paths aside', () => {
    const placed = placeServerProblems(
      [
        { path: 'cells.0.studentId', message: 'not on the sheet' },
        { path: 'cells.7.m1', message: 'beyond the batch' },
        { path: 'reason', message: 'needs a reason' },
      ],
      ['a'],
      columns,
    );
    expect(placed).toEqual({ cells: { a: { m1: 'not on the sheet' } }, other: ['beyond the batch', 'needs a reason'] });
  });
});
