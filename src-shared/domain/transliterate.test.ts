import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate';

describe('ICAO 9303 transliteration of names', () => {
  it('writes Russian letters as the ICAO table does', () => {
    expect(transliterate('Щукин Юрий Фёдорович')).toBe('Shchukin Iurii Fedorovich');
    expect(transliterate('Хабибуллина Яна Цезаревна')).toBe('Khabibullina Iana Tsezarevna');
    // ъ is "ie" and ь is dropped, as the table has them
    expect(transliterate('Подъячев Ильич')).toBe('Podieiachev Ilich');
    expect(transliterate('Эльвира Жукова')).toBe('Elvira Zhukova');
  });

  it('writes the Kyrgyz letters as the Kyrgyz passport does (ң → n, ө → o, ү → u), patronymics and hyphens kept', () => {
    expect(transliterate('Жеңишбеков Нурлан Асан уулу')).toBe('Zhenishbekov Nurlan Asan uulu');
    expect(transliterate('Өмүрбекова Мээрим')).toBe('Omurbekova Meerim');
    expect(transliterate('Сүйүнбаева-Асанова Айгүл')).toBe('Suiunbaeva-Asanova Aigul');
  });

  it('keeps capitals where they were, a word in capitals in capitals, and Latin text as it is', () => {
    expect(transliterate('ЖЫРГАЛ')).toBe('ZHYRGAL');
    expect(transliterate('Nair Ananya')).toBe('Nair Ananya');
    expect(transliterate('Ч')).toBe('Ch');
  });
});
