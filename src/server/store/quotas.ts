// Village quotas and counters. The counters in `village_quotas` are kept by every write, so the
// pull's quotas and the coordinator board are O(villages), never a scan of registrations.
import { DEFAULT_PROGRAMME, type CoordinatorVillage, type Quota, type QuotaBoard } from '../../shared';
import type { Actor } from '../auth/actor';
import type { PlaceRegistry } from '../places';
import { fillFreeSlots } from '../sync/decide';
import { audit } from './audit';
import { BatchState } from './batch';
import type { Db, Store } from './db';
import { inScope } from './rows';

export type SetQuotaResult =
  | { ok: true; quota: Quota; promoted: number }
  | { ok: false; accepted: number };

/**
 * Sets a village's quota. Raising it promotes waitlisted registrations at once, oldest first;
 * a quota below the number accepted is refused (an accepted worker is never demoted).
 * The HTTP route and the CLI both come here.
 */
export async function setVillageQuota(
  store: Store,
  input: { villageCode: string; quota: number; actor: Actor; now: Date; defaultQuota?: number },
): Promise<SetQuotaResult> {
  const now = input.now.toISOString();
  return store.write(async (trx) => {
    const state = await BatchState.begin(trx, store.kind, input.defaultQuota ?? DEFAULT_PROGRAMME.defaultQuota);
    await state.loadVillages([input.villageCode]);
    const counters = state.counters(input.villageCode);
    if (input.quota < counters.accepted) return { ok: false, accepted: counters.accepted };
    const before = state.quotaOf(counters);
    counters.quota = input.quota;
    state.touchVillage(input.villageCode);
    const promoted = await fillFreeSlots(state, input.villageCode, now);
    await state.flush();
    await audit(trx, {
      actor: input.actor.tokenId,
      action: 'quota.set',
      targets: [input.villageCode],
      details: { from: before, to: input.quota, promoted },
      at: input.now,
    });
    const quota = {
      villageCode: input.villageCode,
      quota: input.quota,
      accepted: counters.accepted,
      waitlisted: counters.waitlisted,
    };
    return { ok: true, quota, promoted };
  });
}

/** Quotas of the villages in scope that have registrations or a quota set (pull responses). */
export async function quotasInScope(db: Db, scope: string, defaultQuota = DEFAULT_PROGRAMME.defaultQuota): Promise<Quota[]> {
  const rows = await db
    .selectFrom('village_quotas')
    .select(['village_code', 'quota', 'accepted', 'waitlisted'])
    .where(inScope('village_code', scope))
    .orderBy('village_code')
    .execute();
  return rows.map((r) => ({
    villageCode: r.village_code,
    quota: r.quota === null ? defaultQuota : Number(r.quota),
    accepted: Number(r.accepted),
    waitlisted: Number(r.waitlisted),
  }));
}

/** The coordinator board: every village under `scope`, those without registrations included. */
export async function quotaBoard(
  db: Db, places: PlaceRegistry, scope: string, defaultQuota = DEFAULT_PROGRAMME.defaultQuota,
): Promise<QuotaBoard> {
  const rows = await db
    .selectFrom('village_quotas')
    .selectAll()
    .where(inScope('village_code', scope))
    .execute();
  const byCode = new Map(rows.map((r) => [r.village_code, r]));
  const totals = { villages: 0, quota: 0, accepted: 0, waitlisted: 0, cardsHandedOver: 0 };
  const villages = places.villagesUnder(scope).map((v): CoordinatorVillage => {
    const r = byCode.get(v.code);
    const row: CoordinatorVillage = {
      villageCode: v.code,
      name: v.name,
      district: v.districtName,
      quota: r?.quota == null ? defaultQuota : Number(r.quota),
      accepted: r ? Number(r.accepted) : 0,
      waitlisted: r ? Number(r.waitlisted) : 0,
      cardsHandedOver: r ? Number(r.cards_handed_over) : 0,
    };
    totals.villages += 1;
    totals.quota += row.quota;
    totals.accepted += row.accepted;
    totals.waitlisted += row.waitlisted;
    totals.cardsHandedOver += row.cardsHandedOver;
    return row;
  });
  return { villages, totals };
}
