import { keepPlacesFor } from '../../db/places';
import type { Desa100Db } from '../../db/schema';
import { saveDeviceIdentity } from '../../db/sync-store';
import { ApiFailure, apiRequest, browserTimers } from '../../sync/http';
import type { FetchLike, SyncIdentity, Timers } from '../../sync/types';
import { isDeviceEnrolResponse } from '../../sync/wire';
import { normaliseEnrolCode } from './enrol-code';

export type EnrolOutcome =
  | { ok: true; identity: SyncIdentity }
  | { ok: false; messageKey: string; params?: Record<string, string | number> };

export interface EnrolDeps {
  db: Desa100Db;
  fetch: FetchLike;
  timers?: Timers;
  now?: () => number;
  isOnline?: () => boolean;
}

/** Why a redemption failed, in the operator's words (keys of i18n/messages/device.ts). */
function failureOutcome(error: unknown): EnrolOutcome {
  if (!(error instanceof ApiFailure)) return { ok: false, messageKey: 'device.error.storage' };
  switch (error.code) {
    case 'offline': return { ok: false, messageKey: 'device.error.offline' };
    // The code may have been redeemed before the line dropped: say so, so a later
    // "invalid code" is not a mystery.
    case 'timeout': return { ok: false, messageKey: 'device.error.lost-answer' };
    case 'rate-limited': {
      const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
      return { ok: false, messageKey: 'device.error.rate-limited', params: { minutes } };
    }
    case 'refused': return { ok: false, messageKey: 'device.error.invalid-code' };
    default: return { ok: false, messageKey: 'device.error.server' };
  }
}

/** POST /api/v1/devices {code, deviceName}; on 201 the identity is kept in `meta`. */
export async function enrolDevice(deps: EnrolDeps, input: { code: string; deviceName: string }): Promise<EnrolOutcome> {
  const code = normaliseEnrolCode(input.code);
  const deviceName = input.deviceName.trim();
  if (!code) return { ok: false, messageKey: 'device.error.empty-code' };
  if (!deviceName) return { ok: false, messageKey: 'device.error.empty-name' };
  if (deps.isOnline && !deps.isOnline()) return { ok: false, messageKey: 'device.error.offline' };
  try {
    const answer = await apiRequest(
      { fetch: deps.fetch, now: deps.now ?? Date.now, timers: deps.timers ?? browserTimers },
      { method: 'POST', path: '/devices', body: { code, deviceName: deviceName.slice(0, 100) }, accept: isDeviceEnrolResponse },
    );
    const { deviceId, token, role, scope } = answer.body;
    await saveDeviceIdentity(deps.db, answer.body, deviceName);
    // Enrolment happens with signal; the village may have none: keep the place names now.
    void keepPlacesFor(deps.db, scope);
    return { ok: true, identity: { deviceId, token, role, scope } };
  } catch (error) {
    return failureOutcome(error);
  }
}
