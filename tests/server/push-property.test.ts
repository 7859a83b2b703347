// POST /api/v1/sync/push as a property, on both databases: random sequences of batches mixing
// valid creates, creates reusing an earlier NIK, replays of earlier ops (good or bad), and bad
// ops (Revision 2, R3's hostile ones, mistyped ones, huge strings). What must always hold:
// - never a 5xx (nor a whole-request 400: every batch here is well formed);
// - one result per op, in order, carrying the op's opId;
// - a bad op is `rejected` / `invalid`; a replay answers exactly the first result (rule 1);
// - every good op gets the same result as when the same batches, bad ops removed, are pushed
//   to a second fresh store (nothing lost, nothing crossed);
// - what a pull shows agrees with the results: the applied creates and their statuses, the
//   quota counters, accepted <= quota, one live registration per NIK.
//
// Runs PUSH_PROPERTY_RUNS sequences per database (default 6, a few seconds). Release run:
//   PUSH_PROPERTY_RUNS=200 npx vitest run --project server tests/server/push-property.test.ts
// (docs/architecture.md, "Hostile input").
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpResult } from '../../src/shared';
import { registration as registrationCase } from '../shared/arbitraries';
import { BACKENDS, startServer, type Backend, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pullAll, voidOp, type Wire } from './support/wire';

const RUNS = Number(process.env.PUSH_PROPERTY_RUNS ?? 6);
const QUOTA = 3;
const HOSTILE_CHARS = ['\u0000', '\u0001', '\u001b', '\r', '\u007f', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff'];
const HOSTILE_PROBLEMS = ['too-deep', 'forbidden-key', 'text-chars'];

// ---- What is generated: small descriptions, turned into ops by buildBatches. ----

type Bad =
  | { kind: 'deep'; depth: number; where: 'registration' | 'consent' | 'top' }
  | { kind: 'protoKey'; key: '__proto__' | 'constructor' | 'prototype'; where: 'top' | 'registration' | 'consent' }
  | { kind: 'badChar'; char: string; field: 'type' | 'address' | 'fullName' | 'key' | 'reason' | 'heir' }
  | { kind: 'huge'; field: 'address' | 'type'; length: number }
  | { kind: 'wrongType'; variant: 'registration' | 'type' | 'opId' | 'changes' };

type Step =
  | { kind: 'create'; reg: Wire }
  | { kind: 'sameNik'; reg: Wire; pick: number }
  | { kind: 'replay'; reg: Wire; pick: number }
  | { kind: 'bad'; reg: Wire; bad: Bad };

const badArb: fc.Arbitrary<Bad> = fc.oneof(
  fc.record({ kind: fc.constant('deep' as const), depth: fc.oneof(fc.integer({ min: 12, max: 20 }), fc.integer({ min: 21, max: 3000 })), where: fc.constantFrom('registration' as const, 'consent' as const, 'top' as const) }),
  fc.record({ kind: fc.constant('protoKey' as const), key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const), where: fc.constantFrom('top' as const, 'registration' as const, 'consent' as const) }),
  fc.record({ kind: fc.constant('badChar' as const), char: fc.constantFrom(...HOSTILE_CHARS), field: fc.constantFrom('type' as const, 'address' as const, 'fullName' as const, 'key' as const, 'reason' as const, 'heir' as const) }),
  fc.record({ kind: fc.constant('huge' as const), field: fc.constantFrom('address' as const, 'type' as const), length: fc.integer({ min: 1_000, max: 200_000 }) }),
  fc.record({ kind: fc.constant('wrongType' as const), variant: fc.constantFrom('registration' as const, 'type' as const, 'opId' as const, 'changes' as const) }),
);

