import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { catalogs, type Locale } from '../../src-shared/i18n';
import { setCallLocale } from '../api/client';
import { formattingLocale, readStoredLocale, storeLocale } from './locale-store';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function useLocale(): LocaleState {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}

function reportIntlError(err: { code?: string; message: string }): void {
  // every key exists in all three catalogs (a test checks it); anything else is worth seeing
  console.error(err.message);
}

/** The UI language: remembered in localStorage, sent with every call, set on <html lang>. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = readStoredLocale(window.localStorage);
    setCallLocale(l);
    return l;
  });

  const setLocale = useCallback((l: Locale) => {
    setCallLocale(l);
    storeLocale(window.localStorage, l);
    setLocaleState(l);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = catalogs[locale]['app.title'];
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider
        locale={formattingLocale(locale)}
        defaultLocale={formattingLocale(locale)}
        messages={catalogs[locale]}
        onError={reportIntlError}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
