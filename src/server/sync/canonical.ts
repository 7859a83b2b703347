import { hash } from 'node:crypto';

// Stored ops keep SHA-256 hashes of these strings (contract rule 1), so the output must never
// change: tests/server/canonical.test.ts compares it with the first implementation (entries,
// filter, sort, map and join per object) over random inputs. This one hashes every op of every
// push, so it avoids the intermediate arrays, and sorts each set of keys once: pushes repeat a
// handful of key sets (op, registration, consent, heir) in the same order thousands of times.

/** JSON with object keys sorted at every depth: two payloads equal as data give one string. */
export function canonicalJson(value: unknown): string {
  return write(value, undefined);
}

/** The idempotency payload of an op (contract rule 1): everything but `opId`, key order ignored. */
export function payloadHash(op: Record<string, unknown>): string {
  return hash('sha256', write(op, 'opId'), 'hex');
}

/**
 * What a hostile op (Revision 2, R3) is remembered by in place of its payload's hash, which is
 * never computed (the writer below recurses): its first hostile field and problem. A retry of
 * the same op finds the same field and gets the same answer (rule 1); the same opId with a
 * valid payload, or with another hostile field, is `op-conflict`. Small and flat, whatever the
 * op held; never equal to a payload hash (no canonical JSON starts with `hostile`).
 */
export function hostileHash(fields: Record<string, string>): string {
  return hash('sha256', `hostile\n${canonicalJson(fields)}`, 'hex');
}

function write(value: unknown, skipKey: string | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A hole stays empty, as Array#map followed by join left it.
      if (i in value) out += write(value[i], undefined);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const { sorted, heads } = keyOrder(Object.keys(record));
  let out = '{';
  let first = true;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    if (key === skipKey) continue;
    const v = record[key];
    if (v === undefined) continue;
    out += first ? heads[i] : `,${heads[i]}`;
    first = false;
    out += write(v, undefined);
  }
  return `${out}}`;
}

interface KeyOrder {
  /** The keys as Object.keys gave them: the cache key. */
  keys: string[];
  /** Sorted by UTF-16 code units (the default sort; `<` gave the same order, keys being distinct). */
  sorted: string[];
  /** `"key":` for each sorted key. */
  heads: string[];
}

// Keys come from clients: the cache is bounded in how many sets it keeps and how large they are.
const MAX_KEY_SETS = 256;
const MAX_CACHED_KEYS = 64;
const keyOrders = new Map<string, KeyOrder[]>();
let keySets = 0;

function keyOrder(keys: string[]): KeyOrder {
  const firstKey = keys[0] ?? '';
  const known = keyOrders.get(firstKey);
  if (known) {
    for (const order of known) if (sameKeys(order.keys, keys)) return order;
  }
  const sorted = [...keys];
  sorted.sort();
  const order = { keys, sorted, heads: sorted.map((k) => `${JSON.stringify(k)}:`) };
  if (keys.length > MAX_CACHED_KEYS) return order;
  if (keySets >= MAX_KEY_SETS) {
    // Odd key sets filled it: start again rather than leave the usual ones out for good.
    keyOrders.clear();
    keySets = 0;
  }
  keySets += 1;
  const list = keyOrders.get(firstKey);
  if (list) list.push(order);
  else keyOrders.set(firstKey, [order]);
  return order;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
