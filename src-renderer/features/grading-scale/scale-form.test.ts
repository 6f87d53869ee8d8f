import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../src-shared/domain/grading';
import { translate } from '../../../src-shared/i18n';
import { checkForm, formOf, parseGpa, partsSum, serverProblems, type Problem } from './scale-form';

const words = (p: Problem) => ('text' in p ? p.text : translate('en', p.key, p.values));

describe('the scale editor’s form', () => {
  it('round-trips the shipped scale, showing GPA with the locale’s separator', () => {
    const form = formOf(DEFAULT_SCALE, ',');
    expect(form.bands[1]).toMatchObject({ min: '90', max: '94', letter: 'A-', gpa: '3,67' });
    expect(formOf(DEFAULT_SCALE, '.').bands[1]!.gpa).toBe('3.67');
    expect(checkForm(form)).toEqual({ scale: DEFAULT_SCALE, problems: new Map(), count: 0 });
  });

  it('reads GPA with a comma or a dot, at most two decimals, 0–4 by its digits', () => {
    expect([parseGpa('3,67'), parseGpa('3.6'), parseGpa(' 4 '), parseGpa('0.05')]).toEqual([367, 360, 400, 5]);
    expect([parseGpa('3.675'), parseGpa('12'), parseGpa(''), parseGpa('a')]).toEqual([null, null, null, null]);
  });

  it('marks what does not parse in its cell and sends nothing', () => {
    const form = formOf(DEFAULT_SCALE, '.');
    form.bands[2]!.min = '8 5';
    form.bands[3]!.gpa = '3.005';
    form.passMark = '';
    const r = checkForm(form);
    expect(r.scale).toBeNull();
    expect([...r.problems.keys()]).toEqual(['bands.2.min', 'bands.3.gpa', 'passMark']);
    expect(words(r.problems.get('bands.3.gpa')![0]!)).toBe('a number from 0 to 4 is needed, e.g. 3.67');
  });

  it('places an overlapping band’s problem on its “from” cell, as main words it', () => {
    const form = formOf(DEFAULT_SCALE, '.');
    form.bands[8]!.max = '62';
    const r = checkForm(form);
    expect(r.scale).toBeNull();
    expect(r.count).toBe(1);
    expect(words(r.problems.get('bands.7.min')![0]!)).toBe('band 8: from 60 overlaps band 9 (55–62)');
  });

  it('sums the parts typed so far and reports a sum other than 100 on the parts table', () => {
    const form = formOf(DEFAULT_SCALE, '.');
    form.parts[2]!.max = '50';
    form.admissionThreshold = '30';
    expect(partsSum(form)).toBe(110);
    expect(words(checkForm(form).problems.get('parts')![0]!)).toBe('the parts’ maxima add up to 110, not 100');
    form.parts[2]!.max = 'x';
    expect(partsSum(form)).toBe(60);
  });

  it('puts main’s field problems on the same paths', () => {
    const m = serverProblems([{ path: 'scale.bands.7.min', message: 'band 8: …' }, { path: 'baseVersion', message: 'stale' }]);
    expect([...m.entries()]).toEqual([['bands.7.min', [{ text: 'band 8: …' }]], ['baseVersion', [{ text: 'stale' }]]]);
  });
});
