import { countByStatus } from '../../../src/client/db/registration-queries';
import { describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { capture, expectConverged, local, setup, VILLAGE } from './harness';

// The engine against the fake server under the faults a village network produces. After each
// storm the invariant is the same: every record is on the server exactly once and the phone
// shows the server's truth.

describe('sync engine: the happy path', () => {
  it('pushes queued records, stores the server answers and quotas, advances the cursor', async () => {
    const h = await setup();
    h.server.quotas.set(VILLAGE, 2);
    const regs = await capture(h.db, 3);
    const state = await h.engine.syncNow();

    expect(state.lastError).toBeNull();
    expect(state.lastSyncAt).toBe(new Date(h.timers.now).toISOString());
    expect(state.pendingCount).toBe(0);
    expect(h.server.registrations.size).toBe(3);
    // Arrival order decides: the first two take the two slots.
    expect((await local(h.db, regs[0]!.id)).status).toBe('accepted');
    expect((await local(h.db, regs[1]!.id)).status).toBe('accepted');
    expect((await local(h.db, regs[2]!.id)).status).toBe('waitlisted');
    expect(await h.db.quotas.get(VILLAGE)).toMatchObject({ quota: 2, accepted: 2, waitlisted: 1 });
    expect(await getMeta(h.db, 'cursor')).toBe(3);
    expect(await getMeta(h.db, 'lastSyncError')).toBeNull();
    await expectConverged(h);
  });

  it('learns a promotion from the waitlist made on the server by a later pull', async () => {
    const h = await setup();
    h.server.quotas.set(VILLAGE, 1);
    const [first, second] = await capture(h.db, 2);
    await h.engine.syncNow();
    expect((await local(h.db, second!.id)).status).toBe('waitlisted');

    h.server.voidDirect(first!.id); // a coordinator voids the first: the second is promoted
    await h.engine.syncNow();
    expect((await local(h.db, first!.id)).status).toBe('voided');
    expect((await local(h.db, second!.id)).status).toBe('accepted');
    expect(await h.db.quotas.get(VILLAGE)).toMatchObject({ accepted: 1, waitlisted: 0 });
    await expectConverged(h);
  });
});

describe('sync engine: bytes on the wire', () => {
  it('gzips pushes', async () => {
    const h = await setup();
    const regs = await capture(h.db, 200);
    await h.engine.syncNow();
    const plain = JSON.stringify({ deviceId: crypto.randomUUID(), ops: regs.map((registration) => ({ opId: crypto.randomUUID(), type: 'registration.create', registration })) });
    expect(h.server.pushBytes).toBeLessThan(plain.length / 3);
    await expectConverged(h);
  });

  it('falls back to plain JSON, for good, with a server that cannot read gzip', async () => {
    const h = await setup();
    h.server.acceptsGzip = false;
    await capture(h.db, 3);
    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    await capture(h.db, 1);
    await h.engine.syncNow();
    // The refused gzip body (unreadable: -1 ops), then plain bodies only.
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([-1, 3, 1]);
    await expectConverged(h);
  });
});

describe('sync engine: bodies encoded ahead', () => {
  it('every batch of a long queue goes gzipped; after a refusal, the batches encoded meanwhile go plain', { timeout: 60_000 }, async () => {
    const h = await setup();
    h.server.defaultQuota = 2000;
    await capture(h.db, 1200);
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([500, 500, 200]);
    // About 0.6 kB of JSON per op: gzipped, the three pushes are a fraction of it.
    expect(h.server.pushBytes).toBeLessThan((1200 * 600) / 3);

    const plain = await setup();
    plain.server.acceptsGzip = false;
    plain.server.defaultQuota = 2000;
    await capture(plain.db, 1200);
    expect((await plain.engine.syncNow()).lastError).toBeNull();
    expect(plain.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([-1, 500, 500, 200]);
    await expectConverged(plain);
  });
});

describe('sync engine: faults', () => {
  it('answer lost after the server applied the batch: stays `sent`, resends the same opIds, lands once', async () => {
    const h = await setup();
    const regs = await capture(h.db, 3);
    const opIds = (await h.db.outbox.toArray()).map((r) => r.opId);
    h.server.fault('lose-response', 'push');

    const failed = await h.engine.syncNow();
    expect(failed.lastError?.code).toBe('offline');
    expect(h.server.registrations.size).toBe(3); // applied, but the phone never heard
    for (const reg of regs) expect((await local(h.db, reg.id)).status).toBe('sent');
    const queued = await h.db.outbox.toArray();
    expect(queued.map((r) => r.opId)).toEqual(opIds);
    expect(queued.every((r) => r.attempts === 1 && r.state === 'queued')).toBe(true);

    const ok = await h.engine.syncNow();
    expect(ok.lastError).toBeNull();
    expect(h.server.registrations.size).toBe(3);
    expect(h.server.decided.size).toBe(3); // the retry was answered from memory
    await expectConverged(h);
  });

  // A big queue on fake-indexeddb: slow on a busy machine, hence its own time limit.
  it('server down in the middle of a 1,200-record queue: what landed is kept, the rest goes later', { timeout: 60_000 }, async () => {
    const h = await setup();
    h.server.defaultQuota = 1000;
    await capture(h.db, 1200);
    h.server.fault('down', 'push', { after: 1 });

    const state = await h.engine.syncNow();
    expect(state.lastError?.code).toBe('offline');
    // 500 answered; 500 sent with no answer (maybe applied, maybe not); 200 never sent.
    const expected = { accepted: 500, sent: 500, pending: 200, waitlisted: 0, rejected: 0, voided: 0 };
    expect(await countByStatus(h.db)).toEqual(expected);
    // The same once the stored answers are written into the rows.
    await h.engine.folded();
    const stored = (await h.db.registrations.toArray()).reduce<Record<string, number>>((acc, r) => {
      acc[r.status] = (acc[r.status] ?? 0) + 1;
      return acc;
    }, {});
    expect(stored).toEqual({ accepted: 500, sent: 500, pending: 200 });
    // Only the batch that may have landed counts an attempt; the one read next was never sent.
    expect((await h.db.outbox.toArray()).reduce((n, r) => n + r.attempts, 0)).toBe(500);
    expect(await getMeta(h.db, 'inFlight')).toEqual([]);
    expect(state.pendingCount).toBe(700);
    expect(h.server.registrations.size).toBe(500);

    const ok = await h.engine.syncNow();
    expect(ok.lastError).toBeNull();
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([500, 500, 500, 200]);
    expect(h.server.registrations.size).toBe(1200);
    expect(h.server.countLive(VILLAGE, 'accepted')).toBe(1000);
    expect(await h.db.quotas.get(VILLAGE)).toMatchObject({ accepted: 1000, waitlisted: 200 });
    await expectConverged(h);
  });

  it('a delivery made twice by the network changes nothing the second time', async () => {
    const h = await setup();
    await capture(h.db, 4);
    h.server.fault('duplicate', 'push');
    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(h.server.registrations.size).toBe(4);
    expect([...h.server.registrations.values()].every((r) => r.version === 1)).toBe(true);
    await expectConverged(h);
  });

  it("a proxy's HTML 500 page (server untouched) leaves records `sent` and queued, then they land", async () => {
    const h = await setup();
    const regs = await capture(h.db, 2);
    h.server.fault('html-500', 'push');
    const failed = await h.engine.syncNow();
    expect(failed.lastError).toMatchObject({ code: 'server-unavailable', messageKey: 'sync.error.server-unavailable' });
    expect(await getMeta(h.db, 'lastSyncError')).toBe('sync.error.server-unavailable');
    expect(h.server.registrations.size).toBe(0);
    expect((await local(h.db, regs[0]!.id)).status).toBe('sent');
    await h.engine.syncNow();
    await expectConverged(h);
  });

  it('an HTML 500 after the server committed is replayed, not duplicated', async () => {
    const h = await setup();
    await capture(h.db, 2);
    h.server.fault('html-500-after-apply', 'push');
    await h.engine.syncNow();
    expect(h.server.registrations.size).toBe(2);
    await h.engine.syncNow();
    expect(h.server.registrations.size).toBe(2);
    await expectConverged(h);
  });

  it('a request that hangs is aborted at the timeout; the next push sends a smaller batch', async () => {
    const h = await setup({ requestTimeoutMs: 30_000 });
    await capture(h.db, 300);
    h.server.fault('hang', 'push');
    const running = h.engine.syncNow();
    await vi.waitFor(() => expect(h.server.hanging).toBe(1));
    h.timers.advance(30_000);
    const state = await running;
    expect(state.lastError?.code).toBe('timeout');
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([300, 250, 50]);
    await expectConverged(h);
  });

  it('a rejected record does not block the rest, and is not resent by itself', async () => {
    const h = await setup();
    const [a] = await capture(h.db, 1);
    // Another phone already holds this NIK in the programme.
    const dup = (await capture(h.db, 1))[0]!;
    h.server.createDirect({ ...dup, id: crypto.randomUUID(), villageCode: '32.14.16.2006' });
    const [c] = await capture(h.db, 1);

    const state = await h.engine.syncNow();
    expect(state.rejectedCount).toBe(1);
    expect(state.pendingCount).toBe(0);
    expect((await local(h.db, a!.id)).status).toBe('accepted');
    expect((await local(h.db, c!.id)).status).toBe('accepted');
    const refused = await local(h.db, dup.id);
    expect(refused.status).toBe('rejected');
    expect(refused.rejection).toMatchObject({ code: 'duplicate-nik', details: { villageCode: '32.14.16.2006' } });
    expect((await h.db.outbox.toArray()).map((r) => r.state)).toEqual(['rejected']);

    const pushesBefore = h.server.log.filter((l) => l.route === 'push').length;
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'push').length).toBe(pushesBefore);
  });
});
