import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Quota, QuotaBoard, ServerRegistration } from '../../src/shared';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { loadPlaces } from '../../src/server/places';
import { setVillageQuota } from '../../src/server/store/quotas';
import { BACKENDS, openAt, startServer, type TestServer } from './support/harness';
import {
  SALEM, TANJUNGSARI, applied, auth, createOp, pullAll, push, pushOk, registration, updateOp, voidOp,
} from './support/wire';

describe.each(BACKENDS)('quota, waitlist and promotion, contract rules 2 and 5 (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  let coordinator: string;
  const setQuota = (token: string, code: string, quota: unknown) =>
    s.app.inject({ method: 'PUT', url: `/api/v1/villages/${code}/quota`, headers: auth(token), payload: { quota } });

  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
    coordinator = await s.token('coordinator', '32.14');
  });
  afterEach(() => s.close());

  async function fill(n: number): Promise<ServerRegistration[]> {
    return pushOk(s.app, op, Array.from({ length: n }, () => createOp(registration())));
  }

  /** The counters must match the registrations themselves. */
  async function expectCountersTrue(code: string) {
    const rows = await s.store.db.selectFrom('registrations').select(['status']).where('village_code', '=', code).execute();
    const quota = (await pullAll(s.app, op)).quotas.find((q) => q.villageCode === code);
    expect(quota?.accepted).toBe(rows.filter((r) => r.status === 'accepted').length);
    expect(quota?.waitlisted).toBe(rows.filter((r) => r.status === 'waitlisted').length);
  }

  it('defaults to 100 slots, then waitlists in arrival order', async () => {
    const regs = await fill(102);
    expect(regs.filter((r) => r.status === 'accepted')).toHaveLength(100);
    expect(regs.slice(100).map((r) => r.status)).toEqual(['waitlisted', 'waitlisted']);
    const pulled = await pullAll(s.app, op);
    expect(pulled.quotas).toEqual([{ villageCode: TANJUNGSARI, quota: 100, accepted: 100, waitlisted: 2 }]);
  });

  it('promotes the oldest waitlisted when an accepted one is voided, with a new seq and version', async () => {
    expect((await setQuota(coordinator, TANJUNGSARI, 2)).statusCode).toBe(200);
    const [a, , w1, w2] = await fill(4) as [ServerRegistration, ServerRegistration, ServerRegistration, ServerRegistration];
    // Editing w1 must not move it back in the waitlist.
    await pushOk(s.app, op, [updateOp(w1.id, 1, { address: 'Jl. Edit' })]);
    const [voided] = await pushOk(s.app, op, [voidOp(a.id)]);
    const after = await pullAll(s.app, op, voided?.seq);
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({ id: w1.id, status: 'accepted', version: 3, seq: (voided?.seq ?? 0) + 1 });
    expect(after.quotas).toEqual([{ villageCode: TANJUNGSARI, quota: 2, accepted: 2, waitlisted: 1 }]);

    // Voiding a waitlisted one promotes nobody.
    const [v2] = await pushOk(s.app, op, [voidOp(w2.id)]);
    expect((await pullAll(s.app, op, v2?.seq)).changes).toHaveLength(0);
    await expectCountersTrue(TANJUNGSARI);
  });

  it('promotes within one batch: creates past the quota, then a void', async () => {
    await setQuota(coordinator, TANJUNGSARI, 1);
    const a = registration();
    const b = registration();
    const c = registration();
    const { results } = await push(s.app, op, [createOp(a), createOp(b), createOp(c), voidOp(a.id as string)]);
    expect(results.map((r) => applied(r).status)).toEqual(['accepted', 'waitlisted', 'waitlisted', 'voided']);
    const all = await pullAll(s.app, op);
    const byId = new Map(all.changes.map((r) => [r.id, r]));
    expect(byId.get(b.id as string)).toMatchObject({ status: 'accepted', version: 2, seq: 5 });
    expect(byId.get(c.id as string)?.status).toBe('waitlisted');
    await expectCountersTrue(TANJUNGSARI);
  });

  it('promotes oldest first when the quota is raised, and never demotes', async () => {
    await setQuota(coordinator, TANJUNGSARI, 1);
    const regs = await fill(5);
    const raised = await setQuota(coordinator, TANJUNGSARI, 3);
    expect(raised.statusCode).toBe(200);
    expect(raised.json<Quota>()).toEqual({ villageCode: TANJUNGSARI, quota: 3, accepted: 3, waitlisted: 2 });
    const changes = (await pullAll(s.app, op, regs[4]?.seq)).changes;
    expect(changes.map((r) => r.id)).toEqual([regs[1]?.id, regs[2]?.id]);
    expect(changes.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const below = await setQuota(coordinator, TANJUNGSARI, 2);
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ error: { code: 'quota-below-accepted', details: { accepted: 3 } } });
    expect((await setQuota(coordinator, TANJUNGSARI, 3)).statusCode).toBe(200);
    await expectCountersTrue(TANJUNGSARI);
  });

  it('allows quota changes to coordinators and admins inside their scope only', async () => {
    const admin = await s.token('admin', '*');
    const blitar = await s.token('coordinator', '35.05');
    expect((await setQuota(op, TANJUNGSARI, 5)).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await setQuota(op, TANJUNGSARI, 5)).statusCode).toBe(403);
    expect((await setQuota(blitar, TANJUNGSARI, 5)).statusCode).toBe(403);
    expect((await setQuota(admin, TANJUNGSARI, 5)).statusCode).toBe(200);
    expect((await setQuota(admin, '32.14.16.2999', 5)).statusCode).toBe(404);
    const bad = await setQuota(admin, TANJUNGSARI, 10_001);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid-request', details: { fields: { quota: expect.any(String) } } } });
    expect((await setQuota(admin, TANJUNGSARI, 'ten')).statusCode).toBe(400);
  });

  it('lists quotas in pulls for villages with registrations or a quota set', async () => {
    await setQuota(coordinator, SALEM, 50);
    await fill(1);
    const pulled = await pullAll(s.app, coordinator);
    expect(pulled.quotas).toEqual([
      { villageCode: SALEM, quota: 50, accepted: 0, waitlisted: 0 },
      { villageCode: TANJUNGSARI, quota: 100, accepted: 1, waitlisted: 0 },
    ]);
    // An operator sees its own village only.
    expect((await pullAll(s.app, op)).quotas.map((q) => q.villageCode)).toEqual([TANJUNGSARI]);
  });

  it('answers the coordinator board for every village under the scope, with names and totals', async () => {
    await setQuota(coordinator, TANJUNGSARI, 2);
    const regs = await fill(3);
    const admin = await s.token('admin', '*');
    await pushOk(s.app, admin, [{ opId: crypto.randomUUID(), type: 'card.handover', registrationId: regs[0]?.id, handedAt: '2025-04-01T09:00:00+07:00', receiver: { kind: 'self' } }]);

    const res = await s.app.inject({ method: 'GET', url: '/api/v1/quotas', headers: auth(coordinator) });
    expect(res.statusCode).toBe(200);
    const board = res.json<QuotaBoard>();
    const expectedCount = loadPlaces().villagesUnder('32.14').length;
    expect(board.villages).toHaveLength(expectedCount);
    expect(board.villages.find((v) => v.villageCode === TANJUNGSARI)).toEqual({
      villageCode: TANJUNGSARI, name: 'Tanjungsari', district: 'Pondoksalam',
      quota: 2, accepted: 2, waitlisted: 1, cardsHandedOver: 1,
    });
    expect(board.villages.find((v) => v.villageCode === SALEM)).toMatchObject({ name: 'Salem', quota: 100, accepted: 0 });
    expect(board.totals).toEqual({
      villages: expectedCount, quota: 100 * (expectedCount - 1) + 2, accepted: 2, waitlisted: 1, cardsHandedOver: 1,
    });

    const district = await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=32.14.16', headers: auth(coordinator) });
    expect(district.json<QuotaBoard>().villages.every((v) => v.villageCode.startsWith('32.14.16.'))).toBe(true);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=32', headers: auth(coordinator) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=*', headers: auth(coordinator) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=3x', headers: auth(coordinator) })).statusCode).toBe(400);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/quotas', headers: auth(op) })).statusCode).toBe(403);
  });

  it('never serves a stale board or stale pull quotas after a change', async () => {
    const tanjungsari = async () => (await s.app.inject({ method: 'GET', url: '/api/v1/quotas?scope=32.14.16', headers: auth(coordinator) }))
      .json<QuotaBoard>().villages.find((v) => v.villageCode === TANJUNGSARI);
    const pulled = async () => (await pullAll(s.app, op)).quotas[0];
    expect(await tanjungsari()).toMatchObject({ quota: 100, accepted: 0 });
    expect(await pulled()).toBeUndefined();
    await fill(1);
    expect(await tanjungsari()).toMatchObject({ quota: 100, accepted: 1 });
    expect(await pulled()).toMatchObject({ quota: 100, accepted: 1 });
    // Another process (the CLI) writes through the same store functions; a second store on the
    // same database stands for it here.
    const other = await openAt(s.loc);
    try {
      await setVillageQuota(other, { villageCode: TANJUNGSARI, quota: 7, actor: CLI_ACTOR, now: new Date() });
    } finally {
      await other.close();
    }
    expect(await tanjungsari()).toMatchObject({ quota: 7, accepted: 1 });
    expect(await pulled()).toMatchObject({ quota: 7, accepted: 1 });
  });
});
