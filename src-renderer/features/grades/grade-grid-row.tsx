import { memo, type ChangeEvent, type FocusEvent } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../../src-shared/i18n';
import { EMPTY } from '../../app/labels';
import { MARK_COL, parseMark } from './grade-cells';
import type { GridEdit } from './grade-nav';
import type { GridRow } from './use-grade-sheet';

export const markKey = (m: 'absent' | 'not_admitted') => `grades.mark.${m}` as const satisfies MessageKey;
export const traditionalKey = (n: 2 | 3 | 4 | 5) => `grades.traditional.${n}` as const satisfies MessageKey;

interface GradeGridRowProps {
  row: GridRow;
  index: number;
  columns: readonly string[];
  /** the selected column when the selection is on this row, else -1 */
  selCol: number;
  edit: GridEdit | null;
  /** the reason each wrong cell is wrong, by column */
  problems: Record<string, string>;
  onCellDown(row: number, col: number): void;
  onCellDouble(row: number, col: number): void;
  onEditText(text: string): void;
  onEditBlur(e: FocusEvent<HTMLInputElement>): void;
  /** a credit test: passed / not passed from this many points, instead of a letter and a grade */
  passMark: number | null;
}

/** One student's row: the fixed columns, the editable cells, and the live total, letter and grade. */
export const GradeGridRow = memo(function GradeGridRow(p: GradeGridRowProps) {
  const intl = useIntl();
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const { row, index } = p;
  const result = row.ev.result;

  function display(col: string): { text: string; derived: boolean } {
    const text = row.texts[col] ?? '';
    if (col !== MARK_COL) return { text, derived: false };
    const m = parseMark(text);
    if (m.ok && m.value) return { text: t(markKey(m.value)), derived: false };
    // points below the admission threshold: not admitted without typing the mark
    if (m.ok && result.status === 'not_admitted') return { text: t('grades.mark.not_admitted'), derived: true };
    return { text, derived: false };
  }

  return (
    <tr
      className={`grade-grid-row${index % 2 === 1 ? ' row-odd' : ''}`}
      data-testid="grade-grid-row"
      data-row={index}
      data-student-id={row.studentId}
      data-status={result.status}
      data-unsaved={row.edited ? 'true' : undefined}
    >
      <td className="num grade-fixed">{row.position}</td>
      <td className="grade-fixed grade-name" title={row.name}>
        {row.name}
      </td>
      <td className="grade-fixed nowrap mono small">{row.recordBookNo}</td>
      {p.columns.map((col, c) => {
        const selected = c === p.selCol;
        const problem = p.problems[col];
        const shown = display(col);
        const cls = [
          'grade-cell',
          col === MARK_COL ? 'grade-cell-mark' : 'num',
          selected ? 'grade-cell-selected' : '',
          problem ? 'grade-cell-invalid' : '',
          row.edited && col in row.edited ? 'grade-cell-unsaved' : '',
          shown.derived ? 'grade-cell-derived' : '',
        ];
        return (
          <td
            key={col}
            className={cls.filter(Boolean).join(' ')}
            data-testid="grade-cell"
            data-row={index}
            data-col={col}
            data-invalid={problem ? 'true' : undefined}
            aria-selected={selected}
            aria-invalid={problem ? true : undefined}
            title={problem ?? (shown.derived ? intl.formatMessage({ id: 'grades.mark.derived' }) : undefined)}
            onMouseDown={() => p.onCellDown(index, c)}
            onDoubleClick={() => p.onCellDouble(index, c)}
          >
            {selected && p.edit ? (
              <input
                className="grade-cell-input"
                value={p.edit.text}
                onChange={(e: ChangeEvent<HTMLInputElement>) => p.onEditText(e.target.value)}
                onBlur={p.onEditBlur}
                autoFocus
                spellCheck={false}
                autoComplete="off"
                aria-label={intl.formatMessage({ id: 'grades.cellInput' })}
                data-testid="grade-cell-input"
              />
            ) : (
              shown.text
            )}
          </td>
        );
      })}
      <td className="num grade-computed" data-testid="grade-total">
        {result.total ?? EMPTY}
      </td>
      {p.passMark !== null ? (
        <td className="grade-computed nowrap" data-testid="grade-result">
          {result.total === null ? EMPTY : t(result.total >= p.passMark ? 'grades.result.passed' : 'grades.result.failed')}
        </td>
      ) : (
        <>
          <td className="grade-computed" data-testid="grade-letter">
            {result.band?.letter ?? EMPTY}
          </td>
          <td className="grade-computed nowrap" data-testid="grade-traditional">
            {result.band ? t(traditionalKey(result.band.traditional)) : EMPTY}
          </td>
        </>
      )}
    </tr>
  );
});
