import { useI18n } from '../../i18n';

export interface FillBarProps {
  quota: number;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
}

/**
 * One village (or district) at a glance: cards handed over, accepted, then the waitlist past
 * the quota line. The numbers are in the table too; the label repeats them for screen readers.
 */
export function FillBar({ quota, accepted, waitlisted, cardsHandedOver }: FillBarProps) {
  const { t } = useI18n();
  const scale = Math.max(quota, accepted + waitlisted, 1);
  const pct = (n: number) => `${(Math.max(0, n) / scale) * 100}%`;
  const handed = Math.min(cardsHandedOver, accepted);
  return (
    <div
      className="fill-bar"
      role="img"
      aria-label={t('coord.bar.label', { accepted, quota, waitlisted, cards: cardsHandedOver })}
    >
      <span className="fill-bar__handed" style={{ width: pct(handed) }} />
      <span className="fill-bar__accepted" style={{ width: pct(accepted - handed) }} />
      <span className="fill-bar__waitlisted" style={{ width: pct(waitlisted) }} />
      {quota > 0 && <span className="fill-bar__quota" style={{ left: pct(quota) }} />}
    </div>
  );
}
