import { useIntl } from 'react-intl';
import { LOCALES } from '../../src-shared/i18n';
import { useLocale } from './locale-context';

/** Kyrgyz / Русский / English, each written in its own language. */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <div className="lang-switch" role="group" aria-label={intl.formatMessage({ id: 'lang.label' })}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'lang-btn lang-btn-active' : 'lang-btn'}
          aria-pressed={l === locale}
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l)}
        >
          {intl.formatMessage({ id: `lang.${l}` })}
        </button>
      ))}
    </div>
  );
}
