import { useCallback, useEffect, useRef, useState } from 'react';
import type { Desa100Db } from '../../db/schema';
import { readBoardSnapshot, saveBoardSnapshot } from '../../db/coordinator-store';
import type { Api } from './api';
import type { BoardState } from './coordinator-context';
import { endpoints } from './endpoints';

/**
 * The board as stale-while-revalidate: the last snapshot shows at once (it is all there is
 * with no signal), then the server's answer replaces it and becomes the new snapshot. A null
 * scope (a country or a province, summed by region-board.tsx instead) fetches nothing.
 */
export function useBoard(db: Desa100Db, api: Api, scope: string | null): BoardState {
  const [state, setState] = useState<Omit<BoardState, 'refresh'>>({
    board: null, fetchedAt: null, loading: scope !== null, error: null,
  });
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    if (scope === null) {
      setState({ board: null, fetchedAt: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    try {
      const board = await endpoints.board(api, scope);
      const snapshot = await saveBoardSnapshot(db, scope, board, new Date().toISOString());
      if (alive.current) setState({ board, fetchedAt: snapshot.fetchedAt, loading: false, error: null });
    } catch (error) {
      if (alive.current) setState((s) => ({ ...s, loading: false, error }));
    }
  }, [db, api, scope]);

  useEffect(() => {
    alive.current = true;
    void (async () => {
      const snapshot = scope === null ? undefined : await readBoardSnapshot(db, scope);
      if (snapshot && alive.current) {
        setState((s) => (s.board ? s : { ...s, board: snapshot.board, fetchedAt: snapshot.fetchedAt }));
      }
      await refresh();
    })();
    return () => {
      alive.current = false;
    };
  }, [db, scope, refresh]);

  return { ...state, refresh };
}
