import { DEFAULT_LOCALE, pickLocale, type Locale } from '../../src-shared/i18n';

export const LOCALE_STORAGE = 'unidesk.locale';

/** The remembered UI language; Kyrgyz (the state language) when none or an unknown one is stored. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    return pickLocale(storage?.getItem(LOCALE_STORAGE) ?? DEFAULT_LOCALE);
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this window only
  }
}

/**
 * The locale react-intl formats numbers with. Chromium (and so Electron) ships ICU data without
 * Kyrgyz number formats, so `Intl.NumberFormat('ky')` silently falls back to en-US ("8,381").
 * Kyrgyz writes numbers the way Russian does ("8 381"), so we format with 'ru' then. Kyrgyz
 * messages use only the plural category `other`, which any locale's rules reach.
 */
export function formattingLocale(locale: Locale, supported: (l: string) => boolean = intlSupports): string {
  return locale === 'ky' && !supported('ky') ? 'ru' : locale;
}

function intlSupports(l: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([l]).length > 0;
  } catch {
    return false;
  }
}
