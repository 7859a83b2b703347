import { useI18n } from '../i18n';
import { Link } from './router';

/** Stands in for a screen whose feature module is not built yet (see routes.tsx). */
export function PlaceholderScreen({ titleKey }: { titleKey: string }) {
  const { t } = useI18n();
  return (
    <main className="screen" data-placeholder="true">
      <h1>{t(titleKey)}</h1>
      <p className="muted">{t('placeholder.title')}</p>
      <p>{t('placeholder.body')}</p>
      <Link href="/" className="btn">{t('action.home')}</Link>
    </main>
  );
}

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <main className="screen">
      <h1>{t('notfound.title')}</h1>
      <p>{t('notfound.body')}</p>
      <Link href="/" className="btn btn-primary">{t('action.home')}</Link>
    </main>
  );
}
