import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import type { ServerRegistration } from '../../../shared/protocol';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';
import { FillBar } from './fill-bar';
import { useFormat } from './format';
import { COORDINATOR_PATH, followLink } from './paths';
import { QuotaForm } from './quota-form';
import { useRemote } from './use-remote';
import { WorkerTable, type Editing } from './worker-table';

const byName = new Intl.Collator('id', { sensitivity: 'base' });

function groupWorkers(list: ServerRegistration[]) {
  const named = (status: ServerRegistration['status']) => {
    const rows = list.filter((r) => r.status === status);
    rows.sort((a, b) => byName.compare(a.fullName, b.fullName));
    return rows;
  };
  // The waitlist's order is arrival at the server: that is who is promoted first.
  const waitlisted = list.filter((r) => r.status === 'waitlisted');
  waitlisted.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return { accepted: named('accepted'), waitlisted, voided: named('voided') };
}

/** One village: its figures, its quota, its workers (accepted, waitlist in order, voided). */
export function VillageView({ villageCode }: { villageCode: string }) {
  const { t } = useI18n();
  const { num } = useFormat();
  const { api, board, placeLabel } = useCoordinator();
  const [editing, setEditing] = useState<Editing>(null);
  const village = board.board?.villages.find((v) => v.villageCode === villageCode) ?? null;

  const load = useCallback(() => endpoints.villageRegistrations(api, villageCode), [api, villageCode]);
  const { data: rows, error, reload } = useRemote<ServerRegistration[]>(load);

  // A change here moves the board's figures too (a void promotes, a quota raise promotes).
  const changed = useCallback(() => {
    reload();
    void board.refresh();
  }, [reload, board]);

  // Opened from far down the board: start at the top, not at the board's scroll position.
  useEffect(() => {
    window.scrollTo(0, 0);
    // `villageCode` is read by no line: a new village is what triggers it.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [villageCode]);

  const groups = useMemo(() => groupWorkers(rows ?? []), [rows]);
  const tableProps = { editing, onEdit: setEditing, onChanged: changed };

  return (
    <section aria-labelledby="village-title" className="coord-village">
      <a href={COORDINATOR_PATH} onClick={followLink}>{t('coord.village.back')}</a>
      <h2 id="village-title">
        {village ? t('coord.village.title', { name: village.name, district: village.district }) : placeLabel(villageCode)}
      </h2>
      {village && (
        <>
          <p>
            {t('coord.village.figures', {
              quota: num(village.quota), accepted: num(village.accepted),
              waitlisted: num(village.waitlisted), cards: num(village.cardsHandedOver),
            })}
          </p>
          <FillBar {...village} />
        </>
      )}
      <QuotaForm villageCode={villageCode} current={village} onChanged={changed} />
      {error != null && <p role="alert" className="error-text">{t(errorKey(error))}</p>}
      {rows === null && error == null && <p role="status">{t('coord.loading')}</p>}
      {rows !== null && rows.length === 0 && <p role="status">{t('coord.village.empty')}</p>}
      <WorkerTable caption={t('coord.village.accepted', { n: groups.accepted.length })} rows={groups.accepted} {...tableProps} />
      <WorkerTable caption={t('coord.village.waitlist', { n: groups.waitlisted.length })} rows={groups.waitlisted} numbered {...tableProps} />
      {groups.voided.length > 0 && (
        <details>
          <summary>{t('coord.village.voided', { n: groups.voided.length })}</summary>
          <WorkerTable caption={t('coord.village.voided', { n: groups.voided.length })} rows={groups.voided} {...tableProps} />
        </details>
      )}
    </section>
  );
}
