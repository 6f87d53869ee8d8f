import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { DEFAULT_SCALE, validateScale, type GradeBand, type GradingScale } from './grading';
import { describeScaleProblems } from './grading-scale-problems';

const withBands = (edit: (bands: GradeBand[]) => void): GradingScale => {
  const bands = DEFAULT_SCALE.bands.map((b) => ({ ...b }));
  edit(bands);
  return { ...DEFAULT_SCALE, bands };
};
const issues = (scale: GradingScale) => describeScaleProblems(scale, validateScale(scale));

describe('scale problems, placed and worded', () => {
  it('names the band that starts inside another and the band it runs into', () => {
    // band 9 is D+ 55–59; stretched to 62 it runs into band 8, C- 60–64
    const [overlap, ...rest] = issues(withBands((b) => (b[8] = { ...b[8]!, max: 62 })));
    expect(rest).toEqual([]);
    expect(overlap!.path).toBe('bands.7.min');
    expect(translate('en', overlap!.key, overlap!.values)).toBe('band 8: from 60 overlaps band 9 (55–62)');
    expect(translate('ru', overlap!.key, overlap!.values)).toBe('Диапазон 8: «от» 60 пересекается с диапазоном 9 (55–62)');
  });

  it('places a gap on the band just above it', () => {
    const [gap, ...rest] = issues(withBands((b) => (b[8] = { ...b[8]!, min: 57 })));
    expect(rest).toEqual([]);
    expect([gap!.path, translate('ru', gap!.key, gap!.values)]).toEqual(['bands.8.min', 'Баллы 55–56 не попадают ни в один диапазон']);
  });

  it('words the issue example: band 3 from 60 overlapping band 2 (55–64)', () => {
    const scale: GradingScale = {
      ...DEFAULT_SCALE,
      bands: [
        { min: 65, max: 100, letter: 'A', gpa: 400, traditional: 5, outcome: 'pass' },
        { min: 55, max: 64, letter: 'B', gpa: 300, traditional: 4, outcome: 'pass' },
        { min: 60, max: 54, letter: 'C', gpa: 200, traditional: 3, outcome: 'pass' },
        { min: 60, max: 62, letter: 'D', gpa: 100, traditional: 3, outcome: 'pass' },
        { min: 0, max: 54, letter: 'F', gpa: 0, traditional: 2, outcome: 'repeat' },
      ],
      passMark: 55,
    };
    const found = issues(scale);
    expect(found.find((i) => i.key === 'scale.problem.bandEmpty')).toEqual({ path: 'bands.2.max', key: 'scale.problem.bandEmpty', values: { band: 3, min: 60, max: 54 } });
    const o = found.find((i) => i.key === 'scale.problem.pointsOverlap')!;
    expect(translate('en', o.key, o.values)).toBe('band 4: from 60 overlaps band 2 (55–64)');
    expect(translate('ky', o.key, o.values)).toBe('4-диапазон: башы (60) 2-диапазон (55–64) менен кесилишет');
  });

  it('points a repeated letter or part key at the repetition, not the first use', () => {
    const scale: GradingScale = {
      ...withBands((b) => (b[3] = { ...b[3]!, letter: 'A' })),
      parts: [DEFAULT_SCALE.parts[0]!, { ...DEFAULT_SCALE.parts[1]!, key: 'm1' }, { ...DEFAULT_SCALE.parts[2]!, key: 'mark' }],
    };
    const byKey = Object.fromEntries(issues(scale).map((i) => [i.key, i.path]));
    expect(byKey['scale.problem.letterDuplicate']).toBe('bands.3.letter');
    expect(byKey['scale.problem.partKeyDuplicate']).toBe('parts.1.key');
    expect(byKey['scale.problem.partKeyReserved']).toBe('parts.2.key');
  });

  it('places whole-scale problems on their table or field', () => {
    const scale: GradingScale = {
      ...DEFAULT_SCALE,
      parts: [{ ...DEFAULT_SCALE.parts[0]!, max: 40 }, DEFAULT_SCALE.parts[1]!],
      admissionThreshold: 45,
      passMark: 60,
      attemptLimit: 0,
    };
    const found = issues(scale).map((i) => [i.path, translate('ru', i.key, i.values)]);
    expect(found).toEqual([
      ['parts', 'Нужна хотя бы одна часть итогового контроля (экзамен)'],
      ['parts', 'Максимумы частей в сумме дают 70, а нужно 100'],
      ['passMark', 'Проходной балл 60 должен совпадать с началом самого низкого диапазона «сдано» (50)'],
      ['attemptLimit', 'Число попыток: нужно целое число не меньше 1'],
    ]);
  });

  it('has nothing to say about the default scale', () => {
    expect(issues(DEFAULT_SCALE)).toEqual([]);
  });
});
