/**
 * The words that mean a mark ("absent", "not admitted") instead of points — one list for the
 * grid, the teacher's Excel file and anything else that reads a typed mark, so a letter the
 * grid takes ("н", "д") is never refused by an import (issue 12, item 23). Kyrgyz, Russian and
 * English: single letters for speed, the usual paper abbreviations, and the full words the
 * documents print (both genders in Russian).
 */
import type { GradeMark } from './grading';

const MARK_WORDS: Record<GradeMark, readonly string[]> = {
  absent: ['н', 'к', 'a', 'н/я', 'ня', 'неявка', 'не явился', 'не явилась', 'кж', 'к/ж', 'келген жок', 'abs', 'absent'],
  not_admitted: [
    'д', 'ж', 'n', 'нд', 'н/д', 'не допущен', 'не допущена', 'недопуск', 'жж', 'ж/ж', 'жиберилген жок', 'экзаменге жиберилген жок',
    'na', 'n/a', 'not admitted', 'not_admitted',
  ],
};

const LOOKUP = new Map<string, GradeMark>(
  (Object.entries(MARK_WORDS) as [GradeMark, readonly string[]][]).flatMap(([mark, words]) => words.map((w) => [w, mark] as const)),
);

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ').replace(/ё/g, 'е').replace(/\.$/, '');

/** null for a blank (or a dash): no mark; undefined for a text that is no mark — refused, never guessed. */
export function readMark(text: string): GradeMark | null | undefined {
  const t = fold(text);
  if (t === '' || t === '-' || t === '—') return null;
  return LOOKUP.get(t);
}
