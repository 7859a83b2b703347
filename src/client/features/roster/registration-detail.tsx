import { useState } from 'react';
import { Link, navigate } from '../../app/router';
import {
  db, discardRejected, editDraftId, findCachedVillage, getDraft, getOutboxFor, getRegistration,
  useLiveQuery,
} from '../../db';
import { resendRejected } from '../../db/sync-store';
import { registerMessages, useI18n } from '../../i18n';
import { roster } from '../../i18n/messages/roster';
import { enrol } from '../../i18n/messages/enrol';
import { ConfirmBox } from '../enrol/confirm-box';
import { EDITABLE_STATUSES } from '../enrol/editable';
import { errorText } from '../enrol/error-text';
import { DetailFields } from './detail-fields';
import { refusedDataOp } from './rejection-text';
import { RejectionReason } from './use-rejection-text';
import { StatusBadge } from './status-badge';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './roster.css';

const FUTILE_RESEND: ReadonlySet<string> = new Set(['already-handed-over', 'already-voided']);

registerMessages(roster, enrol);

export interface RegistrationDetailProps {
  id: string;
}

async function loadDetail(id: string) {
  const record = await getRegistration(db, id);
  if (!record) return { record: null } as const;
  const [ops, village, draft] = await Promise.all([
    getOutboxFor(db, id),
    findCachedVillage(db, record.villageCode),
    getDraft(db, editDraftId(id)),
  ]);
  return { record, ops, village, draft } as const;
}

/** One registration (`/peserta/:id`): its state, why it was refused, and what can be done. */
export function RegistrationDetail({ id }: RegistrationDetailProps) {
  const { t } = useI18n();
  const detail = useLiveQuery(() => loadDetail(id), [id]);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  if (!detail) return <main className="detail" aria-busy="true"><p>{t('detail.loading')}</p></main>;
  const back = <Link href="/peserta" className="detail-back">{t('detail.back')}</Link>;
  if (!detail.record) {
    return <main className="detail">{back}<p role="alert">{t('detail.not-found')}</p></main>;
  }
  const { record, ops, village, draft } = detail;
  const refused = ops.filter((o) => o.state === 'rejected');
  const queued = ops.filter((o) => o.state === 'queued');
  const correctable = refusedDataOp(refused.map((o) => o.op.type));
  // The server's answer to these will not change on a resend: only discarding helps.
  const futile = record.rejection ? FUTILE_RESEND.has(record.rejection.code) : false;

  const run = async (action: () => Promise<string | null>) => {
    setConfirming(false);
    try {
      const text = await action();
      setNotice(text ? { text, error: false } : null);
    } catch (err) {
      setNotice({ text: errorText(t, err), error: true });
    }
  };
  const discard = () => run(async () => {
    const outcome = await discardRejected(db, record.id);
    if (outcome === 'deleted') {
      navigate('/peserta', { replace: true });
      return null;
    }
    return t('detail.discarded');
  });
  const resend = () => run(async () => {
    await resendRejected(db, record.id);
    return t('detail.resent');
  });

  return (
    <main className="detail">
      {back}
      <h1>{record.data.fullName}</h1>
      <p className="detail-status">
        <StatusBadge status={record.status} />
        {record.origin === 'pulled' ? <span className="detail-note">{t('detail.pulled')}</span> : null}
      </p>
      {notice ? (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'detail-error' : 'detail-notice'}>{notice.text}</p>
      ) : null}
      {record.status === 'rejected' && record.rejection ? (
        <section className="detail-rejected" aria-labelledby="detail-rejected-title">
          <h2 id="detail-rejected-title">{t('detail.rejected')}</h2>
          <p><RejectionReason rejection={record.rejection} /></p>
          <div className="detail-actions">
            {correctable ? (
              <Link href={`/daftar/${record.id}`} className="detail-button detail-button--primary">{t('detail.correct')}</Link>
            ) : futile ? null : (
              <button type="button" className="detail-button detail-button--primary" onClick={() => void resend()}>
                {t('detail.resend')}
              </button>
            )}
            {confirming ? null : (
              <button type="button" className="detail-button" onClick={() => setConfirming(true)}>{t('detail.discard')}</button>
            )}
          </div>
          {confirming ? (
            <ConfirmBox
              question={t(record.server ? 'detail.discard.confirm-change' : 'detail.discard.confirm-new')}
              confirmLabel={t('detail.discard.yes')}
              cancelLabel={t('action.cancel')}
              onConfirm={() => void discard()}
              onCancel={() => setConfirming(false)}
            />
          ) : null}
        </section>
      ) : null}
      {record.server && queued.length > 0 ? <p className="detail-note">{t('detail.queued', { count: queued.length })}</p> : null}
      {draft ? (
        <p className="detail-note">
          {t('detail.draft')} <Link href={`/daftar/${record.id}`}>{t('detail.draft.open')}</Link>
        </p>
      ) : null}
      {record.status !== 'rejected' && EDITABLE_STATUSES.has(record.status) && !draft ? (
        <div className="detail-actions">
          <Link href={`/daftar/${record.id}`} className="detail-button detail-button--primary">{t('detail.edit')}</Link>
        </div>
      ) : null}
      <DetailFields record={record} village={village} />
    </main>
  );
}
