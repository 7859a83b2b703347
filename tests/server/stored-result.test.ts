// Applied creates are stored compactly (the server's fields only) and rebuilt from the retried
// payload (sync/stored-result.ts). A replay must still be the first answer byte for byte, in
// every answer mode; rows stored whole by earlier versions must replay as before.
import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../src/shared';
import { withServerFields, type ServerFields } from '../../src/server/store/rows';
import { payloadHash } from '../../src/server/sync/canonical';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pushOk, registration, updateOp, type Wire, reversedKeys } from './support/wire';

type Mode = 'full' | 'compact' | 'positional';
const MODES: Mode[] = ['full', 'compact', 'positional'];

/** The raw answer, without serverTime (the only part a replay may change) and the generation (R5, the same throughout). */
async function pushRaw(s: TestServer, token: string, ops: Wire[], mode: Mode, deviceId = randomUUID()): Promise<string> {
  const payload = { deviceId, ops, ...(mode === 'full' ? {} : { results: mode }) };
  const res = await s.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(token), payload });
  expect(res.statusCode).toBe(200);
  return res.body.replace(/,"serverTime":"[^"]*"/, '').replace(/,"generation":"[^"]*"/, '');
}

/** A batch with what a replay must get right: optional fields given, null and absent, a waitlisted create, refusals. */
function batch(): Wire[] {
  const withAll = registration({
    birthPlace: 'Purwakarta', motherName: 'Ibu Siti', phone: '0812-3456-7890', kkNumber: '3214160101900001',
    maritalStatus: 'kawin', heir: { name: 'Budi', relationship: 'anak', phone: null }, occupation: 'lainnya', occupationOther: 'Penjahit',
  });
  const withNulls = registration({ birthPlace: null, motherName: null, phone: null, heir: null });
  const holder = registration();
  return [
    createOp(withAll), createOp(withNulls), createOp(holder),
    createOp(registration({ nik: holder.nik })), // duplicate-nik
    createOp(registration({ nik: '12' })), // invalid
    createOp(registration()), // over the quota of 3: waitlisted
  ];
}

describe('withServerFields', () => {
  it('lays out a registration exactly as spreading the record did', () => {
    const key = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('0', '7', '12', 'status', 'seq'));
    const record = fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)), { maxKeys: 30 });
    const fields: ServerFields = {
      status: 'accepted', version: 1, receivedAt: 'r', updatedAt: 'u', kpjNumber: null, card: null, seq: 9, voidReason: null,
    };
    fc.assert(fc.property(record, (r) => {
      const built = withServerFields(r as unknown as Registration, fields);
      const spread = { ...r, ...fields };
      expect(Object.keys(built)).toEqual(Object.keys(spread));
      expect(JSON.stringify(built)).toBe(JSON.stringify(spread));
    }), { numRuns: 500 });
  });
});

