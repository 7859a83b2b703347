import { useI18n } from '../../i18n';
import type { EnrolmentCodeResponse } from '../../../shared/protocol';
import { groupCode, useFormat } from './format';
import { QrImage } from './qr-image';

export interface EnrolmentCardProps {
  code: EnrolmentCodeResponse;
  role: string;
  /** Who it is for, in words: the village's name, or the region. */
  target: string;
}

/** What the operator receives: a large QR to scan, or the short code to type. Printable. */
export function EnrolmentCard({ code, role, target }: EnrolmentCardProps) {
  const { t } = useI18n();
  const { time } = useFormat();
  return (
    <article className="enrolment-card printable" aria-labelledby="enrolment-card-title">
      <h3 id="enrolment-card-title">{t('coord.enrol.card-title')}</h3>
      <p>{t('coord.enrol.card-for', { role: t(`coord.role.${role}`), target })}</p>
      <QrImage text={code.url} size={240} alt={t('coord.enrol.qr-alt')} />
      <p className="short-code">
        <span className="sr-only">{t('coord.enrol.short-code-label')}: </span>
        <strong>{groupCode(code.code)}</strong>
      </p>
      <p>{t('coord.enrol.how')}</p>
      <p className="note">{t('coord.enrol.expires', { time: time(code.expiresAt) })}</p>
      <button type="button" className="btn no-print" onClick={() => window.print()}>{t('coord.action.print')}</button>
    </article>
  );
}
