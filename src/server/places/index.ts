// The whole list of Indonesian places (idn-area-data, Kepmendagri 2025, ODbL-1.0), loaded once
// per process: the server validates village codes and names villages on the coordinator board.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readColumns } from './csv';

export interface VillageInfo {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
  provinceCode: string;
  provinceName: string;
}

export interface PlaceRegistry {
  /** undefined = not a real village code. */
  village(code: string): VillageInfo | undefined;
  /** '*' = all; '32', '32.14', '32.14.16', or a village code; sorted by code. */
  villagesUnder(prefix: string): VillageInfo[];
  /** Name of a province/regency/district/village code. */
  regionName(code: string): string | undefined;
}

/** The folder holding idn-area-data's CSVs, found the way Node resolves the package. */
export function placesDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

class PlaceDataError extends Error {
  constructor(message: string) {
    super(`idn-area-data: ${message}`);
    this.name = 'PlaceDataError';
  }
}

/** Builds a registry from the four CSV texts; exported so tests can feed small fixtures. */
export function buildPlaces(csv: {
  provinces: string;
  regencies: string;
  districts: string;
  villages: string;
}): PlaceRegistry {
  const names = new Map<string, string>();
  const parentOf = new Map<string, string>();
  const add = (code: string, parent: string | null, name: string, kind: string) => {
    if (names.has(code)) throw new PlaceDataError(`${kind} ${code} appears twice`);
    if (parent !== null) {
      if (!names.has(parent)) throw new PlaceDataError(`${kind} ${code} has unknown parent ${parent}`);
      // Codes nest by prefix; the board and scopes rely on it, so a row that breaks it is bad data.
      if (!code.startsWith(`${parent}.`)) throw new PlaceDataError(`${kind} ${code} is not under ${parent}`);
      // Villages are nobody's parent: 83,762 entries this map never needs.
      if (kind !== 'village') parentOf.set(code, parent);
    }
    names.set(code, name);
  };
  for (const [code, name] of readColumns(csv.provinces, ['code', 'name'] as const)) {
    add(code, null, name, 'province');
  }
  for (const [code, parent, name] of readColumns(csv.regencies, ['code', 'province_code', 'name'] as const)) {
    add(code, parent, name, 'regency');
  }
  for (const [code, parent, name] of readColumns(csv.districts, ['code', 'regency_code', 'name'] as const)) {
    add(code, parent, name, 'district');
  }

  const villages: VillageInfo[] = [];
  for (const [code, districtCode, name] of readColumns(csv.villages, ['code', 'district_code', 'name'] as const)) {
    add(code, districtCode, name, 'village');
    const regencyCode = parentOf.get(districtCode) as string;
    const provinceCode = parentOf.get(regencyCode) as string;
    villages.push(Object.freeze({
      code,
      name,
      districtCode,
      districtName: names.get(districtCode) as string,
      regencyCode,
      regencyName: names.get(regencyCode) as string,
      provinceCode,
      provinceName: names.get(provinceCode) as string,
    }));
  }
  // Fixed-width dotted codes sort correctly as strings.
  villages.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // One list per province, regency and district, built once: answering a scope is then a map
  // lookup, not a scan of 83,762 villages.
  const byVillage = new Map<string, VillageInfo>();
  const byPrefix = new Map<string, VillageInfo[]>();
  const push = (key: string, v: VillageInfo) => {
    const list = byPrefix.get(key);
    if (list) list.push(v);
    else byPrefix.set(key, [v]);
  };
  for (const v of villages) {
    byVillage.set(v.code, v);
    push(v.provinceCode, v);
    push(v.regencyCode, v);
    push(v.districtCode, v);
  }

  return {
    village: (code) => byVillage.get(code),
    villagesUnder(prefix) {
      // Copies: callers may sort or filter what they get without touching the registry.
      if (prefix === '*') return villages.slice();
      const list = byPrefix.get(prefix);
      if (list) return list.slice();
      const one = byVillage.get(prefix);
      return one ? [one] : [];
    },
    regionName: (code) => names.get(code),
  };
}

let loaded: PlaceRegistry | undefined;

/** The registry of every real place; reads the CSVs on the first call only. */
export function loadPlaces(): PlaceRegistry {
  if (!loaded) {
    const dir = placesDataDir();
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    loaded = buildPlaces({
      provinces: read('provinces.csv'),
      regencies: read('regencies.csv'),
      districts: read('districts.csv'),
      villages: read('villages.csv'),
    });
  }
  return loaded;
}
