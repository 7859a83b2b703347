// Village quotas and counters. The counters in `village_quotas` are kept by every write, so the
// pull's quotas and the coordinator board are O(villages), never a scan of registrations.
import {
  DEFAULT_PROGRAMME, LEVEL_CODE_LENGTH, type BoardLevel, type Quota, type QuotaRegion, type RegionBoard,
} from '../../shared';
import type { Actor } from '../auth/actor';
import type { PlaceRegistry, VillageInfo } from '../places';
import { fillFreeSlots } from '../sync/decide';
import { audit } from './audit';
import { BatchState } from './batch';
import { countersVersion, VersionedCache } from './counters-version';
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

const boardCaches = new WeakMap<Store, WeakMap<PlaceRegistry, VersionedCache<string>>>();
const quotaCaches = new WeakMap<Store, VersionedCache<Quota[]>>();

function cacheFor<T>(
  caches: WeakMap<Store, WeakMap<PlaceRegistry, VersionedCache<T>>>, store: Store, places: PlaceRegistry,
): VersionedCache<T> {
  let byPlaces = caches.get(store);
  if (!byPlaces) {
    byPlaces = new WeakMap();
    caches.set(store, byPlaces);
  }
  let cache = byPlaces.get(places);
  if (!cache) {
    cache = new VersionedCache();
    byPlaces.set(places, cache);
  }
  return cache;
}

/** quotasInScope inside a read transaction, reused while no counter has changed. */
export async function cachedQuotasInScope(store: Store, trx: Db, scope: string, defaultQuota: number): Promise<Quota[]> {
  let cache = quotaCaches.get(store);
  if (!cache) {
    cache = new VersionedCache();
    quotaCaches.set(store, cache);
  }
  const version = await countersVersion(trx);
  return cache.get(`${scope}|${defaultQuota}`, version, () => quotasInScope(trx, scope, defaultQuota));
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

/** `{"villageCode":…,"name":…,"district":…` per village, serialised once per process. */
const boardPrefixes = new WeakMap<PlaceRegistry, Map<string, string>>();

function boardPrefix(places: PlaceRegistry, v: VillageInfo): string {
  let cache = boardPrefixes.get(places);
  if (!cache) {
    cache = new Map();
    boardPrefixes.set(places, cache);
  }
  let prefix = cache.get(v.code);
  if (prefix === undefined) {
    prefix = `{"villageCode":${JSON.stringify(v.code)},"name":${JSON.stringify(v.name)},"district":${JSON.stringify(v.districtName)}`;
    cache.set(v.code, prefix);
  }
  return prefix;
}

/**
 * The coordinator board (a `QuotaBoard` as JSON text): every village under `scope`, those
 * without registrations included. Built as text from the counters and cached name prefixes,
 * because a province has ~6,000 villages and the board must answer in well under 100 ms.
 */
export async function quotaBoardJson(
  store: Store, places: PlaceRegistry, scope: string, defaultQuota = DEFAULT_PROGRAMME.defaultQuota,
): Promise<string> {
  return store.read(async (trx) => {
    const version = await countersVersion(trx);
    return cacheFor(boardCaches, store, places).get(`${scope}|${defaultQuota}`, version, () =>
      buildBoardJson(trx, places, scope, defaultQuota));
  });
}

type Counts = Omit<QuotaRegion, 'code' | 'name'>;

type CounterRows = Map<string, { quota: number | null; accepted: number; waitlisted: number; cards_handed_over: number }>;

async function counterRows(db: Db, scope: string): Promise<CounterRows> {
  const rows = await db
    .selectFrom('village_quotas')
    .selectAll()
    .where(inScope('village_code', scope))
    .execute();
  return new Map(rows.map((r) => [r.village_code, r]));
}

/** Every village under `scope` with its counters (the default quota where none is set). */
function* villageCounts(
  byCode: CounterRows, places: PlaceRegistry, scope: string, defaultQuota: number,
): Generator<[VillageInfo, Counts]> {
  for (const v of places.villagesUnder(scope)) {
    const r = byCode.get(v.code);
    yield [v, {
      villages: 1,
      quota: r?.quota == null ? defaultQuota : Number(r.quota),
      accepted: r ? Number(r.accepted) : 0,
      waitlisted: r ? Number(r.waitlisted) : 0,
      cardsHandedOver: r ? Number(r.cards_handed_over) : 0,
    }];
  }
}

function add(into: Counts, c: Counts): void {
  into.villages += c.villages;
  into.quota += c.quota;
  into.accepted += c.accepted;
  into.waitlisted += c.waitlisted;
  into.cardsHandedOver += c.cardsHandedOver;
}

const zero = (): Counts => ({ villages: 0, quota: 0, accepted: 0, waitlisted: 0, cardsHandedOver: 0 });

async function buildBoardJson(db: Db, places: PlaceRegistry, scope: string, defaultQuota: number): Promise<string> {
  const totals = zero();
  const parts: string[] = [];
  for (const [v, c] of villageCounts(await counterRows(db, scope), places, scope, defaultQuota)) {
    parts.push(`${boardPrefix(places, v)},"quota":${c.quota},"accepted":${c.accepted},"waitlisted":${c.waitlisted},"cardsHandedOver":${c.cardsHandedOver}}`);
    add(totals, c);
  }
  return `{"villages":[${parts.join(',')}],"totals":${JSON.stringify(totals)}}`;
}

/** The regions of `level` under `scope`, summed, as JSON text (cached like the board). */
export async function regionBoardJson(
  store: Store, places: PlaceRegistry, scope: string, level: BoardLevel, defaultQuota = DEFAULT_PROGRAMME.defaultQuota,
): Promise<string> {
  return store.read(async (trx) => {
    const version = await countersVersion(trx);
    return cacheFor(boardCaches, store, places).get(`${scope}|${level}|${defaultQuota}`, version, async () => {
      const length = LEVEL_CODE_LENGTH[level];
      const regions = new Map<string, Counts>();
      const totals = zero();
      for (const [v, c] of villageCounts(await counterRows(trx, scope), places, scope, defaultQuota)) {
        const code = v.code.slice(0, length);
        let region = regions.get(code);
        if (!region) {
          region = zero();
          regions.set(code, region);
        }
        add(region, c);
        add(totals, c);
      }
      const board: RegionBoard = {
        level,
        regions: [...regions].map(([code, c]) => ({ code, name: places.regionName(code) ?? code, ...c })),
        totals,
      };
      return JSON.stringify(board);
    });
  });
}
