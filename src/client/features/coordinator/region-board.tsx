import { useCallback, useEffect, useRef, useState } from 'react';
import { levelBelow, nextLevel, type BoardLevel, type RegionBoard } from '../../../shared/protocol';
import { useI18n } from '../../i18n';
import { errorKey } from './api';
import { BoardSummary } from './board-view';
import { useCoordinator } from './coordinator-context';
import { endpoints } from './endpoints';
import { FillBar } from './fill-bar';
import { useFormat } from './format';
import { COORDINATOR_PATH, followLink, regionHref } from './paths';
import { PeriodForm } from './period-form';

/**
 * Whether a board scope lies above a regency (`*` or a province): its village list would be
 * thousands of rows (83,762 for the country), so the board is summed one level down instead.
 */
export function aboveRegency(scope: string): boolean {
  return levelBelow('regency', scope);
}

/** The level the region board sums at: one step below a scope above a regency. */
function regionLevel(scope: string): BoardLevel {
  return nextLevel(scope) ?? 'district';
}

/** Where "back" leads from a narrowed board: the parent region, or the coordinator's own board. */
export function parentHref(region: string, ownScope: string): string {
  const parent = region.length > 2 ? region.slice(0, 2) : '*';
  return parent === ownScope || parent === '*' ? COORDINATOR_PATH : regionHref(parent);
}

/** The link from a narrowed board back to the wider one. */
export function BackToRegion({ region, ownScope }: { region: string; ownScope: string }) {
  const { t } = useI18n();
  return <a href={parentHref(region, ownScope)} onClick={followLink} className="region-back">{t('coord.region.back')}</a>;
}

/** The board of a country or a province: its regions summed, each a link one level down. */
export function RegionBoardView({ scope }: { scope: string }) {
  const { t } = useI18n();
  const { num } = useFormat();
  const { api, auth, placeLabel } = useCoordinator();
  const [board, setBoard] = useState<RegionBoard | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });

  const alive = useRef(true);
  const fetchBoard = useCallback(async () => {
    try {
      const answer = await endpoints.regionBoard(api, scope, regionLevel(scope));
      if (!alive.current) return;
      setBoard(answer);
      setState({ loading: false, error: null });
    } catch (error) {
      if (alive.current) setState({ loading: false, error });
    }
  }, [api, scope]);
  const load = () => {
    setState({ loading: true, error: null });
    void fetchBoard();
  };

  useEffect(() => {
    alive.current = true;
    void (async () => {
      await fetchBoard();
    })();
    return () => {
      alive.current = false;
    };
  }, [fetchBoard]);

  const totals = board?.totals;
  return (
    <>
    <section aria-labelledby="region-board-title" className="board">
      {scope !== auth.scope ? <BackToRegion region={scope} ownScope={auth.scope} /> : null}
      <h2 id="region-board-title">{t('coord.board.title')}: {placeLabel(scope)}</h2>
      <div className="board-status">
        <p role="status">{state.loading ? t('coord.loading') : null}</p>
        {state.error != null && <p role="alert" className="warn-text">{t(errorKey(state.error))}</p>}
        <button type="button" className="btn" onClick={load} disabled={state.loading}>
          {t('coord.action.refresh')}
        </button>
      </div>
      {totals && <BoardSummary totals={totals} />}
      {board && (
        <ul className="region-list">
          {board.regions.map((r) => (
            <li key={r.code} className="region-card">
              <a href={regionHref(r.code)} onClick={followLink}>{r.name}</a>
              <p>
                {t('coord.region.figures', {
                  villages: num(r.villages), quota: num(r.quota), accepted: num(r.accepted), waitlisted: num(r.waitlisted),
                })}
              </p>
              <FillBar quota={r.quota} accepted={r.accepted} waitlisted={r.waitlisted} cardsHandedOver={r.cardsHandedOver} />
            </li>
          ))}
        </ul>
      )}
    </section>
    <PeriodForm />
    </>
  );
}
