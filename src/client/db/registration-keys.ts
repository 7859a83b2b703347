import type { Registration } from '../../shared/registration';
import { laterNameParts, nameKeyOf, nikRuns, REGISTRATION_KEYS } from '../../shared/registration-keys';
import type { ServerRegistration } from '../../shared/protocol';
import type { LocalRegistration } from './schema';

// Helpers shared by the writers and the sync store: how a registration is keyed and compared.

export type SearchKeys = Pick<LocalRegistration, 'nik' | 'nikRuns' | 'nameKey' | 'nameParts'>;

/** Search keys stored beside the record, so that every roster query is an index range. */
export function searchKeys(reg: Pick<Registration, 'nik' | 'fullName'>): SearchKeys {
  const nameKey = nameKeyOf(reg.fullName);
  return { nik: reg.nik, nikRuns: nikRuns(reg.nik), nameKey, nameParts: laterNameParts(nameKey) };
}

/** Fields an update may carry: the contract keeps id, villageCode and capturedAt fixed. */
const CHANGEABLE_KEYS = REGISTRATION_KEYS.filter(
  (k) => k !== 'id' && k !== 'villageCode' && k !== 'capturedAt',
);

/** The registration inside a server record, without status, version and the like. */
export function registrationOf(server: ServerRegistration): Registration {
  const out: Record<string, unknown> = {};
  for (const key of REGISTRATION_KEYS) {
    if (server[key] !== undefined && server[key] !== null) out[key] = server[key];
  }
  return out as Registration;
}

/** Deep equality of JSON values, key order ignored (server copies may order keys differently). */
function same(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] != null);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] != null);
  return ka.length === kb.length
    && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * What changed between two versions of a registration, as an update op's `changes`.
 * A cleared optional field is sent as `null`: absent would mean "unchanged".
 */
export function diffRegistration(base: Registration, next: Registration): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of CHANGEABLE_KEYS) {
    if (!same(base[key], next[key])) changes[key] = next[key] ?? null;
  }
  return changes;
}
