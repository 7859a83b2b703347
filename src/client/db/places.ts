import { regencyOf, type PlaceIndex, type RegencyPlaces } from '../../shared/places/codes';
import { PROVINCES } from '../../shared/places/provinces';
import { ClientError, withStorageErrors } from './errors';
import type { Desa100Db } from './schema';

// The Kemendagri list on the phone. scripts/build-places.mjs writes /places/index.json
// (provinces, regencies) and one /places/<PP.RR>.json per regency. A regency file, once
// fetched, is kept in the `places` table: the form then works with no signal at all.

export type FetchJson = (url: string) => Promise<unknown>;

export const fetchJson: FetchJson = async (url) => {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};

function isRegencyPlaces(value: unknown, code: string): value is RegencyPlaces {
  const v = value as Partial<RegencyPlaces> | null;
  return !!v && v.code === code && typeof v.name === 'string' && Array.isArray(v.districts)
    && !!v.province && typeof v.province.code === 'string';
}

function isPlaceIndex(value: unknown): value is PlaceIndex {
  const v = value as Partial<PlaceIndex> | null;
  return !!v && Array.isArray(v.provinces) && Array.isArray(v.regencies);
}

/** A regency's districts and villages: from this phone if kept, else fetched and kept. */
export async function getRegencyPlaces(
  db: Desa100Db,
  regencyCode: string,
  load: FetchJson = fetchJson,
): Promise<RegencyPlaces> {
  const cached = await withStorageErrors(() => db.places.get(regencyCode));
  if (cached) {
    const { cachedAt: _cachedAt, ...places } = cached;
    return places;
  }
  let data: unknown;
  try {
    data = await load(`/places/${regencyCode}.json`);
  } catch {
    throw new ClientError('places-unavailable', { regencyCode });
  }
  if (!isRegencyPlaces(data, regencyCode)) throw new ClientError('places-unavailable', { regencyCode });
  const places = data;
  await withStorageErrors(() => db.places.put({ ...places, cachedAt: new Date().toISOString() }));
  return places;
}

/** Regencies whose files are on this phone: what the picker can still offer offline. */
export async function listCachedRegencies(
  db: Desa100Db,
): Promise<Array<{ code: string; provinceCode: string; name: string }>> {
  const rows = await withStorageErrors(() => db.places.toArray());
  return rows.map((r) => ({ code: r.code, provinceCode: r.province.code, name: r.name }));
}

let indexPromise: Promise<PlaceIndex> | null = null;

/**
 * Provinces and regencies. Fetched once per page load; the service worker keeps the file for
 * offline starts. A failure is not remembered, so the next call tries the network again.
 */
export function getPlaceIndex(load: FetchJson = fetchJson): Promise<PlaceIndex> {
  indexPromise ??= load('/places/index.json').then(
    (data) => {
      if (!isPlaceIndex(data)) throw new ClientError('places-unavailable');
      return data;
    },
  ).catch((err: unknown) => {
    indexPromise = null;
    throw err instanceof ClientError ? err : new ClientError('places-unavailable');
  });
  return indexPromise;
}

/** Forgets the index fetched so far (tests; a new app version with a new list). */
export function resetPlaceIndex(): void {
  indexPromise = null;
}

export interface VillagePlace {
  code: string;
  name: string;
  district: { code: string; name: string };
  regency: { code: string; name: string };
  province: { code: string; name: string };
}

/** A village's names from its regency file, or null when the code is not in the list. */
export function findVillage(places: RegencyPlaces, villageCode: string): VillagePlace | null {
  if (regencyOf(villageCode) !== places.code) return null;
  for (const district of places.districts) {
    if (!villageCode.startsWith(`${district.code}.`)) continue;
    const village = district.villages.find(([code]) => code === villageCode);
    if (!village) return null;
    return {
      code: village[0],
      name: village[1],
      district: { code: district.code, name: district.name },
      regency: { code: places.code, name: places.name },
      province: places.province,
    };
  }
  return null;
}

/** The village's names if its regency file is on this phone (no network: for lists). */
export async function findCachedVillage(db: Desa100Db, villageCode: string): Promise<VillagePlace | null> {
  const cached = await withStorageErrors(() => db.places.get(regencyOf(villageCode)));
  return cached ? findVillage(cached, villageCode) : null;
}

/**
 * Keeps the place names a phone of `scope` reads, while it has signal (at enrolment): its
 * regency's file, or for a province or the whole programme the index of regencies. Never
 * throws: a phone without them shows codes until the next try.
 */
export async function keepPlacesFor(db: Desa100Db, scope: string, load: FetchJson = fetchJson): Promise<void> {
  try {
    if (scope.length >= 5) await getRegencyPlaces(db, regencyOf(scope), load);
    else await getPlaceIndex(load);
  } catch {
    // Offline or no such file: the names load the next time they are needed with signal.
  }
}

/** A scope as places: what a phone enrolled for it serves, in names. */
export type ScopePlace =
  | { level: 'province'; name: string }
  | { level: 'regency'; name: string }
  | { level: 'district'; name: string; regency: string }
  | { level: 'village'; code: string; name: string; district: string; regency: string };

/**
 * The names of a scope (`32`, `32.14`, `32.14.16`, `32.14.16.2005`): provinces from the bundle,
 * the rest from the regency's file (kept, or fetched and kept). Null when unknown or unreachable.
 */
export async function describeScope(db: Desa100Db, scope: string, load: FetchJson = fetchJson): Promise<ScopePlace | null> {
  if (scope.length === 2) {
    const province = PROVINCES.find(([code]) => code === scope);
    return province ? { level: 'province', name: province[1] } : null;
  }
  let places: RegencyPlaces;
  try {
    places = await getRegencyPlaces(db, regencyOf(scope), load);
  } catch {
    return null;
  }
  if (scope.length === 5) return { level: 'regency', name: places.name };
  if (scope.length === 8) {
    const district = places.districts.find((d) => d.code === scope);
    return district ? { level: 'district', name: district.name, regency: places.name } : null;
  }
  const village = findVillage(places, scope);
  return village && { level: 'village', code: scope, name: village.name, district: village.district.name, regency: places.name };
}
