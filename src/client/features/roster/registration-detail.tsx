import { useState } from 'react';
import { Link, navigate } from '../../app/router';
import {
  db, discardRejected, editDraftId, findCachedVillage, getDraft, getOutboxFor, getRegistration,
  useLiveQuery,
} from '../../db';
import { resendRejected } from '../../db/sync-store';
import { isRefusedHandover } from '../../db/sync-records';
import { formatSince } from '../../pwa/format';
import type { ServerRegistration } from '../../../shared/protocol';
import { registerMessages, useI18n } from '../../i18n';
import { roster } from '../../i18n/messages/roster';
import { enrol } from '../../i18n/messages/enrol';
import { ConfirmBox } from '../enrol/confirm-box';
import { EDITABLE_STATUSES } from '../enrol/editable';
import { errorText } from '../enrol/error-text';
import { DetailFields } from './detail-fields';
import { HandoverConflict } from './handover-conflict';
import { waysOut } from './rejection-text';
import { RejectionReason } from './use-rejection-text';
import { StatusBadge } from './status-badge';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './roster.css';

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

/**
 * Why and when a record was voided (the server's `voidReason`; `updatedAt` is the void's time,
 * as nothing changes a voided record afterwards). The contract does not say who voided it.
 */
function VoidedNote({ server }: { server: ServerRegistration }) {
  const { t, locale } = useI18n();
  return (
    <section className="detail-voided" aria-labelledby="detail-voided-title">
      <h2 id="detail-voided-title">{t('detail.voided', { time: formatSince(server.updatedAt, locale) })}</h2>
      <p>{server.voidReason ? t('detail.voided.reason', { reason: server.voidReason }) : t('detail.voided.no-reason')}</p>
      <p className="detail-note">{t('detail.voided.next')}</p>
    </section>
  );
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
  // A refused handover is a conflict about the card, shown apart (handover-conflict.tsx).
  const handoverConflict = ops.find(isRefusedHandover);
  const refused = ops.filter((o) => o.state === 'rejected' && !isRefusedHandover(o));
  const queued = ops.filter((o) => o.state === 'queued');
  const ways = record.rejection
    ? waysOut(record.rejection, refused.map((o) => o.op.type), record.server !== null)
    : { correct: false, resend: false };

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
      {record.status === 'voided' && record.server ? <VoidedNote server={record.server} /> : null}
      {notice ? (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'detail-error' : 'detail-notice'}>{notice.text}</p>
      ) : null}
      {record.status === 'rejected' && record.rejection && refused.length > 0 ? (
        <section className="detail-rejected" aria-labelledby="detail-rejected-title">
          <h2 id="detail-rejected-title">{t('detail.rejected')}</h2>
          <p><RejectionReason rejection={record.rejection} /></p>
          {/* Correcting is one way out; the other (the NIK is right) must be said as plainly. */}
          {record.rejection.code === 'duplicate-nik' ? <p>{t('detail.advice.duplicate-nik')}</p> : null}
          {ways.correct || ways.resend ? null : (
            <p>{t(record.server ? 'detail.discard-only.change' : 'detail.discard-only.new')}</p>
          )}
          <div className="detail-actions">
            {ways.correct ? (
              <Link href={`/daftar/${record.id}`} className="detail-button detail-button--primary">{t('detail.correct')}</Link>
            ) : null}
            {ways.resend ? (
              <button
                type="button"
                className={`detail-button${ways.correct ? '' : ' detail-button--primary'}`}
                onClick={() => void resend()}
              >
                {t('detail.resend')}
              </button>
            ) : null}
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
      {handoverConflict ? (
        <HandoverConflict record={record} refused={handoverConflict} onError={(err) => setNotice({ text: errorText(t, err), error: true })} />
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
