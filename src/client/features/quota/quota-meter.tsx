import { useId } from 'react';
import { db, findCachedVillage, getVillageQuota, useLiveQuery, type VillageQuota } from '../../db';
import { registerMessages, useI18n } from '../../i18n';
import { quota } from '../../i18n/messages/quota';
import { formatSince } from '../../pwa/format';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './quota.css';

registerMessages(quota);

/** The village's quota as this phone sees it, kept current as records are saved and synced. */
export function useVillageQuota(villageCode: string | null | undefined): VillageQuota | undefined {
  return useLiveQuery(() => (villageCode ? getVillageQuota(db, villageCode) : undefined), [villageCode]);
}

export interface QuotaMeterProps {
  villageCode: string;
  /** A one-line version for the top of the enrolment form. */
  compact?: boolean;
}

/** Accepted at the last sync + pending here, against the quota; warns once it is full. */
export function QuotaMeter({ villageCode, compact = false }: QuotaMeterProps) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const meter = useVillageQuota(villageCode);
  const village = useLiveQuery(() => findCachedVillage(db, villageCode), [villageCode]);
  const title = village ? t('quota.title.village', { village: village.name }) : t('quota.title');
  if (!meter) {
    return <section className="quota" aria-busy="true" aria-label={title}><p>{t('quota.loading')}</p></section>;
  }
  const share = meter.quota > 0 ? Math.min(100, (meter.used / meter.quota) * 100) : 100;
  const figures: Array<[string, number]> = [
    ['quota.accepted', meter.accepted],
    ['quota.pending', meter.pendingHere],
    ['quota.waitlisted', meter.waitlisted],
    ['quota.free', meter.free],
  ];
  return (
    <section className={meter.full ? 'quota quota--full' : 'quota'} aria-labelledby={titleId}>
      <h2 id={titleId} className="quota__title">{title}</h2>
      <p className="quota__used" data-testid="quota-used">
        {/* Before the first sync the quota is the programme's default, not the village's: say so
            on the line itself, which the form's compact meter shows alone. */}
        {t(meter.syncedAt ? 'quota.used' : 'quota.used.default', { used: meter.used, quota: meter.quota })}
      </p>
      <div className="quota__bar" aria-hidden="true">
        <div className="quota__fill" style={{ width: `${share}%` }} />
      </div>
      {compact ? null : (
        <dl className="quota__figures">
          {figures.map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {meter.full ? <p className="quota__warning" role="status">{t('quota.full')}</p> : null}
      {compact ? null : (
        <p className="quota__note">
          {meter.syncedAt
            ? t('quota.synced-at', { time: formatSince(meter.syncedAt, locale) })
            : t('quota.never-synced', { quota: meter.quota })}
        </p>
      )}
    </section>
  );
}
