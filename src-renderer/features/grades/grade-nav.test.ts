import { describe, expect, it } from 'vitest';
import { clampSel, gridKey, type GridNavState, type KeyInput } from './grade-nav';

const dims = { rows: 3, cols: 4, readOnly: false };
const at = (row: number, col: number): GridNavState => ({ sel: { row, col }, edit: null });
const press = (s: GridNavState, key: string, mods: Omit<KeyInput, 'key'> = {}, text = '') => gridKey(s, { key, ...mods }, dims, text);

describe('grid keyboard', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(press(at(1, 1), 'ArrowRight').state.sel).toEqual({ row: 1, col: 2 });
    expect(press(at(1, 1), 'ArrowUp').state.sel).toEqual({ row: 0, col: 1 });
    expect(press(at(0, 0), 'ArrowUp').state.sel).toEqual({ row: 0, col: 0 });
    expect(press(at(0, 0), 'ArrowLeft').state.sel).toEqual({ row: 0, col: 0 });
    expect(press(at(2, 3), 'ArrowDown').state.sel).toEqual({ row: 2, col: 3 });
    expect(press(at(2, 3), 'ArrowRight').state.sel).toEqual({ row: 2, col: 3 });
    expect(press(at(1, 1), 'ArrowDown').handled).toBe(true);
  });

  it('Tab goes right and wraps to the next row; Shift+Tab goes back; past the ends the focus leaves the grid', () => {
    expect(press(at(0, 2), 'Tab').state.sel).toEqual({ row: 0, col: 3 });
    expect(press(at(0, 3), 'Tab').state.sel).toEqual({ row: 1, col: 0 });
    expect(press(at(1, 0), 'Tab', { shift: true }).state.sel).toEqual({ row: 0, col: 3 });
    expect(press(at(2, 3), 'Tab')).toEqual({ state: at(2, 3), effect: null, handled: false });
    expect(press(at(0, 0), 'Tab', { shift: true }).handled).toBe(false);
    // while editing, Tab at the last cell still commits (and stays)
    const editing: GridNavState = { sel: { row: 2, col: 3 }, edit: { text: '4', mode: 'type' } };
    expect(press(editing, 'Tab')).toMatchObject({ state: at(2, 3), effect: { kind: 'commit', text: '4' }, handled: true });
  });

  it('Enter goes down like Excel, Shift+Enter up, and stops at the last row', () => {
    expect(press(at(0, 2), 'Enter').state.sel).toEqual({ row: 1, col: 2 });
    expect(press(at(2, 2), 'Enter').state.sel).toEqual({ row: 2, col: 2 });
    expect(press(at(1, 2), 'Enter', { shift: true }).state.sel).toEqual({ row: 0, col: 2 });
  });

  it('Enter after a run of Tabs goes to the column the run began in, on the next row', () => {
    let s = press(at(0, 1), 'Tab').state;
    s = press(s, 'Tab').state;
    expect(s.sel).toEqual({ row: 0, col: 3 });
    expect(press(s, 'Enter').state).toEqual(at(1, 1));
    // typing in the run keeps it: m1 Tab m2 Tab exam Enter
    let e = press(at(0, 0), '2').state;
    e = press(e, 'Tab').state;
    e = press(press(e, '3').state, 'Tab').state;
    e = press(press(e, '4').state, 'Enter').state;
    expect(e).toEqual(at(1, 0));
    // an arrow ends the run; a Tab that wraps to the next row too
    expect(press(press(press(at(0, 1), 'Tab').state, 'ArrowRight').state, 'Enter').state).toEqual(at(1, 3));
    expect(press(at(0, 3), 'Tab').state.tabStart).toBeUndefined();
  });

  it('Home/End go along the row; with Ctrl to the corners', () => {
    expect(press(at(1, 2), 'Home').state.sel).toEqual({ row: 1, col: 0 });
    expect(press(at(1, 1), 'End').state.sel).toEqual({ row: 1, col: 3 });
    expect(press(at(1, 1), 'End', { ctrl: true }).state.sel).toEqual({ row: 2, col: 3 });
    expect(press(at(1, 1), 'Home', { ctrl: true }).state.sel).toEqual({ row: 0, col: 0 });
  });

  it('typing over a cell starts an edit with that character, replacing the content', () => {
    const r = press(at(1, 1), '2', {}, '17');
    expect(r.state.edit).toEqual({ text: '2', mode: 'type' });
    expect(r.handled).toBe(true);
    expect(press(at(1, 1), 'н').state.edit).toEqual({ text: 'н', mode: 'type' });
    // shortcuts are not typing
    expect(press(at(1, 1), 'c', { ctrl: true }).handled).toBe(false);
    expect(press(at(1, 1), 'v', { meta: true }).state.edit).toBeNull();
  });

  it('F2 edits the current text in place; Escape cancels without a change', () => {
    const r = press(at(0, 1), 'F2', {}, '17');
    expect(r.state.edit).toEqual({ text: '17', mode: 'f2' });
    const esc = press(r.state, 'Escape');
    expect(esc.state).toEqual(at(0, 1));
    expect(esc.effect).toBeNull();
  });

  it('Enter and Tab commit the edit and move', () => {
    const editing: GridNavState = { sel: { row: 0, col: 1 }, edit: { text: '25', mode: 'type' } };
    expect(press(editing, 'Enter')).toEqual({ state: at(1, 1), effect: { kind: 'commit', at: { row: 0, col: 1 }, text: '25' }, handled: true });
    expect(press(editing, 'Tab').state.sel).toEqual({ row: 0, col: 2 });
    // at the last row Enter commits and stays
    const last: GridNavState = { sel: { row: 2, col: 0 }, edit: { text: '9', mode: 'type' } };
    expect(press(last, 'Enter')).toMatchObject({ state: at(2, 0), effect: { kind: 'commit', text: '9' } });
  });

  it('arrows commit a typed edit but move the caret in an F2 edit', () => {
    const typed: GridNavState = { sel: { row: 1, col: 1 }, edit: { text: '3', mode: 'type' } };
    expect(press(typed, 'ArrowLeft')).toMatchObject({ state: at(1, 0), effect: { kind: 'commit', text: '3' } });
    const f2: GridNavState = { sel: { row: 1, col: 1 }, edit: { text: '3', mode: 'f2' } };
    expect(press(f2, 'ArrowLeft')).toEqual({ state: f2, effect: null, handled: false });
    expect(press(f2, 'Home').handled).toBe(false);
    // other keys while editing belong to the input
    expect(press(typed, '5').handled).toBe(false);
  });

  it('Delete and Backspace clear the selected cell', () => {
    expect(press(at(2, 2), 'Delete').effect).toEqual({ kind: 'clear', at: { row: 2, col: 2 } });
    expect(press(at(2, 2), 'Backspace').effect).toEqual({ kind: 'clear', at: { row: 2, col: 2 } });
  });

  it('a read-only grid still moves but never edits', () => {
    const ro = { ...dims, readOnly: true };
    expect(gridKey(at(0, 0), { key: 'ArrowDown' }, ro, '').state.sel).toEqual({ row: 1, col: 0 });
    expect(gridKey(at(0, 0), { key: '5' }, ro, '')).toEqual({ state: at(0, 0), effect: null, handled: false });
    expect(gridKey(at(0, 0), { key: 'Delete' }, ro, '').effect).toBeNull();
    expect(gridKey(at(0, 0), { key: 'F2' }, ro, '').state.edit).toBeNull();
  });

  it('does nothing in an empty grid; clampSel keeps the selection inside', () => {
    expect(gridKey(at(0, 0), { key: 'ArrowDown' }, { rows: 0, cols: 4, readOnly: false }, '').handled).toBe(false);
    expect(clampSel({ row: 9, col: 9 }, { rows: 3, cols: 4 })).toEqual({ row: 2, col: 3 });
  });
});
