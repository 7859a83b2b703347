import type { LocalStatus } from '../../db';
import { useI18n } from '../../i18n';

/** A record's state in words, coloured by kind; never colour alone (the word is always there). */
export function StatusBadge({ status }: { status: LocalStatus | 'draft' }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
