/**
 * People's names, DOMAIN.md §8. Names are stored as parts and never split on spaces:
 * "Асан уулу" is one patronymic, and some people have none.
 */
export type Sex = 'F' | 'M';

export interface NameParts {
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

/** "Фамилия Аты Атасынын аты" — the order used on every document. */
export function fullName(n: NameParts): string {
  return [n.lastName, n.firstName, n.patronymic].filter((p): p is string => !!p && p.trim() !== '').join(' ');
}

/** "Үмүт" → "Ү."; nothing for a missing part. */
function initial(s: string | null): string {
  return s && s.trim() ? `${s.trim()[0]!.toLocaleUpperCase('ky')}.` : '';
}

/** "Фамилия А. А." — short, for lists and screens; a Kyrgyz patronymic "Асан уулу" gives "А." too. */
export function shortName(n: NameParts): string {
  return [n.lastName, [initial(n.firstName), initial(n.patronymic)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' ');
}

/**
 * A name under a signature: initials first, then the surname ("С. Б. Козлов", "Ү. А. Асанов"),
 * as offices print it beside a signatory's line.
 */
export function signatureName(n: NameParts): string {
  return [initial(n.firstName), initial(n.patronymic), n.lastName].filter(Boolean).join(' ');
}

/** Trims and folds inner whitespace of one name part; keeps inner spaces ("Асан уулу"). */
export function cleanNamePart(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The Kyrgyz alphabet order (ң after н, ө after о, ү after у) from ICU's 'ky' tailoring. */
export const kyCollator = new Intl.Collator('ky', { sensitivity: 'base', numeric: true });

export function compareNames(a: NameParts, b: NameParts): number {
  return (
    kyCollator.compare(a.lastName, b.lastName) ||
    kyCollator.compare(a.firstName, b.firstName) ||
    kyCollator.compare(a.patronymic ?? '', b.patronymic ?? '')
  );
}

/**
 * Lower-case, NFC text used for substring search over names and numbers, as typed: Kyrgyz
 * letters keep their identity (ң ≠ н), so an exact match can be ranked first.
 */
export function searchFold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('ky').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * What a Russian keyboard or a Latin layout types for a Kyrgyz letter: ң, ө, ү are typed н, о, у
 * where a keyboard lacks them, and Latin look-alikes slip into Cyrillic names ("Aсанов" with a
 * Latin A). One character for one, so a match keeps its position (the repository relies on it).
 */
export const LOOSE_LETTERS: Readonly<Record<string, string>> = {
  ң: 'н', ө: 'о', ү: 'у',
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};
const LOOSE_RE = new RegExp(`[${Object.keys(LOOSE_LETTERS).join('')}]`, 'g');

/** searchFold with the letters people type for one another made the same (search matching). */
export function looseFold(s: string): string {
  return searchFold(s).replace(LOOSE_RE, (c) => LOOSE_LETTERS[c]!);
}
