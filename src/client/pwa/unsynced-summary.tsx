import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, readUnsyncedSummary } from '../db/app-state';
import { useI18n } from '../i18n';
import { formatSince } from './format';

/** "12 data belum terkirim sejak 08.14": what would be lost if this phone were lost today. */
export function UnsyncedSummary() {
  const { t, locale } = useI18n();
  const summary = useLiveQuery(() => readUnsyncedSummary(appDb()), []);
  if (!summary) return null;
  return (
    <div className="unsynced" data-testid="unsynced-summary">
      {summary.queued === 0 ? (
        <p className="ok-text">{t('pwa.unsynced.none')}</p>
      ) : (
        <p className="warn-text">
          {t('pwa.unsynced.some', {
            count: summary.queued,
            since: summary.oldestQueuedAt ? formatSince(summary.oldestQueuedAt, locale) : '',
          })}
        </p>
      )}
      {summary.rejected > 0 && <p className="error-text">{t('pwa.unsynced.rejected', { count: summary.rejected })}</p>}
    </div>
  );
}
