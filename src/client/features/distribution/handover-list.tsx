import { useMemo } from 'react';
import { readEventEntries, type DistributionEvent } from '../../db/distribution-store';
import { useLiveQuery } from '../../db/live';
import { useI18n } from '../../i18n';
import { maskNik } from '../../../shared/nik';
import { useFormat } from '../../pwa/format';
import { QrImage } from '../coordinator/qr-image';
import { TableScroll } from '../coordinator/table-scroll';
import { byName, qrPayload, toDeskRow } from './desk-model';
import { useDistribution, villageLabel } from './distribution-context';

export interface HandoverListProps {
  event: DistributionEvent;
  villageCode: string;
  onBack: () => void;
}

/**
 * The village's tanda terima, printed before the event (or saved as PDF from the print
 * dialog): one row per card, with a QR code the event phone scans and a box to sign or
 * thumbprint. Only the list itself prints (see the print rules in distribution.css).
 */
export function HandoverList({ event, villageCode, onBack }: HandoverListProps) {
  const { t } = useI18n();
  const { date } = useFormat();
  const { db, villages } = useDistribution();
  const entries = useLiveQuery(() => readEventEntries(db, [villageCode]), [db, villageCode]);
  const rows = useMemo(() => {
    const list = (entries ?? []).map(toDeskRow).filter((r) => r.state.kind !== 'not-eligible');
    list.sort(byName);
    return list;
  }, [entries]);
  const village = villages.get(villageCode);

  return (
    <>
      <div className="no-print list-actions">
        <button type="button" className="btn" onClick={onBack}>{t('dist.print.back')}</button>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>{t('coord.action.print')}</button>
      </div>
      <article className="handover-list printable" aria-labelledby="handover-list-title">
        <h2 id="handover-list-title">{t('dist.print.title')}</h2>
        <p>
          {t('dist.print.place', {
            village: villageLabel(villages, villageCode),
            district: village?.district ?? '—',
            code: villageCode,
          })}
          <br />
          {t('dist.print.event', { name: event.name, date: date(event.date) })}
        </p>
        <TableScroll label={t('dist.print.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('coord.col.no')}</th>
              <th scope="col">{t('coord.col.name')}</th>
              <th scope="col">{t('coord.col.nik')}</th>
              <th scope="col">{t('coord.col.kpj')}</th>
              <th scope="col">{t('dist.print.qr')}</th>
              <th scope="col">{t('dist.print.sign')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td className="num">{i + 1}</td>
                <th scope="row">{r.fullName}</th>
                <td className="nik">{maskNik(r.nik)}</td>
                <td>{r.kpjNumber ?? '—'}</td>
                <td className="qr-cell">
                  <QrImage text={qrPayload(r.id)} size={72} alt={t('dist.print.qr-alt', { name: r.fullName })} />
                </td>
                <td className="sign-cell">{r.state.kind === 'handed' ? t('dist.print.already') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        {entries === undefined && <p role="status">{t('coord.loading')}</p>}
        {entries !== undefined && rows.length === 0 && <p>{t('dist.print.empty')}</p>}
        <div className="signatures">
          <p>{t('dist.print.officer')}</p>
          <p>{t('dist.print.witness')}</p>
        </div>
      </article>
    </>
  );
}
