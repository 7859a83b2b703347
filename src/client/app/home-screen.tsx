import { useLiveQuery } from 'dexie-react-hooks';
import { appDb, readRole, readVillageSetting } from '../db/app-state';
import { QuotaMeter } from '../features/quota';
import { useI18n } from '../i18n';
import { InstallOffer } from '../pwa/install-prompt';
import { StorageBadge } from '../pwa/storage-badge';
import { UnsyncedSummary } from '../pwa/unsynced-summary';
import { Link } from './router';

/** Home: the village's quota, the one big action, and whether this phone's data is safe. */
export function HomeScreen() {
  const { t } = useI18n();
  const village = useLiveQuery(() => readVillageSetting(appDb()), []);
  const role = useLiveQuery(() => readRole(appDb()), []);

  return (
    <main className="screen home">
      <h1>{t('home.title')}</h1>
      {/* The one action that matters, above the fold on a 360x740 phone. */}
      {role === 'coordinator' ? (
        <Link href="/koordinator" className="btn btn-primary btn-big">{t('home.coordinator')}</Link>
      ) : (
        <Link href="/daftar" className="btn btn-primary btn-big">{t('home.enrol')}</Link>
      )}
      <Link href="/peserta" className="btn btn-wide">{t('home.roster')}</Link>
      <section className="card" aria-labelledby="home-data">
        <h2 id="home-data">{t('home.data')}</h2>
        <UnsyncedSummary />
        <StorageBadge />
      </section>
      {/* Last on the page: it appears when IndexedDB answers, and an element added at the end
          moves nothing above it (no layout shift); still above the fold on a 360x740 phone.
          One short line: a larger text block appearing this late would become the page's
          largest paint (P2's LCP) in place of the boot screen's. */}
      {village && (
        village.villageCode ? (
          <QuotaMeter villageCode={village.villageCode} />
        ) : (
          <p className="village" data-testid="home-no-village">
            {t('home.village.none')} <Link href="/pengaturan">{t('home.village.choose')}</Link>
          </p>
        )
      )}
      <InstallOffer compact />
    </main>
  );
}
