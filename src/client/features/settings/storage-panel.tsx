import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatBytes } from '../../pwa/format';
import { requestPersistentStorage, useStorageStatus } from '../../pwa/persistent-storage';

export function StoragePanel() {
  const { t, locale } = useI18n();
  const { persisted, usageBytes, quotaBytes } = useStorageStatus();
  const [asking, setAsking] = useState(false);
  const state = persisted === null ? 'unknown' : persisted ? 'persisted' : 'not-persisted';

  const ask = async () => {
    setAsking(true);
    try {
      await requestPersistentStorage();
    } finally {
      setAsking(false);
    }
  };

  return (
    <>
      <p className={`badge badge-${state}`} data-testid="storage-state">{t(`pwa.storage.${state}`)}</p>
      <p>{t(`settings.storage.${state}`)}</p>
      {usageBytes !== null && quotaBytes !== null && (
        <p>{t('settings.storage.usage', { used: formatBytes(usageBytes, locale), quota: formatBytes(quotaBytes, locale) })}</p>
      )}
      {persisted !== true && (
        <button type="button" className="btn" disabled={asking} onClick={() => void ask()}>
          {t('settings.storage.ask')}
        </button>
      )}
    </>
  );
}
