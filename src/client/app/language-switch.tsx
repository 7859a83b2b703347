import { appDb, saveLocale } from '../db/app-state';
import { useI18n, type Locale } from '../i18n';
import { LOCALES } from '../i18n/types';

/** Two big buttons (ID / EN); the choice is kept in meta `locale` for the next start. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const choose = (next: Locale) => {
    setLocale(next);
    void saveLocale(appDb(), next);
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={locale === code}
          title={t(`app.language.${code}`)}
          onClick={() => choose(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
