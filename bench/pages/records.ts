// Seed records as a server would return them (for the pull path) and as the app stores them.
import type { ServerRegistration } from '../../src/shared';
import { searchKeys } from '../../src/client/db/registration-keys';
import type { LocalRegistration } from '../../src/client/db/schema';
import { generateRegistrations } from '../lib/seed';
import type { SeedSpec } from './api';

export function* serverRecords(spec: SeedSpec, firstSeq = 1): Generator<ServerRegistration> {
  let seq = firstSeq;
  const perVillage = new Map<string, number>();
  for (const reg of generateRegistrations(spec)) {
    const n = (perVillage.get(reg.villageCode) ?? 0) + 1;
    perVillage.set(reg.villageCode, n);
    yield {
      ...reg, status: n <= 100 ? 'accepted' : 'waitlisted', version: 1, receivedAt: reg.capturedAt,
      updatedAt: reg.capturedAt, kpjNumber: null, card: null, seq, voidReason: null,
    };
    seq += 1;
  }
}

/** The row saveNewRegistration would write for `reg` (for the raw IndexedDB comparison). */
export function localRow(reg: ServerRegistration | LocalRegistration['data']): LocalRegistration {
  const now = new Date().toISOString();
  return {
    id: reg.id, villageCode: reg.villageCode, ...searchKeys(reg), status: 'pending', data: reg,
    server: null, rejection: null, origin: 'here', createdAt: now, updatedAt: now,
  };
}
