import { createContext, useContext } from 'react';
import type { Desa100Db } from '../../db/schema';
import type { KnownVillage } from '../../db/distribution-store';
import type { Api } from '../coordinator/api';

// What every part of the handover screen needs. `api` is null on a phone with no token: the
// event it already downloaded still works, only a new download needs one.

export interface DistributionDeps {
  db: Desa100Db;
  api: Api | null;
  /** Names of villages, where this phone knows them. */
  villages: ReadonlyMap<string, KnownVillage>;
  /** Called after a handover is queued: the app asks sync to push it while there is signal. */
  onQueued: () => void;
}

export const DistributionContext = createContext<DistributionDeps | null>(null);

export function useDistribution(): DistributionDeps {
  const value = useContext(DistributionContext);
  if (!value) throw new Error('useDistribution outside DistributionScreen');
  return value;
}

export function villageLabel(villages: ReadonlyMap<string, KnownVillage>, code: string): string {
  const v = villages.get(code);
  return v?.name ? v.name : code;
}
