import { useEffect } from 'react';
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

export function App({ initialLocale = 'id' }: { initialLocale?: Locale }) {
  return (
    <ErrorBoundary>
      <I18nProvider initial={initialLocale}>
        <DocumentLang />
        <Layout>
          <RouteView />
        </Layout>
      </I18nProvider>
    </ErrorBoundary>
  );
}
