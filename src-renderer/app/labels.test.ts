import { describe, expect, it } from 'vitest';
import { EXPULSION_REASONS, ORDER_STATES, ORDER_TYPES } from '../../src-shared/domain/orders';
import { catalogs, LOCALES } from '../../src-shared/i18n';
import { expulsionReasonKey, historyKindMessage, localName, orderStateKey, orderTypeKey, specialtyLabel } from './labels';
import { formattingLocale, readStoredLocale } from './locale-store';

describe('labels', () => {
  it('tells a bachelor’s from a master’s programme with the same code', () => {
    const name = { ky: 'Экономика', ru: 'Экономика', en: 'Economics' };
    expect(specialtyLabel({ code: '580100', name, level: 'bachelor' }, 'ru')).toBe('580100 Экономика (бакалавриат)');
    expect(specialtyLabel({ code: '580100', name, level: 'master' }, 'ky')).toBe('580100 Экономика (магистратура)');
    expect(specialtyLabel({ code: '580100', name, level: 'master' }, 'en')).toBe('580100 Economics (master’s)'.replace('’', "'"));
  });

  it('falls back to a generic history kind', () => {
    expect(historyKindMessage('promotion')).toEqual({ id: 'historyKind.promotion' });
    expect(historyKindMessage('something_new')).toEqual({ id: 'historyKind.other', values: { kind: 'something_new' } });
    // a cancellation order writes its own history entry
    expect(historyKindMessage('cancellation')).toEqual({ id: 'historyKind.cancellation' });
  });

  it('names every order type, state and expulsion reason in every language', () => {
    for (const l of LOCALES) {
      for (const t of ORDER_TYPES) {
        expect(catalogs[l][orderTypeKey(t)], `${l} ${t}`).toBeTruthy();
        expect(catalogs[l][historyKindMessage(t).id], `${l} history ${t}`).toBeTruthy();
      }
      for (const s of ORDER_STATES) expect(catalogs[l][orderStateKey(s)]).toBeTruthy();
      for (const r of EXPULSION_REASONS) expect(catalogs[l][expulsionReasonKey(r)]).toBeTruthy();
    }
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
