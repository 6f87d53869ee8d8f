/**
 * People for the demo: names by origin, ПИН numbers (with the occasional real-life typo) and
 * birth dates. Names are produced as parts and never split (DOMAIN.md §8): "Асан уулу" is
 * one patronymic.
 */
import type { NameParts, Sex } from '../../../src-shared/domain/person';
import { makePin } from '../../../src-shared/domain/pin';
import { addDays, fromDays, isRealDate, toDays } from './demo-calendar';
import * as N from './demo-names.data';
import type { Rng } from './demo.random';

/** where a name comes from; citizenship is decided separately (a KG citizen may have a Russian name) */
export type Origin = 'kg' | 'ru' | 'uz' | 'kz' | 'in' | 'pk';

function femaleSurname(male: string): string {
  return /(ов|ев|ёв|ин)$/.test(male) ? `${male}а` : male;
}

/**
 * Russian-style patronymic from a (Kyrgyz, Uzbek, Kazakh) father's name, the way civil
 * registries write it: Бакыт → Бакытович / Бакытовна, Түгөлбай → Түгөлбаевич, Али → Алиевич.
 */
export function russianStylePatronymic(father: string, sex: Sex): string {
  let stem = father;
  let soft = false;
  if (stem.endsWith('й')) {
    stem = stem.slice(0, -1);
    soft = true;
  } else if (/[жшчщцаеиоуыэюяүө]$/.test(stem)) {
    soft = true;
  }
  return stem + (soft ? (sex === 'M' ? 'евич' : 'евна') : sex === 'M' ? 'ович' : 'овна');
}

/** Kyrgyz-style patronymic: the father's name and a separate word, "Асан уулу" / "Асан кызы". */
export function kyrgyzStylePatronymic(father: string, sex: Sex): string {
  return `${father} ${sex === 'M' ? 'уулу' : 'кызы'}`;
}

export interface NameOptions {
  /** share of Kyrgyz-style patronymics among people of Kyrgyz origin */
  kyrgyzPatronymicShare?: number;
}

export function makeName(rng: Rng, origin: Origin, sex: Sex, opts: NameOptions = {}): NameParts {
  const male = sex === 'M';
  switch (origin) {
    case 'kg': {
      const surname = rng.pick(N.KY_SURNAMES);
      const firstName = rng.pick(male ? N.KY_MALE_FIRST : N.KY_FEMALE_FIRST);
      let father = rng.pick(N.KY_FATHER_NAMES);
      // a son is seldom named after his father
      while (father === firstName) father = rng.pick(N.KY_FATHER_NAMES);
      const kyStyle = rng.chance(opts.kyrgyzPatronymicShare ?? 0.5);
      return {
        lastName: male ? surname : femaleSurname(surname),
        firstName,
        patronymic: kyStyle ? kyrgyzStylePatronymic(father, sex) : russianStylePatronymic(father, sex),
      };
    }
    case 'ru': {
      const surname = rng.pick(N.RU_SURNAMES);
      const [pm, pf] = rng.pick(N.RU_PATRONYMICS);
      return {
        lastName: male ? surname : femaleSurname(surname),
        firstName: rng.pick(male ? N.RU_MALE_FIRST : N.RU_FEMALE_FIRST),
        patronymic: male ? pm : pf,
      };
    }
    case 'uz': {
      const surname = rng.pick(N.UZ_SURNAMES);
      const father = rng.pick(N.UZ_MALE_FIRST);
      // Uzbek passports write "Алишер угли" / "Алишер кизи" (ўғли / қизи) or the Russian form
      const patronymic = rng.chance(0.3) ? `${father} ${male ? 'угли' : 'кизи'}` : russianStylePatronymic(father, sex);
      return {
        lastName: male ? surname : femaleSurname(surname),
        firstName: rng.pick(male ? N.UZ_MALE_FIRST : N.UZ_FEMALE_FIRST),
        patronymic,
      };
    }
    case 'kz': {
      const surname = rng.pick(N.KZ_SURNAMES);
      const father = rng.pick(N.KZ_MALE_FIRST);
      // Kazakh style is one word with Kazakh letters: "Асхатұлы" / "Асхатқызы"
      const patronymic = rng.chance(0.3) ? `${father}${male ? 'ұлы' : 'қызы'}` : russianStylePatronymic(father, sex);
      return {
        lastName: male ? surname : femaleSurname(surname),
        firstName: rng.pick(male ? N.KZ_MALE_FIRST : N.KZ_FEMALE_FIRST),
        patronymic,
      };
    }
    case 'in':
      return {
        lastName: rng.pick(N.IN_SURNAMES),
        firstName: rng.pick(male ? N.IN_MALE_FIRST : N.IN_FEMALE_FIRST),
        patronymic: null,
      };
    case 'pk':
      return {
        lastName: rng.pick(N.PK_SURNAMES),
        firstName: rng.pick(male ? N.PK_MALE_FIRST : N.PK_FEMALE_FIRST),
        patronymic: null,
      };
  }
}

/** A birth date that makes the person exactly `age` full years old on `onIso`. */
export function birthDateForAge(rng: Rng, age: number, onIso: string): string {
  const y = Number(onIso.slice(0, 4));
  const latest = toDays(`${y - age}${onIso.slice(4)}`);
  const earliest = toDays(addDays(`${y - age - 1}${onIso.slice(4)}`, 1));
  return fromDays(rng.int(earliest, latest));
}

/** A birth date that is not `birth` but one slip away from it: a day, a year, or day and month swapped. */
function typoDate(rng: Rng, birth: string): string {
  const [y, m, d] = birth.split('-') as [string, string, string];
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = rng.int(0, 2);
    let candidate: string;
    if (kind === 0) candidate = `${y}-${d}-${m}`;
    else if (kind === 1) candidate = `${Number(y) + (rng.chance(0.5) ? 1 : -1)}-${m}-${d}`;
    else candidate = addDays(birth, rng.chance(0.5) ? 1 : -1);
    if (candidate !== birth && isRealDate(candidate)) return candidate;
  }
  return addDays(birth, 1);
}

/**
 * Hands out unique ПИН numbers (DOMAIN.md §8): sex digit, DDMMYYYY, a five-digit serial.
 * With `typo` the date part disagrees with the recorded birth date, as it does in about one
 * real record in a hundred; `checkPin` reports it as a warning.
 */
export class PinIssuer {
  private readonly used = new Set<string>();

  /** `rng` is the caller's stream, so staff and students keep independent sequences */
  issue(rng: Rng, sex: Sex, birthDate: string, typo = false): string {
    const date = typo ? typoDate(rng, birthDate) : birthDate;
    for (;;) {
      const pin = makePin(sex, date, rng.int(1, 99999));
      if (!this.used.has(pin)) {
        this.used.add(pin);
        return pin;
      }
    }
  }
}
