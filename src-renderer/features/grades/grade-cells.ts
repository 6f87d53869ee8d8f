/**
 * What one row of the entry grid says, computed in the browser with the same rules the
 * server applies (src-shared/domain/grading.ts): the text typed in each cell is parsed,
 * the row is graded live, and every cell that is wrong gets a reason. The server re-checks
 * every batch; its field problems (`cells.<i>.<part>`) are placed back on the cells here too.
 */
import type { FieldProblem, GradeCellInput, GradeRowView, GradeSheetDetail } from '../../../src-shared/contract';
import {
  DEFAULT_SCALE,
  gradeRow,
  MARK_FIELD,
  parsePoints,
  type GradeMark,
  type GradeRowInput,
  type GradeRowResult,
  type GradingScale,
  type PointsTextProblem,
  type RowProblemCode,
} from '../../../src-shared/domain/grading';
import type { MessageKey } from '../../../src-shared/i18n';
import { readMark } from '../../../src-shared/domain/grade-marks';

/** The column of the mark (absent / not admitted); no part of a scale may use this key. */
export const MARK_COL = MARK_FIELD;

/** The text of each editable cell of a row, by column key (part keys and MARK_COL). */
export type RowTexts = Record<string, string>;

/** The sheet's own scale version (parts, threshold and bands), for the live total and letter. */
export function sheetScale(d: Pick<GradeSheetDetail, 'parts' | 'admissionThreshold' | 'bands'>): GradingScale {
  return {
    ...DEFAULT_SCALE,
    bands: d.bands,
    parts: d.parts.map((p) => ({ key: p.key, max: p.max, kind: p.kind, label: p.label })),
    admissionThreshold: d.admissionThreshold,
  };
}

/** The editable columns in grid order: one per part, then the mark. */
export function gridColumns(parts: readonly { key: string }[]): string[] {
  return [...parts.map((p) => p.key), MARK_COL];
}

/** What a cell shows for the server's value. */
export function serverText(row: Pick<GradeRowView, 'parts' | 'mark'>, col: string): string {
  if (col === MARK_COL) return row.mark ?? '';
  const v = row.parts[col];
  return v === null || v === undefined ? '' : String(v);
}

export type ParsedMark = { ok: true; value: GradeMark | null } | { ok: false };

/** A blank (or a dash) is "no mark"; a word that is no mark is refused, never guessed (one list: grade-marks.ts). */
export function parseMark(text: string): ParsedMark {
  const mark = readMark(text);
  return mark === undefined ? { ok: false } : { ok: true, value: mark };
}

/** What a cell keeps of a typed or pasted text: points as the plain integer ("25,0" → "25"), anything else as typed. */
export function normalizeText(col: string, text: string): string {
  const t = text.trim();
  if (col === MARK_COL) return t;
  const p = parsePoints(t);
  return p.ok && p.value !== null ? String(p.value) : t;
}

export type CellProblemCode = PointsTextProblem | 'unknownMark' | RowProblemCode;
export interface CellProblem {
  code: CellProblemCode;
  max?: number;
  threshold?: number;
}

export interface RowEval {
  /** the first problem of each wrong cell, by column */
  problems: Record<string, CellProblem>;
  /** every cell parses and the row breaks no rule: it may be sent */
  valid: boolean;
  /** the parsed row (a cell that does not parse counts as blank) */
  input: GradeRowInput;
  result: GradeRowResult;
}

/** Parses every cell of a row and grades it with gradeRow. */
export function evaluateRow(scale: GradingScale, texts: RowTexts): RowEval {
  const problems: Record<string, CellProblem> = {};
  const parts: Record<string, number | null> = {};
  for (const p of scale.parts) {
    const parsed = parsePoints(texts[p.key] ?? '');
    if (parsed.ok) parts[p.key] = parsed.value;
    else {
      parts[p.key] = null;
      problems[p.key] = { code: parsed.code };
    }
  }
  const m = parseMark(texts[MARK_COL] ?? '');
  if (!m.ok) problems[MARK_COL] = { code: 'unknownMark' };
  const input: GradeRowInput = { parts, mark: m.ok ? m.value : null };
  const result = gradeRow(scale, input);
  for (const p of result.problems) {
    const col = p.part === MARK_FIELD ? MARK_COL : p.part;
    if (problems[col]) continue;
    problems[col] = {
      code: p.code,
      ...(p.max !== undefined ? { max: p.max } : {}),
      // examWithoutAdmission is worded with the threshold though gradeRow does not repeat it
      threshold: p.threshold ?? scale.admissionThreshold,
    };
  }
  const valid = Object.keys(problems).length === 0;
  return { problems, valid, input, result: valid ? result : { ...result, total: null, band: null, status: 'incomplete', outcome: null } };
}

/** The catalog message of a cell's problem (the grade.rule.* wording is shared with the server). */
export function cellProblemMessage(p: CellProblem): { id: MessageKey; values: Record<string, number | null> } {
  const values = { max: p.max ?? null, threshold: p.threshold ?? null };
  switch (p.code) {
    case 'notANumber':
      return { id: 'grades.cell.notANumber', values };
    case 'unknownMark':
      return { id: 'grades.cell.unknownMark', values };
    default:
      return { id: `grade.rule.${p.code}`, values };
  }
}

/**
 * The request cell of an edited row: only the edited parts (and the mark when it was edited),
 * so another clerk's change to another column of the row is not overwritten.
 */
export function cellInput(studentId: string, edited: RowTexts, input: GradeRowInput): GradeCellInput {
  const cell: GradeCellInput = { studentId };
  const parts: Record<string, number | null> = {};
  let anyPart = false;
  for (const col of Object.keys(edited)) {
    if (col === MARK_COL) cell.mark = input.mark;
    else if (col in input.parts) {
      parts[col] = input.parts[col] ?? null;
      anyPart = true;
    }
  }
  if (anyPart) cell.parts = parts;
  return cell;
}

export interface PlacedServerProblems {
  /** by student id, then column: the server's own (already localized) message */
  cells: Record<string, Record<string, string>>;
  /** problems that name no cell the grid shows */
  other: string[];
}

/**
 * Places the server's refusals of a setGrades batch: `cells.<i>.<part>` names the i-th cell
 * of the request (`sentIds[i]`) and a part key or `mark`; `cells.<i>.studentId` or an unknown
 * column is about the row as a whole and lands on the row's first cell.
 */
export function placeServerProblems(
  fields: readonly FieldProblem[],
  sentIds: readonly string[],
  columns: readonly string[],
): PlacedServerProblems {
  const placed: PlacedServerProblems = { cells: {}, other: [] };
  for (const f of fields) {
    const m = /^cells\.(\d+)(?:\.(.+))?$/.exec(f.path);
    const studentId = m ? sentIds[Number(m[1])] : undefined;
    if (!m || studentId === undefined || columns.length === 0) {
      placed.other.push(f.message);
      continue;
    }
    const col = m[2] && columns.includes(m[2]) ? m[2] : columns[0]!;
    const row = (placed.cells[studentId] ??= {});
    row[col] = row[col] ? `${row[col]} ${f.message}` : f.message;
  }
  return placed;
}

/**
 * What closing the sheet asks of a row, as the server checks it: a total or a stored mark.
 * A student not admitted by the points alone shows "not admitted" but has no mark stored,
 * so the server still counts the row as open: 'needsMark' (type «д» in the mark column).
 */
export function closeReadiness(ev: RowEval): 'ready' | 'needsMark' | 'missing' {
  // the server counts "not admitted by the points" as a result, like a typed mark
  return ev.valid && ev.result.status !== 'incomplete' ? 'ready' : 'missing';
}
