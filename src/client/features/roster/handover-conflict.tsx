import { db, type LocalRegistration, type OutboxRow } from '../../db';
import { dismissHandoverConflict, priorFromDetails } from '../../db/distribution-store';
import { useI18n } from '../../i18n';
import { cardText } from '../coordinator/card-text';
import { useFormat } from '../coordinator/format';
import { rejectionText } from './rejection-text';

/**
 * A card handover of this phone that the server refused (another phone was first, the worker
 * was voided meanwhile, …): a conflict about the card, with who had it when the server says
 * so. The registration keeps the server's status; closing it drops this phone's handover.
 */
export function HandoverConflict({ record, refused, onError }: {
  record: LocalRegistration;
  refused: OutboxRow;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const rejection = record.rejection?.opId === refused.opId ? record.rejection : null;
  const text = rejection?.code === 'already-handed-over'
    ? t('detail.handover.already', { other: cardText(t, fmt, priorFromDetails(rejection.details)) })
    : rejection ? t('detail.handover.refused', { reason: rejectionText(t, rejection) }) : null;
  return (
    <section className="detail-rejected" aria-labelledby="detail-handover-title">
      <h2 id="detail-handover-title">{t('detail.handover.title')}</h2>
      {text ? <p>{text}</p> : null}
      <p>{t('detail.handover.kept')}</p>
      <div className="detail-actions">
        <button type="button" className="detail-button" onClick={() => void dismissHandoverConflict(db, record.id).catch(onError)}>
          {t('detail.handover.dismiss')}
        </button>
      </div>
    </section>
  );
}
