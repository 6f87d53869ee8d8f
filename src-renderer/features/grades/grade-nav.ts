/**
 * The keyboard of the entry grid as a pure function, Excel's way:
 * arrows move; Tab / Shift+Tab go right / left and wrap to the next / previous row; Enter /
 * Shift+Enter go down / up (after a run of Tabs, to the column the run began in, so a row is
 * typed "m1 Tab m2 Tab exam Enter" and the next row starts at m1); Home / End go to the first / last column (with Ctrl: the first /
 * last row); typing a character over a selected cell replaces its content; F2 edits in place;
 * Delete / Backspace clear; while editing, Enter / Tab commit and move, Escape cancels, and
 * arrows commit and move when the edit began by typing (with F2 they move the caret).
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface GridEdit {
  text: string;
  /** 'type': begun by typing over the cell; 'f2': begun with F2 or a double click */
  mode: 'type' | 'f2';
}

export interface GridNavState {
  sel: CellPos;
  edit: GridEdit | null;
  /** the column a run of Tabs began in: Enter goes back to it on the next row, as in Excel */
  tabStart?: number | undefined;
}

export interface KeyInput {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
}

export interface GridDims {
  rows: number;
  cols: number;
  readOnly: boolean;
}

export type GridEffect = { kind: 'commit'; at: CellPos; text: string } | { kind: 'clear'; at: CellPos } | null;

export interface KeyOutcome {
  state: GridNavState;
  effect: GridEffect;
  /** the key was the grid's: the caller prevents the browser's default */
  handled: boolean;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function moveBy(sel: CellPos, dRow: number, dCol: number, d: GridDims): CellPos {
  return { row: clamp(sel.row + dRow, 0, Math.max(0, d.rows - 1)), col: clamp(sel.col + dCol, 0, Math.max(0, d.cols - 1)) };
}

/** Tab order: right, then the first cell of the next row; null past the last (or before the first) cell. */
export function tabFrom(sel: CellPos, back: boolean, d: GridDims): CellPos | null {
  const index = sel.row * d.cols + sel.col + (back ? -1 : 1);
  if (index < 0 || index >= d.rows * d.cols) return null;
  return { row: Math.floor(index / d.cols), col: index % d.cols };
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Where a key moves the selection (null: not a moving key, or Tab past the ends). */
function navigate(s: GridNavState, k: KeyInput, d: GridDims): GridNavState | null {
  const { sel } = s;
  const to = (next: CellPos | null, tabStart?: number): GridNavState | null =>
    next ? { sel: next, edit: null, ...(tabStart !== undefined ? { tabStart } : {}) } : null;
  const arrow = ARROWS[k.key];
  if (arrow) return to(moveBy(sel, arrow[0], arrow[1], d));
  if (k.key === 'Tab') {
    const next = tabFrom(sel, !!k.shift, d);
    return to(next, next && next.row === sel.row ? (s.tabStart ?? sel.col) : undefined);
  }
  if (k.key === 'Enter') return to(moveBy({ row: sel.row, col: s.tabStart ?? sel.col }, k.shift ? -1 : 1, 0, d));
  if (k.key === 'Home') return to(k.ctrl ? { row: 0, col: 0 } : { row: sel.row, col: 0 });
  if (k.key === 'End') return to(k.ctrl ? { row: d.rows - 1, col: d.cols - 1 } : { row: sel.row, col: d.cols - 1 });
  return null;
}

/** One printable character, not a shortcut (Ctrl+C, Alt+…). */
export function isTypedChar(k: KeyInput): boolean {
  return k.key.length === 1 && !k.ctrl && !k.meta && !k.alt;
}

/**
 * `cellText` is the selected cell's current text (what F2 starts editing). Tab past the last
 * cell (Shift+Tab before the first) is not the grid's: the focus leaves it as anywhere else.
 */
export function gridKey(s: GridNavState, k: KeyInput, d: GridDims, cellText: string): KeyOutcome {
  const same = { state: s, effect: null, handled: false };
  if (d.rows === 0 || d.cols === 0) return same;
  if (s.edit) {
    if (k.key === 'Escape') return { state: { ...s, edit: null }, effect: null, handled: true };
    const commits = k.key === 'Enter' || k.key === 'Tab' || (s.edit.mode === 'type' && k.key in ARROWS);
    if (!commits) return same;
    const next = navigate(s, k, d) ?? { sel: s.sel, edit: null };
    return { state: next, effect: { kind: 'commit', at: s.sel, text: s.edit.text }, handled: true };
  }
  const next = navigate(s, k, d);
  if (next) return { state: next, effect: null, handled: true };
  if (d.readOnly) return same;
  if (k.key === 'F2') return { state: { ...s, edit: { text: cellText, mode: 'f2' } }, effect: null, handled: true };
  if (k.key === 'Delete' || k.key === 'Backspace') return { state: s, effect: { kind: 'clear', at: s.sel }, handled: true };
  if (isTypedChar(k) && k.key !== ' ') return { state: { ...s, edit: { text: k.key, mode: 'type' } }, effect: null, handled: true };
  return same;
}

/** The selection after the grid's size changes (a reload with fewer rows). */
export function clampSel(sel: CellPos, d: Pick<GridDims, 'rows' | 'cols'>): CellPos {
  return { row: clamp(sel.row, 0, Math.max(0, d.rows - 1)), col: clamp(sel.col, 0, Math.max(0, d.cols - 1)) };
}
