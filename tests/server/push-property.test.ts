// POST /api/v1/sync/push as a property, on both databases: random sequences of batches mixing
// valid creates, creates reusing an earlier NIK, replays of earlier ops (good or bad), and bad
// ops (Revision 2, R3's hostile ones, mistyped ones, huge strings). What must always hold:
// - never a 5xx (nor a whole-request 400: every batch here is well formed);
// - one result per op, in order, carrying the op's opId;
// - a bad op is `rejected` / `invalid`; a replay answers exactly the first result (rule 1);
// - every good op gets the same result as when the same batches, bad ops removed, are pushed
//   to a second fresh store (nothing lost, nothing crossed);
// - what a pull shows agrees with the results: the applied creates and their statuses, the
//   quota counters, accepted <= quota, one live registration per NIK;
// - an opId is per token (R2): another token reusing one, before or after this one used it,
//   gets its own result (never op-conflict) and changes nothing this token sees;
// - KPJ numbers (R4): after a random import, no two live registrations share one, and every
//   matched row's registration holds its number.
//
// Runs PUSH_PROPERTY_RUNS sequences per database (default 6, a few seconds). Release run:
//   PUSH_PROPERTY_RUNS=200 npx vitest run --project server tests/server/push-property.test.ts
// (docs/architecture.md, "Hostile input").
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpjImportResult, OpResult, ServerRegistration } from '../../src/shared';
import { registration as registrationCase } from '../shared/arbitraries';
import { BACKENDS, startServer, type Backend, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, nextNik, pullAll, voidOp, type Wire } from './support/wire';

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
  /** Another village's token pushes an op under one of this token's opIds: `ahead` of its use, or after. */
  | { kind: 'foreign'; reg: Wire; pick: number; ahead: boolean }
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
  { weight: 1, arbitrary: fc.tuple(regArb, fc.nat(), fc.boolean()).map(([reg, pick, ahead]) => ({ kind: 'foreign' as const, reg, pick, ahead })) },
);
const batchesArb = fc.array(fc.array(stepArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });
/** KPJ import rows: (index into the applied registrations, index into a small pool of numbers). */
const kpjArb = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 })), { maxLength: 8 });
const FOREIGN_VILLAGE = '35.05.01.2001';

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
  /** Pushed by the other village's token, in a request of its own: before this batch, or after. */
  foreign?: 'ahead' | 'after';
}

/** A generated registration made this village's, under an id of its own. */
const fresh = (reg: Wire): Wire => ({ ...reg, id: randomUUID(), villageCode: TANJUNGSARI });