const regArb = registrationCase.map((c) => c.input);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: regArb.map((reg) => ({ kind: 'create' as const, reg })) },
  { weight: 1, arbitrary: fc.tuple(regArb, fc.nat()).map(([reg, pick]) => ({ kind: 'sameNik' as const, reg, pick })) },
  { weight: 2, arbitrary: fc.tuple(regArb, fc.nat()).map(([reg, pick]) => ({ kind: 'replay' as const, reg, pick })) },
  { weight: 3, arbitrary: fc.tuple(regArb, badArb).map(([reg, bad]) => ({ kind: 'bad' as const, reg, bad })) },
);
const batchesArb = fc.array(fc.array(stepArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });

// ---- Turning descriptions into ops. ----

/** `{a: {a: ... 1}}`, `levels` objects deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** `obj` plus an own key `key` (a literal `__proto__` would set the prototype instead). */
function withOwnKey(obj: Wire, key: string, value: unknown): Wire {
  return { ...obj, ...(JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Wire) };
}

function badOp(bad: Bad, reg: Wire): Wire {
  const op = createOp(reg);
  const consent = reg.consent as Wire;
  switch (bad.kind) {
    case 'deep': {
      // The op is level 1: a value `depth` objects deep under the registration reaches depth + 2.
      if (bad.where === 'top') return { ...op, extra: nested(bad.depth + 1) };
      if (bad.where === 'registration') return createOp({ ...reg, heir: nested(bad.depth) });
      return createOp({ ...reg, consent: { ...consent, extra: nested(bad.depth - 1) } });
    }
    case 'protoKey': {
      if (bad.where === 'top') return withOwnKey(op, bad.key, { polluted: true });
      if (bad.where === 'registration') return createOp(withOwnKey(reg, bad.key, { polluted: true }));
      return createOp({ ...reg, consent: withOwnKey(consent, bad.key, { polluted: true }) });
    }
    case 'badChar': {
      const c = bad.char;
      switch (bad.field) {
        case 'type': return { ...op, type: `registration.create${c}` };
        case 'address': return createOp({ ...reg, address: `Jl. Mawar${c} 5` });
        case 'fullName': return createOp({ ...reg, fullName: `Siti${c}` });
        case 'key': return createOp({ ...reg, [`x${c}`]: 1 });
        case 'reason': return voidOp(String(reg.id), `Pindah${c}`);
        case 'heir': return createOp({ ...reg, heir: { name: 'Budi', relationship: `anak${c}` } });
      }
      break;
    }
    case 'huge':
      return bad.field === 'address' ? createOp({ ...reg, address: 'A'.repeat(bad.length) }) : { ...op, type: 'x'.repeat(bad.length) };
    case 'wrongType':
      switch (bad.variant) {
        case 'registration': return { ...op, registration: 42 };
        case 'type': return { ...op, type: 7 };
        case 'opId': return { ...op, opId: 12345 };
        case 'changes': return { opId: randomUUID(), type: 'registration.update', id: reg.id, baseVersion: 1, changes: [1, 2] };
      }
  }
  throw new Error('unreachable');
}

interface Built {
  op: Wire;
  bad: boolean;
  hostile: boolean;
  /** For a replay: the flat index of the op it repeats. */
  replayOf?: number;
}

/** Ids and opIds are made here, not generated: shrinking would make them collide. */
function buildBatches(steps: Step[][]): Built[][] {
  const history: Built[] = [];
  const goodRegs: Wire[] = [];
  const fresh = (reg: Wire): Wire => ({ ...reg, id: randomUUID(), villageCode: TANJUNGSARI });
  return steps.map((batch) => batch.map((step): Built => {
    let built: Built;
    if (step.kind === 'replay' && history.length > 0) {
      const index = step.pick % history.length;
      const first = history[index] as Built;
      built = { ...first, replayOf: first.replayOf ?? index };
    } else if (step.kind === 'bad') {
      const hostile = step.bad.kind === 'deep' ? step.bad.depth + 2 > 16 : ['protoKey', 'badChar'].includes(step.bad.kind);
      built = { op: badOp(step.bad, fresh(step.reg)), bad: true, hostile };
    } else {
      const reg = fresh(step.reg);
      const twin = step.kind === 'sameNik' && goodRegs.length > 0 ? goodRegs[step.pick % goodRegs.length] : undefined;
      if (twin) reg.nik = twin.nik;
      goodRegs.push(reg);
      built = { op: createOp(reg), bad: false, hostile: false };
    }
    history.push(built);
    return built;
  }));
}

