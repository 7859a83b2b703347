import type { ReactNode } from 'react';
import type { LocalRegistration, VillagePlace } from '../../db';
import { useI18n } from '../../i18n';
import { formatDay, formatMonth, formatSince } from '../../pwa/format';
import { formatIncome } from '../enrol/income';

type Row = [label: string, value: ReactNode];

/** Everything captured for a worker, labelled as in the form. */
export function DetailFields({ record, village }: { record: LocalRegistration; village: VillagePlace | null }) {
  const { t, locale } = useI18n();
  const d = record.data;
  const none = t('detail.none');
  const label = (field: string) => t(`enrol.field.${field}`);
  const occupation = d.occupation === 'lainnya' && d.occupationOther
    ? `${t('enrol.occupation.lainnya')} ${d.occupationOther}`
    : t(`enrol.occupation.${d.occupation}`);
  const person: Row[] = [
    [label('nik'), d.nik],
    [label('fullName'), d.fullName],
    [label('birthDate'), formatDay(d.birthDate, locale)],
    [label('sex'), t(`enrol.sex.${d.sex}`)],
    [t('detail.village'), village ? `${village.name}, ${village.district.name}, ${village.regency.name} (${d.villageCode})` : d.villageCode],
    [t('detail.address'), t('detail.address.value', { address: d.address, rt: d.rt, rw: d.rw })],
    [label('occupation'), occupation],
    [label('monthlyIncome'), `Rp ${formatIncome(d.monthlyIncome)}`],
    [label('fundingSource'), t(`enrol.funding.${d.fundingSource}`)],
    [t('detail.coverage'), t('detail.coverage.value', { start: formatMonth(d.coverageStart, locale), end: formatMonth(d.coverageEnd, locale) })],
    [label('birthPlace'), d.birthPlace ?? none],
    [label('motherName'), d.motherName ?? none],
    [label('phone'), d.phone ?? none],
    [label('kkNumber'), d.kkNumber ?? none],
    [label('maritalStatus'), d.maritalStatus ? t(`enrol.marital.${d.maritalStatus}`) : none],
    [label('heir.name'), d.heir?.name ?? none],
    [label('heir.relationship'), d.heir ? t(`enrol.relationship.${d.heir.relationship}`) : none],
    [label('heir.phone'), d.heir?.phone ?? none],
    [t('detail.consent'), t('detail.consent.value', { version: d.consent.noticeVersion, time: formatSince(d.consent.at, locale) })],
    [t('detail.captured'), formatSince(d.capturedAt, locale)],
  ];
  const server = record.server;
  const onServer: Row[] = server
    ? [
        [t('detail.received'), formatSince(server.receivedAt, locale)],
        // The version number means nothing to an operator; when the server last changed it does.
        [t('detail.updated'), formatSince(server.updatedAt, locale)],
        [t('detail.kpj'), server.kpjNumber ?? none],
        [t('detail.card'), server.card ? formatSince(server.card.handedAt, locale) : none],
      ]
    : [];
  return (
    <>
      <h2>{t('detail.section.person')}</h2>
      <List rows={person} />
      {onServer.length > 0 ? (
        <>
          <h2>{t('detail.section.server')}</h2>
          <List rows={onServer} />
        </>
      ) : null}
    </>
  );
}

function List({ rows }: { rows: Row[] }) {
  return (
    <dl className="detail-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