/** Ids and opIds are made here, not generated: shrinking would make them collide. */
function buildBatches(steps: Step[][]): Built[][] {
  const history: Built[] = [];
  const goodRegs: Wire[] = [];
  const reservedOpIds: string[] = [];
  const foreignUsed = new Set<string>();
  return steps.map((batch) => batch.map((step): Built => {
    let built: Built;
    if (step.kind === 'foreign') {
      // Ahead: the opId of an op this token sends later (the last created so far, or a new one
      // the next good op takes); after: one this token used already.
      // Never an opId the other token used already: that would be its own replay or op-conflict.
      const own = history.filter((h) => !h.foreign && typeof h.op.opId === 'string' && !foreignUsed.has(String(h.op.opId)));
      const target = step.ahead || own.length === 0 ? null : own[step.pick % own.length] as Built;
      const opId = target ? String(target.op.opId) : randomUUID();
      if (!target) reservedOpIds.push(opId);
      foreignUsed.add(opId);
      // A NIK of its own: a shared NIK would be refused for what it is (rule 3), not for the opId.
      const reg = { ...step.reg, id: randomUUID(), nik: nextNik(), villageCode: FOREIGN_VILLAGE };
      built = { op: createOp(reg, opId), bad: false, hostile: false, foreign: target ? 'after' : 'ahead' };
    } else if (step.kind === 'replay' && history.length > 0) {
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
      // A good op takes an opId the other token used ahead of it, if one waits.
      built = { op: createOp(reg, reservedOpIds.shift() ?? randomUUID()), bad: false, hostile: false };
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

/**
 * Pushes every batch (bad and foreign ops left out when `clean`); the results in flat order, null
 * for left-out ops. Foreign ops go in requests of their own, with the other village's token.
 */
async function pushAll(backend: Backend, batches: Built[][], clean: boolean): Promise<{ results: Array<OpResult | null>; s: TestServer; token: string }> {
  const s = await startServer(backend, { defaultQuota: QUOTA });
  const token = await s.token('operator', TANJUNGSARI);
  const foreignToken = await s.token('operator', FOREIGN_VILLAGE);
  const answers = new Map<Built, OpResult>();
  for (const batch of batches) {
    const own = batch.filter((b) => !b.foreign && !(clean && b.bad));
    const ahead = clean ? [] : batch.filter((b) => b.foreign === 'ahead');
    const after = clean ? [] : batch.filter((b) => b.foreign === 'after');
    for (const [group, tok] of [[ahead, foreignToken], [own, token], [after, foreignToken]] as const) {
      if (group.length === 0) continue;
      const answered = await pushBatch(s, tok, group.map((b) => b.op));
      group.forEach((b, i) => answers.set(b, answered[i] as OpResult));
    }
  }
  const results = batches.flat().map((b) => answers.get(b) ?? null);
  return { results, s, token };
}

/** A result or registration without its seq: the other village's ops shift seqs, nothing else. */
function withoutSeq<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'seq' ? undefined : v))) as T;
}

const KPJ_POOL = ['10000000001', '10000000002', '10000000003', '10000000004', '10000000005'];

/** R4: a random import, then one live holder per number, and every match holds its number. */
async function checkKpj(s: TestServer, accepted: ServerRegistration[], rows: Array<[number, number]>): Promise<void> {
  if (accepted.length === 0 || rows.length === 0) return;
  const coordinator = await s.token('coordinator', '32.14');
  const sent = rows.map(([r, k]) => ({ nik: (accepted[r % accepted.length] as ServerRegistration).nik, kpjNumber: KPJ_POOL[k] as string }));
  const res = await s.app.inject({ method: 'POST', url: '/api/v1/kpj/import', headers: auth(coordinator), payload: { rows: sent } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const report = res.json<KpjImportResult>();
  expect(report.matched.length + report.unmatched.length + report.invalid.length).toBe(sent.length);
  const after = (await pullAll(s.app, coordinator, 0, 1000)).changes.filter((c) => c.status !== 'voided' && c.kpjNumber !== null);
  const numbers = after.map((c) => c.kpjNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
  // Every matched registration holds one of the numbers sent for its NIK.
  const byId = new Map(after.map((c) => [c.id, c.kpjNumber]));
  for (const m of report.matched) {
    const sentFor = sent.filter((row) => row.nik === m.nik).map((row) => row.kpjNumber);
    expect(sentFor).toContain(byId.get(m.registrationId));
  }
}

async function checkSequence(backend: Backend, steps: Step[][], kpjRows: Array<[number, number]>): Promise<void> {
  const batches = buildBatches(steps);
  const flat = batches.flat();
  const main = await pushAll(backend, batches, false);
  const clean = await pushAll(backend, batches, true);
  try {
    flat.forEach((b, i) => {
      const result = main.results[i] as OpResult;
      if (b.replayOf !== undefined) expect(result).toEqual(main.results[b.replayOf]);
      if (b.foreign) {
        // R2: its own op, decided on its merits, whatever this token did with the opId.
        expect(result).not.toMatchObject({ code: 'op-conflict' });
      } else if (b.bad) {
        expect(result).toMatchObject({ status: 'rejected', code: 'invalid' });
        const fields = (result as { details?: { fields?: Record<string, string> } }).details?.fields ?? {};
        if (b.hostile) expect(HOSTILE_PROBLEMS).toContain(Object.values(fields)[0]);
      } else {
        // Seqs aside: the other village's ops take seqs of their own (rule 5), nothing else.
        expect(withoutSeq(result)).toEqual(withoutSeq(clean.results[i] as OpResult));
      }
    });

    const pulled = await pullAll(main.s.app, main.token, 0, 1000);
    const applied = new Map<string, string>();
    main.results.forEach((r, i) => {
      if (r?.status === 'applied' && !flat[i]?.foreign) applied.set(r.registration.id, r.registration.status);
    });
    expect(new Map(pulled.changes.map((c) => [c.id, c.status]))).toEqual(applied);
    const niks = pulled.changes.filter((c) => c.status !== 'voided').map((c) => c.nik);
    expect(new Set(niks).size).toBe(niks.length);
    const accepted = pulled.changes.filter((c) => c.status === 'accepted').length;
    const waitlisted = pulled.changes.filter((c) => c.status === 'waitlisted').length;
    // Creates only: the first QUOTA in arrival order are accepted, the rest wait.
    expect(accepted).toBe(Math.min(QUOTA, pulled.changes.length));
    const counters = pulled.quotas.find((q) => q.villageCode === TANJUNGSARI);
    if (pulled.changes.length > 0) expect(counters).toMatchObject({ quota: QUOTA, accepted, waitlisted });
    // The generation is each database's own (R5); everything else is the same.
    const { generation: _g, cursor: _c, ...same } = pulled;
    const { generation: _h, cursor: _d, ...cleanPull } = await pullAll(clean.s.app, clean.token, 0, 1000);
    expect({ ...cleanPull, changes: cleanPull.changes.map(withoutSeq) }).toEqual({ ...same, changes: same.changes.map(withoutSeq) });
    await checkKpj(main.s, pulled.changes.filter((c) => c.status === 'accepted'), kpjRows);
  } finally {
    await main.s.close();
    await clean.s.close();
  }
}

describe.each(BACKENDS)('POST /sync/push as a property (%s)', (backend) => {
  it('never fails, loses or crosses anything, whatever sits next to a valid op', async () => {
    await fc.assert(fc.asyncProperty(batchesArb, kpjArb, (steps, kpj) => checkSequence(backend, steps, kpj)), { numRuns: RUNS });
  }, 120_000 + RUNS * 15_000);
});
