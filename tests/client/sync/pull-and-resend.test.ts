import { describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { discardRejected, saveEditedRegistration } from '../../../src/client/db/registrations';
import { createSyncStore, resendRejected } from '../../../src/client/db/sync-store';
import type { HandoverOp } from '../../../src/shared/protocol';
import { capture, expectConverged, local, makeRegistration, setup, VILLAGE } from './harness';

describe('pull', () => {
  it('pages with hasMore until the end, stores other phones’ records as `pulled`, persists the cursor', async () => {
    const h = await setup();
    h.server.defaultQuota = 1000;
    for (let i = 0; i < 1234; i++) h.server.createDirect(makeRegistration());
    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    // Pages of 1,000, the most the contract allows: fewer round trips on a slow line.
    expect(h.server.log.filter((l) => l.route === 'pull').map((l) => l.since)).toEqual([0, 1000]);
    expect(await getMeta(h.db, 'cursor')).toBe(1234);
    expect(await h.db.registrations.filter((r) => r.origin === 'pulled').count()).toBe(1234);
    expect(await h.db.registrations.where('status').equals('waitlisted').count()).toBe(234);
    expect(await h.db.quotas.get(VILLAGE)).toMatchObject({ quota: 1000, accepted: 1000, waitlisted: 234 });

    // Nothing new: one request, the cursor stays.
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'pull').map((l) => l.since)).toEqual([0, 1000, 1234]);
  });

  it('keeps the cursor of the last stored page when a later page fails, and resumes from it', async () => {
    const h = await setup();
    for (let i = 0; i < 2100; i++) h.server.createDirect(makeRegistration());
    h.server.fault('down', 'pull', { after: 1 });
    const failed = await h.engine.syncNow();
    expect(failed.lastError?.code).toBe('offline');
    expect(await getMeta(h.db, 'cursor')).toBe(1000);
    expect(await h.db.registrations.count()).toBe(1000);

    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'pull').map((l) => l.since)).toEqual([0, 1000, 1000, 2000]);
    expect(await h.db.registrations.count()).toBe(2100);
  });

  it('a record with a queued edit keeps its local copy but gets the fresh server copy', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    await saveEditedRegistration(h.db, { ...reg!, address: 'Jl. Edit di HP' });
    const fresh = h.server.updateDirect(reg!.id, { kpjNumber: '25012345678' } as never);
    const store = createSyncStore(h.db);
    await store.applyPullPage({ changes: [fresh], cursor: fresh.seq, hasMore: false, quotas: [] }, new Date().toISOString());
    const row = await local(h.db, reg!.id);
    expect(row.data.address).toBe('Jl. Edit di HP');
    expect(row.server).toMatchObject({ version: 2, kpjNumber: '25012345678' });
    expect(row.status).toBe('accepted');
    expect(await h.db.outbox.where('state').equals('queued').count()).toBe(1);

    // An older answer arriving late (a replayed push) never overwrites the newer copy.
    const stale = { ...fresh, version: 1, seq: fresh.seq - 1, kpjNumber: null };
    await store.applyPullPage({ changes: [stale], cursor: fresh.seq, hasMore: false, quotas: [] }, new Date().toISOString());
    expect((await local(h.db, reg!.id)).server?.version).toBe(2);
  });
});

describe('rejected records: resend and discard', () => {
  it('a duplicate NIK corrected by the operator goes again as a new create with a new opId', async () => {
    const h = await setup();
    const [dup] = await capture(h.db, 1);
    h.server.createDirect({ ...dup!, id: crypto.randomUUID() });
    await h.engine.syncNow();
    const refused = await local(h.db, dup!.id);
    expect(refused.status).toBe('rejected');

    const corrected = { ...dup!, nik: makeRegistration().nik };
    const [opId] = await resendRejected(h.db, dup!.id, { corrected });
    expect(opId).not.toBe(refused.rejection?.opId);
    expect(await local(h.db, dup!.id)).toMatchObject({ status: 'pending', rejection: null, nik: corrected.nik });
    const state = await h.engine.syncNow();
    expect(state.rejectedCount).toBe(0);
    expect(h.server.registrations.get(dup!.id)?.nik).toBe(corrected.nik);
    await expectConverged(h);
  });

  it('a version conflict: the server copy is kept, and a resend replays only the operator’s change', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    h.server.updateDirect(reg!.id, { address: 'Alamat dari koordinator' });
    await saveEditedRegistration(h.db, { ...reg!, rt: '007' });
    await h.engine.syncNow();
    const refused = await local(h.db, reg!.id);
    expect(refused).toMatchObject({ status: 'rejected', rejection: { code: 'version-conflict' } });
    expect(refused.server).toMatchObject({ version: 2, address: 'Alamat dari koordinator' });

    await resendRejected(h.db, reg!.id);
    const [op] = await h.db.outbox.toArray();
    expect(op?.op).toMatchObject({ type: 'registration.update', baseVersion: 2, changes: { rt: '007' } });
    await h.engine.syncNow();
    expect(h.server.registrations.get(reg!.id)).toMatchObject({ version: 3, rt: '007', address: 'Alamat dari koordinator' });
    await expectConverged(h);
  });

  it('a refused card handover is queued again as it was, under a new opId', async () => {
    const h = await setup();
    h.server.quotas.set(VILLAGE, 0);
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    const handover: HandoverOp = {
      opId: crypto.randomUUID(), type: 'card.handover', registrationId: reg!.id,
      handedAt: '2025-03-10T03:00:00.000Z', receiver: { kind: 'self' }, eventId: undefined,
    };
    await h.db.outbox.add({ opId: handover.opId, registrationId: reg!.id, op: handover, state: 'queued', createdAt: '', attempts: 0, lastAttemptAt: null });
    await h.engine.syncNow();
    // A refused handover is a conflict about the card: the worker keeps the server's status.
    expect(await local(h.db, reg!.id)).toMatchObject({ status: 'waitlisted', rejection: { code: 'not-accepted' } });

    h.server.setQuota(VILLAGE, 1); // the quota is raised: promoted
    const [opId] = await resendRejected(h.db, reg!.id);
    expect(opId).not.toBe(handover.opId);
    await h.engine.syncNow();
    expect(h.server.registrations.get(reg!.id)?.card?.receiver).toEqual({ kind: 'self' });
    expect(await local(h.db, reg!.id)).toMatchObject({ status: 'accepted', rejection: null });
    await expectConverged(h);
  });

  it('discarding a record the server never had deletes it; the counts follow', async () => {
    const h = await setup();
    const [dup] = await capture(h.db, 1);
    h.server.createDirect({ ...dup!, id: crypto.randomUUID() });
    await h.engine.syncNow();
    expect(h.engine.getState().rejectedCount).toBe(1);
    expect(await discardRejected(h.db, dup!.id)).toBe('deleted');
    await h.engine.refresh();
    expect(h.engine.getState()).toMatchObject({ rejectedCount: 0, pendingCount: 0 });
    expect(await h.db.registrations.get(dup!.id)).toBeUndefined();
    // The other phone's holder of that NIK, learnt by the pull, stays.
    expect(await h.db.registrations.count()).toBe(1);
  });
});
