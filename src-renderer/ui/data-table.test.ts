import { describe, expect, it } from 'vitest';
import { compareCells } from './data-table';

describe('how a list column sorts', () => {
  it('puts ң after н, ө after о and ү after у (Kyrgyz alphabetical order)', () => {
    const names = ['Үсөнов', 'Ушаков', 'Өмүров', 'Осмонов', 'Ңаматов', 'Насыров', 'Абдыкадыров'];
    expect([...names].sort(compareCells)).toEqual(['Абдыкадыров', 'Насыров', 'Ңаматов', 'Осмонов', 'Өмүров', 'Ушаков', 'Үсөнов']);
  });
  it('sorts numbers by value, sheet numbers naturally, and blanks last', () => {
    expect([10, 9, 100].sort(compareCells)).toEqual([9, 10, 100]);
    expect(['26-00010', '26-00009', '26-00100'].sort(compareCells)).toEqual(['26-00009', '26-00010', '26-00100']);
    expect(['Б', null, '', 'А'].sort(compareCells)).toEqual(['А', 'Б', null, '']);
  });
});
