import { version } from '../../../../package.json';
import { LanguageSwitch } from '../../app/language-switch';
import { Link } from '../../app/router';
import { registerMessages, useI18n } from '../../i18n';
import { settings } from '../../i18n/messages/settings';
import { InstallOffer } from '../../pwa/install-prompt';
import { useOfflineCapable } from '../../pwa/register';
import { UnsyncedSummary } from '../../pwa/unsynced-summary';
import { ClearData } from './clear-data';
import { StoragePanel } from './storage-panel';
import { VillageSetting } from './village-setting';

registerMessages(settings);

export function SettingsScreen() {
  const { t } = useI18n();
  const offline = useOfflineCapable();
  return (
    <main className="screen settings">
      <h1>{t('settings.title')}</h1>

      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('app.language')}</h2>
        <div className="settings-lang"><LanguageSwitch /></div>
      </section>

      <InstallOffer />

      <VillageSetting />

      <section className="card" aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('settings.storage.title')}</h2>
        <p data-testid="offline-capable">{t(offline ? 'settings.offline.ready' : 'settings.offline.not-yet')}</p>
        <StoragePanel />
        <UnsyncedSummary />
      </section>

      <section className="card" aria-labelledby="settings-device">
        <h2 id="settings-device">{t('settings.device.title')}</h2>
        <p>{t('settings.device.body')}</p>
        <Link href="/enrol" className="btn btn-wide">{t('settings.device.link')}</Link>
      </section>

      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.version.title')}</h2>
        <p data-testid="app-version">{t('settings.version.value', { version })}</p>
        <h2>{t('settings.licence.title')}</h2>
        <p>{t('settings.licence.body')}</p>
      </section>

      <ClearData />
    </main>
  );
}
