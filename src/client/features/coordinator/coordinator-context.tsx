import { createContext, useContext } from 'react';
import type { Desa100Db } from '../../db/schema';
import type { CoordinatorAuth } from '../../db/coordinator-store';
import type { QuotaBoard } from '../../../shared/protocol';
import type { Api } from './api';
import type { PlaceLabel } from './place-label';

// What every coordinator sub-view needs: the database, the server, who is asking, and the
// board (village names and districts feed the pickers of the other views too).

export interface BoardState {
  board: QuotaBoard | null;
  fetchedAt: string | null;
  loading: boolean;
  /** The last refresh's failure; the snapshot stays on screen when there is one. */
  error: unknown;
  refresh: () => Promise<void>;
}

export interface CoordinatorDeps {
  db: Desa100Db;
  api: Api;
  auth: CoordinatorAuth;
  board: BoardState;
  /** Region codes as names, for every place a person reads. */
  placeLabel: PlaceLabel;
}

export const CoordinatorContext = createContext<CoordinatorDeps | null>(null);

export function useCoordinator(): CoordinatorDeps {
  const value = useContext(CoordinatorContext);
  if (!value) throw new Error('useCoordinator outside CoordinatorScreen');
  return value;
}
