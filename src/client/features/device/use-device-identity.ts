import { appDb } from '../../db/app-state';
import { useLiveQuery } from '../../db/live';
import type { Desa100Db } from '../../db/schema';
import { readDeviceIdentity, type DeviceIdentity } from '../../db/sync-store';

export type { DeviceIdentity } from '../../db/sync-store';

/**
 * This phone's enrolment, live: `undefined` while loading, `null` when not enrolled.
 * Re-renders when an enrolment (or a reset) rewrites `meta`.
 */
export function useDeviceIdentity(db: Desa100Db = appDb()): DeviceIdentity | null | undefined {
  return useLiveQuery(() => readDeviceIdentity(db), [db]);
}
