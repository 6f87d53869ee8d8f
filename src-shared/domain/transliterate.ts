/**
 * Names in Latin letters for English documents (issue 13, transcript): the spelling recorded
 * for the student (as in their passport) comes first; without one, this ICAO Doc 9303
 * (Part 3, Appendix B to Section 6, Cyrillic) transliteration. Kyrgyz letters the ICAO table
 * lacks follow the Kyrgyz passport's practice: Ң → N, Ө → O, Ү → U.
 */
const TABLE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  ң: 'n', ө: 'o', ү: 'u', і: 'i', ә: 'a', ғ: 'g', қ: 'k', ұ: 'u', һ: 'h',
};

/** One word: a capital stays a capital ("Жыргал" → "Zhyrgal"); a word in capitals stays in capitals. */
function word(w: string): string {
  const allCaps = w.length > 1 && w === w.toLocaleUpperCase('ru') && w !== w.toLocaleLowerCase('ru');
  let out = '';
  for (const ch of w.normalize('NFC')) {
    const lower = ch.toLocaleLowerCase('ru');
    const latin = TABLE[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    const capital = ch !== lower;
    out += capital && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return allCaps ? out.toUpperCase() : out;
}

/** "Жеңишбеков Нурлан Асан уулу" → "Zhenishbekov Nurlan Asan uulu"; Latin text passes unchanged. */
export function transliterate(text: string): string {
  return text.split(/(\s+|-)/).map((part) => (/^(\s+|-)$/.test(part) ? part : word(part))).join('');
}

/** The name English documents print: the passport's spelling when recorded, else transliterated (last, first, patronymic). */
export function latinNameOf(recorded: string | null, names: { lastName: string; firstName: string; patronymic: string | null }): string {
  const spelled = recorded?.trim();
  return spelled ? spelled : transliterate([names.lastName, names.firstName, names.patronymic].filter(Boolean).join(' '));
}
