// The contract additions (docs/architecture.md, "Contract additions"): a push may ask for
// compact applied results, a pull may leave out the asking device's own pushes. Without them,
// every answer is exactly the contract's (the other server tests check that).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPACT_FIELDS, registrationSchema, type CompactOpResult, type PullResponse,
  type ServerRegistration,
} from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  SALEM, TANJUNGSARI, applied, auth, createOp, handoverOp, pullAll, push, registration, updateOp, voidOp,
  type Wire,
} from './support/wire';

async function pushCompact(s: TestServer, token: string, ops: Wire[], deviceId: string, results: { results?: unknown } = { results: 'compact' }): Promise<CompactOpResult[]> {
  const res = await s.app.inject({
    method: 'POST', url: '/api/v1/sync/push', headers: auth(token), payload: { deviceId, ops, ...results },
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ results: CompactOpResult[] }>().results;
}

async function pullAs(s: TestServer, token: string, device: string, since = 0, limit?: number): Promise<PullResponse> {
  const q = `since=${since}&device=${device}${limit === undefined ? '' : `&limit=${limit}`}`;
  const res = await s.app.inject({ method: 'GET', url: `/api/v1/sync/pull?${q}`, headers: auth(token) });
  expect(res.statusCode).toBe(200);
  return res.json<PullResponse>();
}

function compactOf(result: CompactOpResult | undefined) {
  if (!result || result.status !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(result)}`);
  return result.registration;
}

/** What a device holds after a compact result: the record it sent, normalised, plus the server's fields. */
function rebuilt(sent: Wire, compact: ReturnType<typeof compactOf>, voidReason: string | null = null): ServerRegistration {
  return { ...registrationSchema.parse(sent), ...compact, voidReason };
}

const byId = (changes: ServerRegistration[]) => new Map(changes.map((c) => [c.id, c]));

describe.each(BACKENDS)('contract additions (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  /** Another phone of the same village: its own token (R1: the token is who pushed). */
  let other: string;
  let coordinator: string;
  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
    other = await s.token('operator', TANJUNGSARI);
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  describe('push "results": "compact"', () => {
    it('applied results carry only the server fields; the record the device sent, normalised, completes them exactly', async () => {
      const device = randomUUID();
      // Inputs the schema normalises: NIK with dots and spaces, lower-case name, short RT/RW,
      // a local phone number, times with an offset, optional fields present and absent.
      const plain = registration();
      const messy = registration({
        nik: (registration().nik as string).replace(/^(\d{6})(\d{6})/, '$1.$2 '), fullName: 'dewi  lestari',
        rt: '7', rw: 3, phone: '0812-3456-7890', birthPlace: 'Sumedang', motherName: 'ibu aisyah',
        heir: { name: 'budi santoso', relationship: 'suami' }, consent: { noticeVersion: '2025-01', at: '2025-03-02T09:00:00+07:00' },
      });
      const sent = [plain, messy];
      const results = await pushCompact(s, op, sent.map((r) => createOp(r)), device);
      for (const result of results) {
        expect(new Set(Object.keys(compactOf(result)))).toEqual(new Set(COMPACT_FIELDS));
      }
      expect(compactOf(results[0])).toMatchObject({ status: 'accepted', version: 1, kpjNumber: null, card: null });
      // The full records, as another phone pulls them.
      const full = byId((await pullAll(s.app, coordinator)).changes);
      sent.forEach((reg, i) => {
        expect(rebuilt(reg, compactOf(results[i]))).toEqual(full.get(reg.id as string));
      });
    });

    it('rejected results are unchanged, and a replay answers the same projection of the first result', async () => {
      const device = randomUUID();
      const reg = registration();
      const dupOfReg = registration({ nik: reg.nik });
      const ops = [createOp(reg), createOp(dupOfReg), createOp(registration({ nik: '123' }))];
      const first = await pushCompact(s, op, ops, device);
      expect(first[1]).toMatchObject({ status: 'rejected', code: 'duplicate-nik', details: { villageCode: TANJUNGSARI } });
      expect(first[2]).toMatchObject({ status: 'rejected', code: 'invalid', details: { fields: { nik: 'nik-format' } } });

      // The same ops again (a lost answer): the same compact answer, nothing changes.
      s.clock.advance(60_000);
      expect(await pushCompact(s, op, ops, device)).toEqual(first);
      // Without the addition, the replay is the full first result, as the contract says.
      const full = (await push(s.app, op, ops, device)).results;
      expect(full[1]).toEqual(first[1]);
      expect(full[2]).toEqual(first[2]);
      const fullReg = applied(full[0]);
      expect(fullReg).toMatchObject({ nik: reg.nik, fullName: 'SITI AMINAH', rt: '003' });
      expect(compactOf(first[0])).toEqual(Object.fromEntries(COMPACT_FIELDS.map((k) => [k, fullReg[k]])));
    });

    it('absent or any other value: full results, exactly as the contract says', async () => {
      for (const value of [{}, { results: 'full' }, { results: 'COMPACT' }, { results: 1 }, { results: null }]) {
        const reg = registration();
        const [result] = await pushCompact(s, op, [createOp(reg)], randomUUID(), value);
        expect(result).toMatchObject({ status: 'applied', registration: { id: reg.id, nik: reg.nik, fullName: 'SITI AMINAH', status: 'accepted', version: 1, voidReason: null } });
      }
    });

    it('"positional": the compact answer without the opId and the registration id; refusals unchanged; replays the same', async () => {
      const device = randomUUID();
      const a = registration();
      const b = registration();
      const ops = [createOp(a), createOp(registration({ nik: a.nik })), createOp(b)];
      const first = await pushCompact(s, op, ops, device, { results: 'positional' });
      expect(first).toHaveLength(3);
      const positionalFields = new Set(COMPACT_FIELDS.filter((k) => k !== 'id'));
      for (const i of [0, 2]) {
        expect(first[i]).not.toHaveProperty('opId');
        expect(new Set(Object.keys(first[i] as object))).toEqual(new Set(['status', 'registration']));
        expect(new Set(Object.keys(compactOf(first[i])))).toEqual(positionalFields);
      }
      // The i-th result answers the i-th op: the seqs follow the ops' order.
      const full = byId((await pullAll(s.app, coordinator)).changes);
      expect(compactOf(first[0])).toEqual(Object.fromEntries([...positionalFields].map((k) => [k, full.get(a.id as string)?.[k]])));
      expect(compactOf(first[2]).seq).toBe(full.get(b.id as string)?.seq);
      expect(first[1]).toMatchObject({ opId: ops[1]?.opId, status: 'rejected', code: 'duplicate-nik' });
      s.clock.advance(60_000);
      expect(await pushCompact(s, op, ops, device, { results: 'positional' })).toEqual(first);
    });

    it('updates, voids and handovers answer compactly too; the device completes them from what it holds', async () => {
      const device = randomUUID();
      const reg = registration();
      const [created] = await pushCompact(s, op, [createOp(reg)], device);
      const v1 = rebuilt(reg, compactOf(created));
      const changes = { address: 'Jl. Baru No. 1', fullName: 'siti aminah binti umar', rt: '9' };
      const [updated, handed] = await pushCompact(s, op, [updateOp(reg.id as string, 1, changes), handoverOp(reg.id as string)], device);
      const { seq: _s, version: _v, status: _st, receivedAt: _r, updatedAt: _u, kpjNumber: _k, card: _c, voidReason: _vr, ...record } = v1;
      const v2 = rebuilt({ ...record, ...changes }, compactOf(updated));
      expect(compactOf(updated)).toMatchObject({ version: 2, card: null });
      expect(compactOf(handed)).toMatchObject({ version: 3, card: { receiver: { kind: 'self' }, deviceId: device } });
      const [voided] = await pushCompact(s, op, [voidOp(reg.id as string, 'Pindah')], device);
      expect(compactOf(voided)).toMatchObject({ status: 'voided', version: 4 });
      const pulled = (await pullAll(s.app, coordinator)).changes[0];
      // The coordinator reads the card without the operator phone's device id (Revision 2, R1).
      const card = { ...compactOf(voided).card, deviceId: null };
      expect({ ...v2, ...compactOf(voided), card, voidReason: 'Pindah' }).toEqual(pulled);
    });
  });

  describe('pull "device="', () => {
    it("leaves out the device's own pushes, returns others' and advances the cursor past its own", async () => {
      const mine = randomUUID();
      const theirsDevice = randomUUID();
      const own1 = await pushCompact(s, op, [createOp(registration()), createOp(registration())], mine); // seq 1, 2
      const [theirs] = (await push(s.app, other, [createOp(registration())], theirsDevice)).results; // seq 3
      await pushCompact(s, op, [createOp(registration()), createOp(registration())], mine); // seq 4, 5

      const page = await pullAs(s, op, mine);
      expect(page.changes.map((c) => c.id)).toEqual([applied(theirs).id]);
      expect(page).toMatchObject({ cursor: 5, hasMore: false });
      expect(page.quotas).toEqual([{ villageCode: TANJUNGSARI, quota: expect.any(Number), accepted: 5, waitlisted: 0 }]);
      // From the cursor: nothing; the other phone sees the four of this one; without `device`: all five.
      expect(await pullAs(s, op, mine, 5)).toMatchObject({ changes: [], cursor: 5, hasMore: false });
      expect((await pullAs(s, other, theirsDevice)).changes.map((c) => c.seq)).toEqual([1, 2, 4, 5]);
      // R1: naming the other phone's device id skips nothing of its pushes; the token decides.
      expect((await pullAs(s, op, theirsDevice)).changes.map((c) => c.seq)).toEqual([3]);
      expect((await pullAll(s.app, op)).changes).toHaveLength(5);
      expect(compactOf(own1[0]).seq).toBe(1);
    });

    it('pages: at most `limit` changes, the cursor never past an unreturned change of another', async () => {
      const mine = randomUUID();
      await pushCompact(s, op, [createOp(registration()), createOp(registration())], mine); // 1, 2
      await push(s.app, other, [createOp(registration()), createOp(registration())]); // 3, 4
      await pushCompact(s, op, [createOp(registration())], mine); // 5
      await push(s.app, other, [createOp(registration())]); // 6
      await pushCompact(s, op, [createOp(registration()), createOp(registration())], mine); // 7, 8

      const seen: number[] = [];
      const cursors: number[] = [];
      let since = 0;
      for (;;) {
        const page = await pullAs(s, op, mine, since, 1);
        seen.push(...page.changes.map((c) => c.seq));
        cursors.push(page.cursor);
        expect(page.changes.length).toBeLessThanOrEqual(1);
        if (!page.hasMore) break;
        since = page.cursor;
      }
      expect(seen).toEqual([3, 4, 6]);
      expect(cursors).toEqual([3, 4, 8]);
    });

    it("returns what others did to the device's records: promotions, another device's void, a coordinator's change", async () => {
      const mine = randomUUID();
      const put = (quota: number) => s.app.inject({ method: 'PUT', url: `/api/v1/villages/${TANJUNGSARI}/quota`, headers: auth(coordinator), payload: { quota } });
      expect((await put(1)).statusCode).toBe(200);
      const [a, b, c] = [registration(), registration(), registration()];
      const results = await pushCompact(s, op, [createOp(a), createOp(b), createOp(c)], mine);
      expect(results.map((r) => compactOf(r).status)).toEqual(['accepted', 'waitlisted', 'waitlisted']);
      expect(await pullAs(s, op, mine)).toMatchObject({ changes: [], cursor: 3 });

      // A coordinator's phone voids A: B is promoted. Both come back to this device.
      await push(s.app, coordinator, [voidOp(a.id as string)], randomUUID());
      const after = await pullAs(s, op, mine, 3);
      expect(after.changes.map((r) => [r.id, r.status])).toEqual([[a.id, 'voided'], [b.id, 'accepted']]);
      // A quota raise promotes C: returned too. The device's own later edit of B is not.
      expect((await put(5)).statusCode).toBe(200);
      await pushCompact(s, op, [updateOp(b.id as string, 2, { address: 'Jl. Lain' })], mine);
      const last = await pullAs(s, op, mine, after.cursor);
      expect(last.changes.map((r) => [r.id, r.status, r.version])).toEqual([[c.id, 'accepted', 2]]);
      expect(last.cursor).toBe(7);
      expect((await pullAll(s.app, op, after.cursor)).changes.map((r) => r.id)).toEqual([c.id, b.id]);
    });

    it('a registration of the device changed later by another device comes back; other villages stay out of scope', async () => {
      const mine = randomUUID();
      const reg = registration();
      await pushCompact(s, op, [createOp(reg)], mine);
      await push(s.app, other, [updateOp(reg.id as string, 1, { address: 'Dari HP lain' })], randomUUID());
      await push(s.app, coordinator, [createOp(registration({ villageCode: SALEM }))], mine);
      const page = await pullAs(s, op, mine);
      expect(page.changes.map((r) => [r.id, r.address, r.version])).toEqual([[reg.id, 'Dari HP lain', 2]]);
      expect(page.cursor).toBe(2);
    });

    it('refuses a device that is not a UUID', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull?since=0&device=abc', headers: auth(op) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-request' } });
    });
  });
});
