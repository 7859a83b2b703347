import { useEffect, useMemo, useState } from 'react';
import { useRoute } from '../../app/router';
import { regencyOf, scopeContains } from '../../../shared/places/codes';
import { appDb } from '../../db/app-state';
import { readAuth, type CoordinatorAuth } from '../../db/coordinator-store';
import type { Desa100Db } from '../../db/schema';
import { registerMessages, useI18n } from '../../i18n';
import { coordinator } from '../../i18n/messages/coordinator';
import { createApi, type FetchFn } from './api';
import { BoardView } from './board-view';
import { CoordinatorContext, type CoordinatorDeps } from './coordinator-context';
import { DevicesView } from './devices-view';
import { ExportView } from './export-view';
import { KpjImportView } from './kpj-import-view';
import { followLink, tabHref } from './paths';
import { usePlaceLabel } from './place-label';
import { aboveRegency, BackToRegion, RegionBoardView } from './region-board';
import { useBoard } from './use-board';
import { VillageView } from './village-view';
// Vite splits this into the coordinator chunk's own stylesheet, loaded with the screen.
// oxlint-disable-next-line import/no-unassigned-import
import './coordinator.css';

registerMessages(coordinator);

const TABS = ['board', 'devices', 'export', 'kpj'] as const;
type Tab = (typeof TABS)[number];

export interface CoordinatorScreenProps {
  /** Tests pass their own database and fetch; the app uses its one Dexie instance. */
  db?: Desa100Db;
  fetchFn?: FetchFn;
}

export function CoordinatorScreen({ db, fetchFn }: CoordinatorScreenProps) {
  const { t } = useI18n();
  const database = useMemo(() => db ?? appDb(), [db]);
  const [auth, setAuth] = useState<CoordinatorAuth | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    void readAuth(database).then((a) => alive && setAuth(a));
    return () => {
      alive = false;
    };
  }, [database]);

  if (auth === undefined) return <main className="screen coord" aria-busy="true" />;
  if (auth === null || auth.role === 'operator') {
    return (
      <main className="screen coord">
        <h1>{t('coord.title')}</h1>
        <p role="alert">{t(auth ? 'coord.not-coordinator' : 'coord.not-enrolled')}</p>
      </main>
    );
  }
  return <CoordinatorHome db={database} auth={auth} fetchFn={fetchFn} />;
}

function CoordinatorHome({ db, auth, fetchFn }: { db: Desa100Db; auth: CoordinatorAuth; fetchFn?: FetchFn }) {
  const { t } = useI18n();
  const route = useRoute();
  const api = useMemo(() => createApi(async () => ({ token: auth.token }), fetchFn), [auth.token, fetchFn]);
  // A country's or province's board is summed by region (region-board.tsx); the village board
  // is for a regency or narrower: the coordinator's own scope, the region drilled into, or the
  // regency of the village open.
  const boardScope = narrowedScope(auth.scope, route.query.get('wilayah'), route.query.get('desa'));
  const board = useBoard(db, api, aboveRegency(boardScope) ? null : boardScope);
  const placeLabel = usePlaceLabel(db, auth.scope, board.board);
  const deps = useMemo<CoordinatorDeps>(() => ({ db, api, auth, board, placeLabel }), [db, api, auth, board, placeLabel]);
  const village = route.query.get('desa');
  const asked = route.query.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'board';

  return (
    <CoordinatorContext.Provider value={deps}>
      <main className="screen coord">
        <header className="coord-header">
          <h1>{t('coord.title')}</h1>
          <p>{t('coord.scope', { scope: placeLabel(auth.scope) })}</p>
        </header>
        <nav aria-label={t('coord.nav')} className="coord-tabs">
          {TABS.map((x) => {
            const href = tabHref(x);
            const current = !village && tab === x;
            return (
              <a key={x} href={href} aria-current={current ? 'page' : undefined} onClick={followLink}>
                {t(`coord.tab.${x}`)}
              </a>
            );
          })}
        </nav>
        {village ? <VillageView villageCode={village} /> : <TabView tab={tab} scope={boardScope} ownScope={auth.scope} />}
      </main>
    </CoordinatorContext.Provider>
  );
}

/**
 * The scope the board shows: a region asked for in the URL (`?wilayah=`, a province or regency
 * inside the coordinator's scope), or the regency of an open village when the coordinator's own
 * scope is above a regency; else the coordinator's own scope.
 */
function narrowedScope(own: string, region: string | null, village: string | null): string {
  const asked = region ?? (village && aboveRegency(own) ? regencyOf(village) : null);
  if (!asked || !/^\d{2}(\.\d{2})?$/.test(asked) || asked === own || !scopeContains(own, asked)) return own;
  return asked;
}

function TabView({ tab, scope, ownScope }: { tab: Tab; scope: string; ownScope: string }) {
  switch (tab) {
    case 'board':
      if (aboveRegency(scope)) return <RegionBoardView key={scope} scope={scope} />;
      return (
        <>
          {scope !== ownScope ? <BackToRegion region={scope} ownScope={ownScope} /> : null}
          <BoardView />
        </>
      );
    case 'devices':
      return <DevicesView />;
    case 'export':
      return <ExportView />;
    case 'kpj':
      return <KpjImportView />;
  }
}
