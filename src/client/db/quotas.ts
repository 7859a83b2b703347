import { DEFAULT_PROGRAMME } from '../../shared/programme';
import { quotaMeter, type QuotaMeter } from '../../shared/quota';
import { withStorageErrors } from './errors';
import { getMeta } from './meta';
import { countPendingInVillage } from './registration-queries';
import type { Desa100Db } from './schema';

export interface VillageQuota extends QuotaMeter {
  villageCode: string;
  /** When the figures last came from the server; null if this phone never synced them. */
  syncedAt: string | null;
}

/**
 * A village's quota as this phone sees it: the server's figures from the last pull (the
 * programme default, nothing accepted, before any) plus what waits here to be sent.
 */
export async function getVillageQuota(db: Desa100Db, villageCode: string): Promise<VillageQuota> {
  const [row, pendingHere, lastSyncAt] = await Promise.all([
    withStorageErrors(() => db.quotas.get(villageCode)),
    countPendingInVillage(db, villageCode),
    getMeta(db, 'lastSyncAt'),
  ]);
  const figures = row ?? { quota: DEFAULT_PROGRAMME.defaultQuota, accepted: 0, waitlisted: 0 };
  // A pull lists only villages with registrations or a quota set: after a sync, a village
  // missing from it has the default quota and nothing accepted, as the server says.
  return { villageCode, syncedAt: row?.syncedAt ?? lastSyncAt ?? null, ...quotaMeter(figures, pendingHere) };
}
