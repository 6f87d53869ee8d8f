import { describe, expect, it } from 'vitest';
import { isBlockPaste, parseTsv, placePaste } from './grade-paste';

describe('parseTsv', () => {
  it('splits an Excel block into rows and cells', () => {
    expect(parseTsv('25\t30\t40\n10\t12\t\n')).toEqual([
      ['25', '30', '40'],
      ['10', '12', ''],
    ]);
  });

  it('reads Windows line endings and drops the trailing line break Excel adds', () => {
    expect(parseTsv('25,0\t30\r\n10\t12\r\n')).toEqual([
      ['25,0', '30'],
      ['10', '12'],
    ]);
    expect(parseTsv('7\r\n')).toEqual([['7']]);
  });

  it('keeps empty rows in the middle (they clear cells) and one value without a break', () => {
    expect(parseTsv('1\n\n3')).toEqual([['1'], [''], ['3']]);
    expect(parseTsv('17')).toEqual([['17']]);
  });

  it('gives nothing for an empty clipboard', () => {
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([]);
  });

  it('unquotes cells Excel quoted', () => {
    expect(parseTsv('"не\nявился"\t5\n"a""b"\t6')).toEqual([
      ['не\nявился', '5'],
      ['a"b', '6'],
    ]);
  });
});

describe('placePaste', () => {
  const block = [
    ['1', '2'],
    ['3', '4'],
  ];

  it('fills down and right from the selected cell', () => {
    expect(placePaste(block, { row: 1, col: 1 }, 5, 4)).toEqual({
      ok: true,
      rows: 2,
      cols: 2,
      cells: [
        { row: 1, col: 1, text: '1' },
        { row: 1, col: 2, text: '2' },
        { row: 2, col: 1, text: '3' },
        { row: 2, col: 2, text: '4' },
      ],
    });
  });

  it('refuses the whole paste when there are more rows than students below', () => {
    expect(placePaste(block, { row: 4, col: 0 }, 5, 4)).toEqual({ ok: false, reason: 'tooManyRows', rows: 2, available: 1 });
    const tall = Array.from({ length: 31 }, (_, i) => [String(i)]);
    expect(placePaste(tall, { row: 0, col: 0 }, 30, 4)).toMatchObject({ ok: false, reason: 'tooManyRows', rows: 31, available: 30 });
  });

  it('fits exactly to the last student', () => {
    expect(placePaste(block, { row: 3, col: 2 }, 5, 4)).toMatchObject({ ok: true, rows: 2 });
  });

  it('refuses a block wider than the columns to the right', () => {
    expect(placePaste([['1', '2', '3']], { row: 0, col: 2 }, 5, 4)).toEqual({ ok: false, reason: 'tooManyCols', cols: 3, available: 2 });
  });

  it('places ragged rows as far as they go and trims spaces', () => {
    const r = placePaste([['1', ' 2 '], ['3']], { row: 0, col: 0 }, 5, 4);
    expect(r.ok && r.cells).toEqual([
      { row: 0, col: 0, text: '1' },
      { row: 0, col: 1, text: '2' },
      { row: 1, col: 0, text: '3' },
    ]);
  });

  it('has nothing to place for an empty block', () => {
    expect(placePaste([], { row: 0, col: 0 }, 5, 4)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('isBlockPaste', () => {
  it('is a block only when the text spans cells', () => {
    expect(isBlockPaste('25')).toBe(false);
    expect(isBlockPaste('25\r\n')).toBe(false);
    expect(isBlockPaste('25\t30')).toBe(true);
    expect(isBlockPaste('25\n30\n')).toBe(true);
  });
});
