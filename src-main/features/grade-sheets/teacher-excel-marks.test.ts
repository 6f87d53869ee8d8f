import { describe, expect, it } from 'vitest';
import { parseMark } from './teacher-excel-layout';

describe('marks a teacher types in the Excel file', () => {
  it('takes either gender of the Russian words, the new and the old Kyrgyz word, and the abbreviations', () => {
    expect(['не явился', 'Не явилась', 'келген жок', 'н/я', 'absent'].map(parseMark)).toEqual(Array(5).fill('absent'));
    expect(['не допущен', 'не допущена.', 'экзаменге жиберилген жок', 'жиберилген жок', 'н/д'].map(parseMark)).toEqual(Array(5).fill('not_admitted'));
    expect(parseMark('  ')).toBeNull();
    // the grid's letters work in the file too: one parser for both
    expect(['н', 'К', 'д', 'Ж'].map(parseMark)).toEqual(['absent', 'absent', 'not_admitted', 'not_admitted']);
    expect(parseMark('болел')).toBeUndefined();
  });
});
