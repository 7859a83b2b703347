import { useI18n } from '../i18n';
import { useServiceWorker } from './register';

export interface UpdateBannerProps {
  needRefresh: boolean;
  reloadNeeded: boolean;
  offlineReady: boolean;
  /** The enrol form holds unsaved input: the update must wait (a reload would interrupt it). */
  blocked: boolean;
  onUpdate: () => void;
  onDismiss: () => void;
  onDismissOfflineReady: () => void;
}

export function UpdateBanner(props: UpdateBannerProps) {
  const { t } = useI18n();
  const { needRefresh, reloadNeeded, offlineReady, blocked } = props;
  if (needRefresh || reloadNeeded) {
    return (
      <section className="banner banner-update" role="status" aria-live="polite">
        <p className="banner-title">{t(needRefresh ? 'pwa.update.available' : 'pwa.reload.needed')}</p>
        {blocked && <p id="update-blocked">{t('pwa.update.blocked')}</p>}
        <div className="banner-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked}
            aria-describedby={blocked ? 'update-blocked' : undefined}
            // Checked again on click: the button may be stale for one frame after typing starts.
            onClick={() => { if (!blocked) props.onUpdate(); }}
          >
            {t(needRefresh ? 'pwa.update.apply' : 'pwa.reload.apply')}
          </button>
          {needRefresh && (
            <button type="button" className="btn" onClick={props.onDismiss}>{t('pwa.update.later')}</button>
          )}
        </div>
      </section>
    );
  }
  if (offlineReady) {
    return (
      <section className="banner" role="status" aria-live="polite">
        <p className="banner-title">{t('pwa.offline.ready')}</p>
        <div className="banner-actions">
          <button type="button" className="btn" onClick={props.onDismissOfflineReady}>{t('action.close')}</button>
        </div>
      </section>
    );
  }
  return null;
}

/** `blocked`: the enrol form shows unsaved input (features/enrol useHasUnsavedInput). */
export function UpdatePrompt({ blocked }: { blocked: boolean }) {
  const sw = useServiceWorker();
  return (
    <UpdateBanner
      needRefresh={sw.needRefresh}
      reloadNeeded={sw.reloadNeeded}
      offlineReady={sw.offlineReady}
      blocked={blocked}
      onUpdate={sw.applyUpdate}
      onDismiss={sw.dismissUpdate}
      onDismissOfflineReady={sw.dismissOfflineReady}
    />
  );
}