// ---- Pushing and checking. ----

async function pushBatch(s: TestServer, token: string, ops: Wire[]): Promise<OpResult[]> {
  const res = await s.app.inject({
    method: 'POST', url: '/api/v1/sync/push', headers: { ...auth(token), 'content-type': 'application/json' },
    payload: JSON.stringify({ deviceId: randomUUID(), ops }),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const results = res.json<{ results: OpResult[] }>().results;
  expect(results).toHaveLength(ops.length);
  ops.forEach((op, i) => expect(results[i]?.opId).toBe(typeof op.opId === 'string' ? op.opId : ''));
  return results;
}

/** Pushes every batch (bad ops left out when `clean`); the results in flat order, null for left-out ops. */
async function pushAll(backend: Backend, batches: Built[][], clean: boolean): Promise<{ results: Array<OpResult | null>; s: TestServer; token: string }> {
  const s = await startServer(backend, { defaultQuota: QUOTA });
  const token = await s.token('operator', TANJUNGSARI);
  const results: Array<OpResult | null> = [];
  for (const batch of batches) {
    const sent = clean ? batch.filter((b) => !b.bad) : batch;
    const answered = sent.length > 0 ? await pushBatch(s, token, sent.map((b) => b.op)) : [];
    let next = 0;
    for (const b of batch) results.push(clean && b.bad ? null : (answered[next++] as OpResult));
  }
  return { results, s, token };
}

async function checkSequence(backend: Backend, steps: Step[][]): Promise<void> {
  const batches = buildBatches(steps);
  const flat = batches.flat();
  const main = await pushAll(backend, batches, false);
  const clean = await pushAll(backend, batches, true);
  try {
    flat.forEach((b, i) => {
      const result = main.results[i] as OpResult;
      if (b.replayOf !== undefined) expect(result).toEqual(main.results[b.replayOf]);
      if (b.bad) {
        expect(result).toMatchObject({ status: 'rejected', code: 'invalid' });
        const fields = (result as { details?: { fields?: Record<string, string> } }).details?.fields ?? {};
        if (b.hostile) expect(HOSTILE_PROBLEMS).toContain(Object.values(fields)[0]);
      } else {
        expect(result).toEqual(clean.results[i]);
      }
    });

    const pulled = await pullAll(main.s.app, main.token, 0, 1000);
    const applied = new Map<string, string>();
    for (const r of main.results) if (r?.status === 'applied') applied.set(r.registration.id, r.registration.status);
    expect(new Map(pulled.changes.map((c) => [c.id, c.status]))).toEqual(applied);
    const niks = pulled.changes.filter((c) => c.status !== 'voided').map((c) => c.nik);
    expect(new Set(niks).size).toBe(niks.length);
    const accepted = pulled.changes.filter((c) => c.status === 'accepted').length;
    const waitlisted = pulled.changes.filter((c) => c.status === 'waitlisted').length;
    // Creates only: the first QUOTA in arrival order are accepted, the rest wait.
    expect(accepted).toBe(Math.min(QUOTA, pulled.changes.length));
    const counters = pulled.quotas.find((q) => q.villageCode === TANJUNGSARI);
    if (pulled.changes.length > 0) expect(counters).toMatchObject({ quota: QUOTA, accepted, waitlisted });
    expect(await pullAll(clean.s.app, clean.token, 0, 1000)).toEqual(pulled);
  } finally {
    await main.s.close();
    await clean.s.close();
  }
}

describe.each(BACKENDS)('POST /sync/push as a property (%s)', (backend) => {
  it('never fails, loses or crosses anything, whatever sits next to a valid op', async () => {
    await fc.assert(fc.asyncProperty(batchesArb, (steps) => checkSequence(backend, steps)), { numRuns: RUNS });
  }, 60_000 + RUNS * 5_000);
});
