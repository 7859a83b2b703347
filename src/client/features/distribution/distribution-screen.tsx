import { useMemo, useState } from 'react';
import { appDb } from '../../db/app-state';
import { readAuth } from '../../db/coordinator-store';
import { readCurrentEvent, readKnownVillages, type KnownVillage } from '../../db/distribution-store';
import { useLiveQuery } from '../../db/live';
import type { Desa100Db } from '../../db/schema';
import { registerMessages, useI18n } from '../../i18n';
import { distribution } from '../../i18n/messages/distribution';
import { coordinator } from '../../i18n/messages/coordinator';
import { requestSync } from '../../sync/instance';
import { createApi, type FetchFn } from '../coordinator/api';
import { DistributionContext, type DistributionDeps } from './distribution-context';
import { EventDesk } from './event-desk';
import { EventSetup } from './event-setup';
import { HandoverList } from './handover-list';
// Vite splits this into the distribution chunk's own stylesheet, loaded with the screen.
// oxlint-disable-next-line import/no-unassigned-import
import './distribution.css';

registerMessages(distribution, coordinator);

export interface DistributionScreenProps {
  /** Tests pass their own database, fetch and sync trigger; the app uses its own. */
  db?: Desa100Db;
  fetchFn?: FetchFn;
  onQueued?: () => void;
}

type View = { kind: 'desk' } | { kind: 'setup' } | { kind: 'print'; villageCode: string };

const EMPTY: ReadonlyMap<string, KnownVillage> = new Map();

export function DistributionScreen({ db, fetchFn, onQueued }: DistributionScreenProps) {
  const { t } = useI18n();
  const database = useMemo(() => db ?? appDb(), [db]);
  const [view, setView] = useState<View>({ kind: 'desk' });
  const event = useLiveQuery(() => readCurrentEvent(database), [database]);
  const known = useLiveQuery(async () => {
    const list = await readKnownVillages(database);
    return new Map(list.map((v) => [v.code, v]));
  }, [database]);
  const api = useMemo(
    () => createApi(async () => {
      const auth = await readAuth(database);
      return auth ? { token: auth.token } : null;
    }, fetchFn),
    [database, fetchFn],
  );
  const deps = useMemo<DistributionDeps>(
    () => ({ db: database, api, villages: known ?? EMPTY, onQueued: onQueued ?? (() => void requestSync()) }),
    [database, api, known, onQueued],
  );

  let body;
  if (event === undefined) body = null;
  else if (view.kind === 'print' && event) {
    body = <HandoverList event={event} villageCode={view.villageCode} onBack={() => setView({ kind: 'desk' })} />;
  } else if (view.kind === 'setup' || !event || !event.downloadedAt) {
    const back = event?.downloadedAt ? () => setView({ kind: 'desk' }) : undefined;
    body = <EventSetup event={event} onReady={() => setView({ kind: 'desk' })} onCancel={back} />;
  } else {
    body = (
      <EventDesk
        event={event}
        onNewEvent={() => setView({ kind: 'setup' })}
        onPrint={(villageCode) => setView({ kind: 'print', villageCode })}
      />
    );
  }

  return (
    <DistributionContext.Provider value={deps}>
      <main className="screen dist" aria-busy={event === undefined}>
        <h1 className="no-print">{t('dist.title')}</h1>
        {body}
      </main>
    </DistributionContext.Provider>
  );
}
