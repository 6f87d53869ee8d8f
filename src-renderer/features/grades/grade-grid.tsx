import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { GradeSheetDetail } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { MARK_COL, normalizeText, parseMark } from './grade-cells';
import { columnLabel, rowProblemTexts } from './grade-pending';
import { GradeGridRow, markKey } from './grade-grid-row';
import { clampSel, gridKey, type CellPos, type GridNavState } from './grade-nav';
import { isBlockPaste, parseTsv, placePaste } from './grade-paste';
import type { GridRow } from './use-grade-sheet';
import { useListMetrics } from '../../app/density';

/** Sheets are 15–40 students; only a very long one (a whole stream) is virtualized. */
const VIRTUAL_FROM = 150;

export interface CellChange {
  studentId: string;
  col: string;
  text: string;
}

interface GradeGridProps {
  detail: GradeSheetDetail;
  columns: readonly string[];
  rows: readonly GridRow[];
  readOnly: boolean;
  saving: boolean;
  onChange(changes: CellChange[]): void;
  /** the focus left the grid: time to save */
  onLeave(): void;
}

/** The Excel-like entry grid: keyboard first, paste from Excel, live totals (keys in grade-nav.ts). */
export function GradeGrid({ detail, columns, rows, readOnly, saving, onChange, onLeave }: GradeGridProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = useCallback((id: MessageKey, values?: Record<string, string | number | null>) => intl.formatMessage({ id }, values), [intl]);
  const [nav, setNavState] = useState<GridNavState>({ sel: { row: 0, col: 0 }, edit: null });
  const navRef = useRef(nav);
  const setNav = useCallback((s: GridNavState) => {
    navRef.current = s;
    setNavState(s);
  }, []);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const dims = { rows: rows.length, cols: columns.length, readOnly };
  const sel = clampSel(nav.sel, dims);
  const edit = readOnly ? null : nav.edit;

  // a credit test shows passed / not passed, as its paper does (sheet-forms.ts)
  const passMark = detail.controlForm === 'credit' ? detail.creditTestPassMark : null;
  const colLabel = useCallback((col: string) => columnLabel(detail.parts, col, locale, t), [detail.parts, locale, t]);

  /** The reason of every wrong cell: the local rule first, else the server's refusal. */
  const problems = useMemo(() => rows.map((r) => rowProblemTexts(r, columns, t)), [rows, columns, t]);

  const editText = (r: GridRow | undefined, col: string | undefined): string => {
    if (!r || col === undefined) return '';
    const text = r.texts[col] ?? '';
    if (col !== MARK_COL) return text;
    const m = parseMark(text);
    return m.ok && m.value ? t(markKey(m.value)) : text;
  };

  const commit = (at: CellPos, text: string) => {
    const r = rows[at.row];
    const col = columns[at.col];
    if (!r || col === undefined) return;
    const value = normalizeText(col, text);
    if (value === (r.texts[col] ?? '') || (col === MARK_COL && value === editText(r, col))) return;
    onChange([{ studentId: r.studentId, col, text: value }]);
  };

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing) return;
    const cur = { ...navRef.current, sel: clampSel(navRef.current.sel, dims), edit: readOnly ? null : navRef.current.edit };
    const k = { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey };
    const out = gridKey(cur, k, dims, editText(rows[cur.sel.row], columns[cur.sel.col]));
    if (!out.handled) return;
    e.preventDefault();
    setNav(out.state);
    // leaving the input first: its blur must find nothing left to commit
    if (cur.edit && !out.state.edit) focusGrid();
    if (out.effect?.kind === 'commit') commit(out.effect.at, out.effect.text);
    if (out.effect?.kind === 'clear') commit(out.effect.at, '');
    setPasteError(null);
  }

  // the row callbacks are stable (rows re-render only when their own data changes) and read the latest render
  const latest = useRef({ commit, editText, rows, columns, readOnly });
  latest.current = { commit, editText, rows, columns, readOnly };
  const onCellDown = useCallback(
    (row: number, col: number) => {
      const cur = navRef.current;
      if (cur.edit && (cur.sel.row !== row || cur.sel.col !== col)) {
        setNav({ sel: { row, col }, edit: null });
        latest.current.commit(cur.sel, cur.edit.text);
      } else if (!cur.edit) setNav({ sel: { row, col }, edit: null });
    },
    [setNav],
  );
  const onCellDouble = useCallback(
    (row: number, col: number) => {
      const l = latest.current;
      if (l.readOnly) return;
      setNav({ sel: { row, col }, edit: { text: l.editText(l.rows[row], l.columns[col]), mode: 'f2' } });
    },
    [setNav],
  );
  const onEditText = useCallback(
    (text: string) => {
      const cur = navRef.current;
      if (cur.edit) setNav({ ...cur, edit: { ...cur.edit, text } });
    },
    [setNav],
  );
  // a click elsewhere (another cell is handled on mouse down; a button, another window) commits
  const onEditBlur = useCallback(() => {
    const cur = navRef.current;
    if (!cur.edit) return;
    setNav({ ...cur, edit: null });
    latest.current.commit(cur.sel, cur.edit.text);
  }, [setNav]);

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    const text = e.clipboardData.getData('text/plain');
    const cur = navRef.current;
    // one value pasted into the cell being edited is the input's business
    if (cur.edit && !isBlockPaste(text)) return;
    e.preventDefault();
    if (readOnly) return setPasteError(t('grades.paste.readOnly'));
    const at = clampSel(cur.sel, dims);
    const placed = placePaste(parseTsv(text), at, rows.length, columns.length);
    if (!placed.ok) {
      if (placed.reason === 'tooManyRows') setPasteError(t('grades.paste.tooManyRows', { rows: placed.rows, available: placed.available }));
      else if (placed.reason === 'tooManyCols') setPasteError(t('grades.paste.tooManyCols', { cols: placed.cols, available: placed.available }));
      return;
    }
    setNav({ sel: at, edit: null });
    focusGrid();
    setPasteError(null);
    onChange(placed.cells.map((c) => ({ studentId: rows[c.row]!.studentId, col: columns[c.col]!, text: normalizeText(columns[c.col]!, c.text) })));
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    if (navRef.current.edit) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', rows[sel.row]?.texts[columns[sel.col] ?? ''] ?? '');
  }

  function onBlur(e: FocusEvent<HTMLDivElement>) {
    if (e.relatedTarget instanceof Node && scrollRef.current?.contains(e.relatedTarget)) return;
    onLeave();
  }

  const virtual = rows.length > VIRTUAL_FROM;
  const { row: ROW_HEIGHT, header: HEADER_HEIGHT } = useListMetrics('grades');
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, ROW_HEIGHT]);
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const indices = items ? items.map((i) => i.index) : rows.map((_, i) => i);
  const padTop = items && items.length ? items[0]!.start - HEADER_HEIGHT : 0;
  const padBottom = items && items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - HEADER_HEIGHT) : 0;

  // keyboard first: an editable sheet opens ready for typing
  useEffect(() => {
    if (!readOnly) scrollRef.current?.focus({ preventScroll: true });
  }, [readOnly]);

  // keep the selected cell in view
  useEffect(() => {
    const el = scrollRef.current?.querySelector(`[data-testid="grade-cell"][data-row="${sel.row}"][data-col="${columns[sel.col] ?? ''}"]`);
    if (el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    else if (virtual) virtualizer.scrollToIndex(sel.row, { align: 'auto' });
  }, [sel.row, sel.col, columns, virtual, virtualizer]);

  // the problem line: the selected cell's, else the first wrong cell's
  const invalid: { row: number; col: string }[] = [];
  problems.forEach((p, i) => columns.forEach((c) => p[c] && invalid.push({ row: i, col: c })));
  const selCol = columns[sel.col] ?? '';
  const shown = problems[sel.row]?.[selCol] ? { row: sel.row, col: selCol } : invalid[0];
  const shownRow = shown ? rows[shown.row] : undefined;
  const shownText = shown && shownRow ? problems[shown.row]![shown.col]! : '';
  const local = shown && shownRow ? shownRow.ev.problems[shown.col] : undefined;

  return (
    <div className="grade-grid-block">
      {/* above the grid, where the eye is after typing or pasting — below a long sheet it would be off screen */}
      {pasteError ? (
        <div className="banner banner-error grade-paste-error" role="alert" data-testid="grade-paste-error">
          <span className="banner-text">{pasteError}</span>
        </div>
      ) : null}
      {/* the line keeps its place when empty, so the grid never jumps under the pointer as errors come and go */}
      <div className={readOnly ? undefined : 'grade-cell-error-slot'}>
        {shown && shownRow ? (
          <p className="grade-cell-error" role="status" data-testid="grade-cell-error" data-row={shown.row} data-col={shown.col}>
            {local
              ? t('grade.problem', { row: shownRow.position, name: shownRow.name, column: colLabel(shown.col), problem: shownText })
              : shownText}
            {invalid.length > 1 ? <span className="muted"> {t('grades.moreProblems', { count: invalid.length - 1 })}</span> : null}
          </p>
        ) : null}
      </div>
      <div
        ref={scrollRef}
        className={`grade-grid${readOnly ? ' grade-grid-readonly' : ''}${virtual ? ' grade-grid-virtual' : ''}`}
        tabIndex={0}
        role="region"
        aria-label={t('grades.gridLabel', { number: detail.number })}
        data-testid="grade-grid"
        data-sheet-id={detail.id}
        data-state={detail.state}
        data-saving={saving ? 'true' : 'false'}
        data-readonly={readOnly ? 'true' : 'false'}
        data-sel-row={sel.row}
        data-sel-col={selCol}
        data-editing={edit ? 'true' : 'false'}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onBlur={onBlur}
      >
        <table className="table table-compact grade-table" role="grid" aria-readonly={readOnly} aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('grades.col.no')}
              </th>
              <th scope="col">{t('grades.col.name')}</th>
              <th scope="col">{t('grades.col.recordBook')}</th>
              {detail.parts.map((p) => (
                <th key={p.key} scope="col" className="num grade-col-part" data-col={p.key}>
                  {t('grades.col.part', { label: localName(p.label, locale), max: p.max })}
                </th>
              ))}
              <th scope="col" data-col={MARK_COL}>
                {t('grades.col.mark')}
              </th>
              <th scope="col" className="num">
                {t('grades.col.total')}
              </th>
              {passMark !== null ? (
                <th scope="col">{t('grades.col.result')}</th>
              ) : (
                <>
                  <th scope="col">{t('grades.col.letter')}</th>
                  <th scope="col">{t('grades.col.traditional')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr className="grade-pad" style={{ height: padTop }} aria-hidden="true" /> : null}
            {indices.map((i) => (
              <GradeGridRow
                key={rows[i]!.studentId}
                row={rows[i]!}
                index={i}
                columns={columns}
                selCol={i === sel.row ? sel.col : -1}
                edit={i === sel.row ? edit : null}
                problems={problems[i]!}
                onCellDown={onCellDown}
                onCellDouble={onCellDouble}
                onEditText={onEditText}
                onEditBlur={onEditBlur}
                passMark={passMark}
              />
            ))}
            {padBottom > 0 ? <tr className="grade-pad" style={{ height: padBottom }} aria-hidden="true" /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
