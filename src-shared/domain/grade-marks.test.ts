import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../i18n';
import { readMark } from './grade-marks';

describe('reading a typed mark', () => {
  it('reads back every word a document or the grid prints for a mark, in every language and gender', () => {
    for (const lang of LOCALES) {
      for (const sex of ['M', 'F'] as const) {
        expect(readMark(translate(lang, 'doc.sheet.mark.absent', { sex })), `${lang} ${sex}`).toBe('absent');
        expect(readMark(translate(lang, 'doc.sheet.mark.not_admitted', { sex })), `${lang} ${sex}`).toBe('not_admitted');
      }
      expect(readMark(translate(lang, 'grades.mark.absent'))).toBe('absent');
      expect(readMark(translate(lang, 'grades.mark.not_admitted'))).toBe('not_admitted');
    }
  });

  it('takes the quick letters, reads a blank or a dash as no mark, and refuses anything else', () => {
    expect(['н', ' Н ', 'к', 'a'].map(readMark)).toEqual(Array(4).fill('absent'));
    expect(['д', 'ж', 'n', 'н/д'].map(readMark)).toEqual(Array(4).fill('not_admitted'));
    expect(['', '  ', '-', '—'].map(readMark)).toEqual([null, null, null, null]);
    expect(['5', 'болен', 'нет'].map(readMark)).toEqual([undefined, undefined, undefined]);
  });
});
