/** The points a driver's round gives: m1/m2 in 15..30, exam in 20..40, different each round. */
export function pointsFor(round: number, sheetIndex: number, position: number): { m1: number; m2: number; exam: number } {
  const k = round * 7 + sheetIndex * 13 + position * 3;
  return { m1: 15 + (k % 16), m2: 15 + ((k * 5) % 16), exam: 20 + ((k * 11) % 21) };
}
