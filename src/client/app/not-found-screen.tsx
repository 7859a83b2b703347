import { useI18n } from '../i18n';
import { Link } from './router';

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
