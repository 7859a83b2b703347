// Real village codes for seed data, from the Kemendagri list the server itself loads.
import { loadPlaces } from '../../src/server/places';
import { mulberry32 } from './seed';

/**
 * `n` real village codes under `prefix` (default Jawa Barat, `32`), chosen deterministically
 * from `seed` and returned sorted; `n` >= the number available returns all of them.
 */
export function villageCodes(n: number, options: { prefix?: string; seed?: number } = {}): string[] {
  const all = loadPlaces().villagesUnder(options.prefix ?? '32').map((v) => v.code);
  if (n >= all.length) return all;
  const rng = mulberry32(options.seed ?? 1);
  // Partial Fisher-Yates: the first n of a seeded shuffle.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (all.length - i));
    [all[i], all[j]] = [all[j] as string, all[i] as string];
  }
  // oxlint-disable-next-line unicorn/no-array-sort -- a copy; toSorted is ES2023 and the tests room compiles as ES2022
  return all.slice(0, n).sort();
}
