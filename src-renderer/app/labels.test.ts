import { describe, expect, it } from 'vitest';
import { historyKindMessage, localName } from './labels';
import { formattingLocale, readStoredLocale } from './locale-store';

describe('labels', () => {
  it('falls back to a generic history kind', () => {
    expect(historyKindMessage('promotion')).toEqual({ id: 'historyKind.promotion' });
    expect(historyKindMessage('something_new')).toEqual({ id: 'historyKind.other', values: { kind: 'something_new' } });
  });

  it('picks the name in the UI language', () => {
    const n = { ky: 'Экономика факультети', ru: 'Экономический факультет', en: 'Faculty of Economics' };
    expect(localName(n, 'ky')).toBe('Экономика факультети');
    expect(localName(n, 'en')).toBe('Faculty of Economics');
    expect(localName({ ...n, en: '' }, 'en')).toBe('Экономика факультети');
    expect(localName(undefined, 'ru')).toBe('');
  });
});

describe('remembered locale', () => {
  it('defaults to Kyrgyz', () => {
    expect(readStoredLocale({ getItem: () => null })).toBe('ky');
    expect(readStoredLocale({ getItem: () => 'de' })).toBe('ky');
    expect(readStoredLocale({ getItem: () => 'ru' })).toBe('ru');
    expect(
      readStoredLocale({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('ky');
  });
});

describe('formatting locale', () => {
  it('formats Kyrgyz numbers like Russian where the runtime has no Kyrgyz data', () => {
    expect(formattingLocale('ky', () => false)).toBe('ru');
    expect(formattingLocale('ky', () => true)).toBe('ky');
    expect(formattingLocale('en', () => false)).toBe('en');
  });
});
