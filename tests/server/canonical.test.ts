// Stored ops keep hashes of canonical JSON (contract rule 1): a faster canonicalJson must give
// the very string the first implementation gave, or retries of ops stored before it would be
// answered `op-conflict`. The first implementation is kept here as the reference.
import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadHash } from '../../src/server/sync/canonical';

function referenceJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(referenceJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceJson(v)}`).join(',')}}`;
}

function referenceHash(op: Record<string, unknown>): string {
  const { opId: _opId, ...payload } = op;
  return createHash('sha256').update(referenceJson(payload)).digest('hex');
}

// Keys that sort in surprising ways: digits (integer-like keys come first in property order),
// case, non-ASCII, astral characters, characters JSON must escape, the empty key, `opId` itself.
const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', '0', '1', '10', '2', '-1', 'a', 'A', 'b', 'é', 'Z', '😀', 'ﬀ', '"', '\\', '\n', '\u0000', 'opId', '__proto__x'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(null), fc.constant(undefined), fc.boolean(),
    fc.integer(), fc.double(), fc.constantFrom(-0, 1e21, 1e-7, Number.MAX_SAFE_INTEGER),
    fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }),
  ),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
})).node;

describe('canonical JSON, the same as the first implementation', () => {
  it('gives the same string for any JSON-like value (undefined members, odd keys, any depth)', () => {
    fc.assert(fc.property(value, (v) => {
      expect(canonicalJson(v)).toBe(referenceJson(v));
    }), { numRuns: 3000 });
  });

  it('gives the same payload hash for any op, sent with its keys in any order', () => {
    const op = fc.tuple(fc.dictionary(key, value, { maxKeys: 8 }), fc.option(fc.uuid(), { nil: undefined }));
    fc.assert(fc.property(op, ([fields, opId]) => {
      const withId: Record<string, unknown> = opId === undefined ? fields : { ...fields, opId };
      const entries = Object.entries(withId);
      entries.reverse();
      const reversed = Object.fromEntries(entries);
      expect(payloadHash(withId)).toBe(referenceHash(withId));
      expect(payloadHash(reversed)).toBe(referenceHash(withId));
    }), { numRuns: 2000 });
  });

  it('keeps the same answer when one key set comes back in many orders and shapes', () => {
    // The implementation remembers key orders it has sorted: the same keys in another order,
    // a subset, or many distinct sets (past the cache's bound) must not change a string.
    const keys = ['nik', 'id', 'address', 'rt', 'Rw', '10', '2', 'é'];
    fc.assert(fc.property(fc.shuffledSubarray(keys), fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (sub, extra) => {
      const obj = Object.fromEntries(sub.map((k, i) => [k, i % 3 === 0 ? undefined : { [k]: i }]));
      expect(canonicalJson(obj)).toBe(referenceJson(obj));
      for (const k of extra) {
        const other = { [k]: 1, [`${k}x`]: [2, { b: 1, a: 2 }] };
        expect(canonicalJson(other)).toBe(referenceJson(other));
      }
    }), { numRuns: 200 });
  });

  it('renders holes, sparse arrays and non-plain objects as before', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const holes: unknown[] = [];
    holes.length = 3;
    const samples: unknown[] = [
      sparse, holes, [undefined, () => 1, Symbol('s')], { f: () => 1, s: Symbol('s'), u: undefined },
      new Date(0), new Map([[1, 2]]), Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      Object.assign([1, 2], { extra: 3 }), new Uint8Array([3, 1, 2, 10, 11]), 'text', 12, true, undefined,
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(referenceJson(sample));
  });
});
