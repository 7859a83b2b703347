import { useEffect } from 'react';
import { appDb, readStartupState, writeLocaleMirror } from '../db/app-state';
import { I18nProvider, useI18n, type Locale } from '../i18n';
import { ErrorBoundary } from './error-boundary';
import { Layout } from './layout';
import { RouteView } from './routes';

/** Keeps <html lang> in step with the chosen language (screen readers, hyphenation, fonts). */
function DocumentLang() {
  const { locale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}

/**
 * The first frame uses the localStorage copy of the language; the saved one in IndexedDB wins
 * when it answers and differs (a cleared localStorage, an older app version).
 */
function SavedLocale() {
  const { locale, setLocale } = useI18n();
  useEffect(() => {
    let live = true;
    readStartupState(appDb()).then((state) => {
      if (!live || !state.locale) return;
      writeLocaleMirror(state.locale);
      if (state.locale !== locale) setLocale(state.locale);
    }).catch(() => undefined);
    return () => { live = false; };
    // Once, at start: later changes come from the language switch itself.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

export function App({ initialLocale = 'id' }: { initialLocale?: Locale }) {
  return (
    <ErrorBoundary>
      <I18nProvider initial={initialLocale}>
        <DocumentLang />
        <SavedLocale />
        <Layout>
          <RouteView />
        </Layout>
      </I18nProvider>
    </ErrorBoundary>
  );
}
