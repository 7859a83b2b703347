import type { Registration } from './registration';

// A registration's field names without its schema: the phone's storage and sync code need the
// list (to copy a record out of a server row, to diff two versions), not zod, which would
// otherwise ride into the app's first chunk with them.

/** Every field of `Registration`, in the schema's order (tests/shared checks it against the schema). */
export const REGISTRATION_KEYS = [
  'id', 'nik', 'fullName', 'birthDate', 'sex', 'villageCode', 'address', 'rt', 'rw',
  'occupation', 'occupationOther', 'monthlyIncome', 'fundingSource', 'coverageStart',
  'coverageEnd', 'consent', 'capturedAt', 'birthPlace', 'motherName', 'phone', 'kkNumber',
  'maritalStatus', 'heir',
] as const satisfies readonly (keyof Registration)[];

// Search keys: how a name and a NIK are found from any part a person remembers or can read.
// Each is a list of prefixes-to-be, so that one index range answers a search (the phone keeps
// them in multiEntry indexes; src/client/db/registration-keys.ts).

/** The shortest run of NIK digits searched anywhere in the number; shorter runs match its start. */
export const NIK_RUN_MIN = 4;

/** The name lower-cased with single spaces: the key a name is sorted and prefix-searched by. */
export function nameKeyOf(fullName: string): string {
  return fullName.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The name from each later word on: "siti nurjanah binti ahmad" gives "nurjanah binti ahmad",
 * "binti ahmad", "ahmad". A search for any word, or words in order, is a prefix of one of them.
 * A word met before starts no second entry (fewer index entries, and no double count).
 */
export function laterNameParts(nameKey: string): string[] {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const match of nameKey.matchAll(/[^\s.,-]+/g)) {
    const word = match[0];
    if (match.index > 0 && !seen.has(word)) parts.push(nameKey.slice(match.index));
    seen.add(word);
  }
  return parts;
}

/**
 * The NIK from each digit after its first on, down to its last NIK_RUN_MIN digits: a run of at
 * least NIK_RUN_MIN digits anywhere in it is a prefix of one of them (12 for a 16-digit NIK).
 */
export function nikRuns(nik: string): string[] {
  const runs: string[] = [];
  for (let i = 1; i + NIK_RUN_MIN <= nik.length; i++) runs.push(nik.slice(i));
  return runs;
}
