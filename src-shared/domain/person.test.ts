import { describe, expect, it } from 'vitest';
import { cleanNamePart, compareNames, fullName, searchFold, shortName, signatureName } from './person';

const p = (lastName: string, firstName: string, patronymic: string | null = null) => ({ lastName, firstName, patronymic });

describe('names (DOMAIN.md §8)', () => {
  it('keeps a Kyrgyz patronymic of two words as one part', () => {
    expect(fullName(p('Асанов', 'Үмүт', 'Асан уулу'))).toBe('Асанов Үмүт Асан уулу');
    expect(shortName(p('Асанов', 'Үмүт', 'Асан уулу'))).toBe('Асанов Ү. А.');
    // under a signature the initials come first
    expect(signatureName(p('Козлов', 'Сергей', 'Борисович'))).toBe('С. Б. Козлов');
    expect(signatureName(p('Асанов', 'үмүт', 'Асан уулу'))).toBe('Ү. А. Асанов');
  });

  it('handles people without a patronymic', () => {
    expect(fullName(p('Sharma', 'Rahul'))).toBe('Sharma Rahul');
    expect(shortName(p('Sharma', 'Rahul'))).toBe('Sharma R.');
    expect(signatureName(p('Sharma', 'Rahul'))).toBe('R. Sharma');
  });

  it('cleans whitespace inside a part without splitting it', () => {
    expect(cleanNamePart('  Асан   уулу ')).toBe('Асан уулу');
  });

  it('sorts in the Kyrgyz alphabet: ң after н, ө after о, ү after у', () => {
    const names = [p('Үсөнов', 'А'), p('Усенов', 'А'), p('Өмүров', 'А'), p('Орозов', 'А'), p('Ңазаров', 'А'), p('Назаров', 'А')];
    expect(names.sort(compareNames).map((n) => n.lastName)).toEqual([
      'Назаров',
      'Ңазаров',
      'Орозов',
      'Өмүров',
      'Усенов',
      'Үсөнов',
    ]);
  });

  it('folds case for search but keeps ң/ө/ү distinct from н/о/у', () => {
    expect(searchFold('ҮСӨНОВ Жеңиш')).toBe('үсөнов жеңиш');
    expect(searchFold('Үсөнов')).not.toBe(searchFold('Усонов'));
  });
});
