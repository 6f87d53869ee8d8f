/**
 * Dates in Kyrgyz running text. A numeric date takes no case ending ("01.09.2026-жылдан" mixes
 * the two and reads wrong), so an order spells the day and month out, with the month in the
 * case the sentence needs: "2026-жылдын 1-сентябрынан баштап" (from), "2026-жылдын
 * 28-августундагы № 5 буйругу" (of). Month stems follow vowel harmony (апрелинен, июнунан).
 */

/** the month with its possessive ending, before a case ending: сентябры-нан, апрели-нен */
const MONTHS = [
  ['январы', 'back'],
  ['февралы', 'back'],
  ['марты', 'back'],
  ['апрели', 'front'],
  ['майы', 'back'],
  ['июну', 'back'],
  ['июлу', 'back'],
  ['августу', 'back'],
  ['сентябры', 'back'],
  ['октябры', 'back'],
  ['ноябры', 'back'],
  ['декабры', 'back'],
] as const;

function parts(iso: string): { year: string; day: number; month: (typeof MONTHS)[number] } {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !month) throw new Error(`not an ISO date: ${iso}`);
  return { year: iso.slice(0, 4), day: Number(iso.slice(8, 10)), month };
}

/** "from <date>": 2026-09-01 → "2026-жылдын 1-сентябрынан". */
export function kyDateFrom(iso: string): string {
  const { year, day, month } = parts(iso);
  return `${year}-жылдын ${day}-${month[0]}${month[1] === 'front' ? 'нен' : 'нан'}`;
}

/** "of <date>", before what is dated: 2026-08-28 → "2026-жылдын 28-августундагы". */
export function kyDateOf(iso: string): string {
  const { year, day, month } = parts(iso);
  return `${year}-жылдын ${day}-${month[0]}${month[1] === 'front' ? 'ндеги' : 'ндагы'}`;
}
