/**
 * Advance widths of DejaVu Serif (resources/fonts), in thousandths of an em, for the letters
 * documents print: Kyrgyz, Russian and Kazakh Cyrillic, Latin, digits and punctuation.
 * Measured from the .ttf files (hmtx); re-measure if the fonts change. The column fitter
 * uses them so that no word is cut inside a table cell.
 */
const CHARS = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁёҢңӨөҮүҰұҚқҒғӘәІіҺһABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;()-«»№→–—'\"/_";

const REGULAR =
  '758,735,735,663,813,730,1124,624,873,873,774,835,1024,873,820,873,673,766,667,723,831,712,873,773,' +
  '1142,1142,795,984,674,766,1194,808,597,603,563,524,616,592,920,546,667,667,625,636,778,667,603,667,' +
  '641,561,554,589,783,564,644,662,930,930,637,796,545,561,871,631,730,592,873,642,820,603,661,565,661,' +
  '565,774,606,663,524,820,592,396,320,750,645,723,735,766,802,730,694,799,873,396,401,748,665,1024,875,' +
  '820,673,820,753,686,667,843,723,1028,712,661,695,597,641,561,641,592,371,641,645,320,311,606,320,949,' +
  '645,603,641,641,479,514,402,645,565,856,564,565,527,637,637,637,637,637,637,637,637,637,637,318,318,' +
  '318,337,337,391,391,338,612,612,947,838,500,1000,275,460,337,500';

const BOLD =
  '815,855,846,691,890,763,1313,722,945,945,910,885,1107,945,872,945,752,796,745,812,949,776,967,914,' +
  '1269,1293,957,1202,826,796,1288,882,648,667,695,613,667,637,1010,639,742,742,723,706,869,732,667,732,' +
  '700,609,620,641,902,597,739,732,1075,1083,768,1003,679,609,1026,739,763,637,967,739,872,667,714,582,' +
  '714,582,947,745,691,613,872,637,468,380,911,728,776,846,796,868,763,710,855,945,468,474,870,704,1107,' +
  '915,872,752,872,832,723,745,873,776,1124,776,714,730,648,700,609,700,637,431,700,728,380,362,693,380,' +
  '1059,728,667,700,700,527,563,462,728,582,861,597,582,568,696,696,696,696,696,696,696,696,696,696,349,' +
  '349,349,370,370,474,474,416,625,625,1087,838,500,1000,307,521,366,500';

function table(widths: string): Map<string, number> {
  const values = widths.split(',').map(Number);
  return new Map([...CHARS].map((ch, i) => [ch, values[i]!]));
}

const regular = table(REGULAR);
const bold = table(BOLD);

/** Unknown characters count as wide as the widest capitals, so an estimate never falls short. */
const UNKNOWN = { regular: 1150, bold: 1320 };

/** Width of a text in points at a size, from the advances (kerning only ever narrows it). */
export function textWidth(text: string, size: number, isBold = false): number {
  const widths = isBold ? bold : regular;
  let em = 0;
  for (const ch of text) em += widths.get(ch) ?? (isBold ? UNKNOWN.bold : UNKNOWN.regular);
  return (em / 1000) * size;
}