describe.each(BACKENDS)('stored results (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  beforeEach(async () => {
    s = await startServer(backend, { defaultQuota: 3 });
    op = await s.token('operator', TANJUNGSARI);
  });
  afterEach(() => s.close());

  const storedResults = async (ops: Wire[]) => {
    const rows = await s.store.db.selectFrom('ops').select(['op_id', 'result']).where('op_id', 'in', ops.map((o) => o.opId as string)).execute();
    return new Map(rows.map((r) => [r.op_id, r.result]));
  };

  it.each(MODES)('replays a batch first answered in %s mode byte for byte, in that mode', async (mode) => {
    const ops = batch();
    const first = await pushRaw(s, op, ops, mode);
    s.clock.advance(3_600_000);
    // The same ops, keys in another order, from another device id, twice in one push too.
    expect(await pushRaw(s, op, ops.map((o) => reversedKeys(o) as Wire), mode)).toBe(first);
    const inner = first.slice('{"results":['.length, -']}'.length);
    expect(await pushRaw(s, op, [...ops, ...ops], mode)).toBe(`{"results":[${inner},${inner}]}`);

    // Applied creates were stored compactly; refusals whole.
    const stored = await storedResults(ops);
    for (const o of ops.slice(0, 3)) expect(Object.keys(JSON.parse(stored.get(o.opId as string) as string) as object)).toEqual(['create']);
    expect(JSON.parse(stored.get(ops[3]?.opId as string) as string)).toMatchObject({ status: 'rejected', code: 'duplicate-nik' });
  });

  it('answers a compactly stored batch in any mode as a first push in that mode would have', async () => {
    const ops = batch();
    const full = await pushRaw(s, op, ops, 'full');
    const compact = await pushRaw(s, op, ops, 'compact');
    const positional = await pushRaw(s, op, ops, 'positional');
    expect(await pushRaw(s, op, ops, 'full')).toBe(full);
    // The projections of the first full answer, as the route makes them.
    const fullResults = (JSON.parse(full) as { results: Array<Record<string, unknown>> }).results;
    const compactResults = (JSON.parse(compact) as { results: Array<Record<string, unknown>> }).results;
    const positionalResults = (JSON.parse(positional) as { results: Array<Record<string, unknown>> }).results;
    fullResults.forEach((r, i) => {
      if (r.status !== 'applied') {
        expect(compactResults[i]).toEqual(r);
        expect(positionalResults[i]).toEqual(r);
        return;
      }
      const reg = r.registration as Record<string, unknown>;
      const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, reg[k]]));
      const fields = ['id', 'status', 'version', 'seq', 'receivedAt', 'updatedAt', 'kpjNumber', 'card'];
      expect(compactResults[i]).toEqual({ opId: r.opId, status: 'applied', registration: pick(fields) });
      expect(positionalResults[i]).toEqual({ status: 'applied', registration: pick(fields.slice(1)) });
    });
  });

  it('replays rows stored whole by earlier versions as they were, in every mode', async () => {
    const ops = batch();
    const full = await pushRaw(s, op, ops, 'full');
    const answers = new Map<Mode, string>();
    for (const mode of MODES) answers.set(mode, await pushRaw(s, op, ops, mode));
    // What earlier versions stored: the whole first result, as answered.
    const results = (JSON.parse(full) as { results: unknown[] }).results;
    await s.store.write(async (trx) => {
      for (const [i, o] of ops.entries()) {
        await trx.updateTable('ops').set({ result: JSON.stringify(results[i]) }).where('op_id', '=', o.opId as string).execute();
      }
    });
    const stored = await storedResults(ops);
    expect(JSON.parse(stored.get(ops[0]?.opId as string) as string)).toHaveProperty('registration.nik');
    s.clock.advance(60_000);
    for (const mode of MODES) expect(await pushRaw(s, op, ops, mode)).toBe(answers.get(mode));
  });

  it('rebuilds from the stored registration when the retried payload no longer parses', async () => {
    // As after a deploy that tightened validation: same payload, now refused by the schema.
    // Simulated by giving a payload that does not parse the stored hash.
    const reg = registration();
    const create = createOp(reg);
    const first = await pushRaw(s, op, [create], 'full');
    const compact = await pushRaw(s, op, [create], 'compact');
    const broken = { ...create, registration: { ...reg, nik: '12' } };
    await s.store.write((trx) => trx.updateTable('ops').set({ payload_hash: payloadHash(broken) }).where('op_id', '=', create.opId as string).execute());
    s.clock.advance(60_000);
    expect(await pushRaw(s, op, [broken], 'full')).toBe(first);
    expect(await pushRaw(s, op, [broken], 'compact')).toBe(compact);
  });

  it('keeps the first result of a create after the registration changed', async () => {
    const reg = registration();
    const create = createOp(reg);
    const first = await pushRaw(s, op, [create], 'full');
    await pushOk(s.app, op, [updateOp(reg.id as string, 1, { address: 'Jl. Baru 7' })]);
    expect(await pushRaw(s, op, [create], 'full')).toBe(first);
    expect(first).toContain('"version":1');
  });
});
