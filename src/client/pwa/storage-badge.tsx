import { useI18n } from '../i18n';
import { formatBytes } from './format';
import { useStorageStatus } from './persistent-storage';

/** A compact line for the home screen; the settings screen shows the full picture. */
export function StorageBadge() {
  const { t, locale } = useI18n();
  const { persisted, usageBytes } = useStorageStatus();
  const state = persisted === null ? 'unknown' : persisted ? 'persisted' : 'not-persisted';
  return (
    <p className={`storage-note storage-note--${state}`} data-testid="storage-badge">
      {t(`pwa.storage.${state}`)}
      {/* "0 B" tells nobody anything: the size shows once there is data worth counting. */}
      {usageBytes !== null && usageBytes >= 1024 && ` ${t('pwa.storage.used', { size: formatBytes(usageBytes, locale) })}`}
    </p>
  );
}
