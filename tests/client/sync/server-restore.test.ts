import { describe, expect, it } from 'vitest';
import { recordHandover } from '../../../src/client/db/distribution-store';
import { getMeta } from '../../../src/client/db/meta';
import { saveEditedRegistration } from '../../../src/client/db/registrations';
import { createSyncStore, saveDeviceIdentity } from '../../../src/client/db/sync-store';
import { createSyncEngine } from '../../../src/client/sync/engine';
import type { SyncState } from '../../../src/client/sync/types';
import { freshDb } from '../db/helpers';
import type { FakeServer } from './fake-server';
import { capture, expectConverged, local, setup, VILLAGE, type Harness } from './harness';

// Contract Revision 2, R5: a server restored from a backup forgets what came after it; every
// phone that sees the new generation pushes again what it holds, and nothing is lost.

/** Another phone of the village on the same server, syncing with its own engine and db. */
async function otherPhone(server: FakeServer) {
  const db = freshDb();
  const { token, deviceId } = server.addDevice('operator', VILLAGE);
  await saveDeviceIdentity(db, { deviceId, token, role: 'operator', scope: VILLAGE }, 'HP lain');
  const engine = createSyncEngine({ store: createSyncStore(db), fetch: server.fetch, random: () => 0.5, gzip: null });
  return { db, engine };
}

/** The same phone after a reload: a new engine over the same db. */
function reload(h: Harness) {
  return createSyncEngine({ store: createSyncStore(h.db), fetch: h.server.fetch, now: () => h.timers.now, timers: h.timers, random: () => 0.5, gzip: null });
}

/** Every registration the server holds, once each: ids and NIKs both unique. */
function expectHeldOnce(server: FakeServer, count: number): void {
  const regs = [...server.registrations.values()];
  expect(regs).toHaveLength(count);
  expect(new Set(regs.map((r) => r.nik)).size).toBe(count);
}

/** 30 synced, a backup, 20 more synced: the restore below loses those 20 on the server. */
async function thirtyBackupTwenty(h: Harness): Promise<() => void> {
  await capture(h.db, 30);
  expect((await h.engine.syncNow()).lastError).toBeNull();
  const restore = h.server.snapshot();
  await capture(h.db, 20);
  expect((await h.engine.syncNow()).lastError).toBeNull();
  expectHeldOnce(h.server, 50);
  return restore;
}

describe('server generation', () => {
  it('a phone that stored none stores the first it sees and pushes nothing again', async () => {
    const h = await setup();
    await capture(h.db, 3);
    await h.engine.syncNow();
    expect(await getMeta(h.db, 'generation')).toBe(h.server.generation);
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([3]);
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'push')).toHaveLength(1);
  });

  it('a server without generation (older) changes nothing', async () => {
    const h = await setup();
    h.server.generation = null;
    await capture(h.db, 3);
    await h.engine.syncNow();
    await h.engine.syncNow();
    expect(await getMeta(h.db, 'generation')).toBeUndefined();
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([3]);
    await expectConverged(h);
  });
});

describe('a server restored from a backup', () => {
  it('30 synced, backup, 20 more synced, restore: the phone pushes again and the server holds all 50 once', async () => {
    const h = await setup();
    const restore = await thirtyBackupTwenty(h);
    const before = h.server.generation;
    restore();
    expectHeldOnce(h.server, 30);
    const seen: SyncState[] = [];
    h.engine.subscribe((state) => seen.push(state));

    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0, restoring: null });
    expectHeldOnce(h.server, 50);
    expect(h.server.generation).not.toBe(before);
    expect(await getMeta(h.db, 'generation')).toBe(h.server.generation);
    // The band said so while it ran, with the count of records sent again.
    expect(seen.some((s) => s.restoring === 50 && s.running)).toBe(true);
    // The pull started again from 0 after the re-push.
    expect(h.server.log.filter((l) => l.route === 'pull').at(-1)?.since).toBe(0);
    await expectConverged(h);
    expect(await getMeta(h.db, 'repushTotal')).toBeUndefined();

    // A second phone that only pulls sees all 50.
    const other = await otherPhone(h.server);
    expect((await other.engine.syncNow()).lastError).toBeNull();
    expect(await other.db.registrations.count()).toBe(50);

    // Nothing more to do: the next sync pushes nothing.
    const pushes = h.server.log.filter((l) => l.route === 'push').length;
    await h.engine.syncNow();
    expect(h.server.log.filter((l) => l.route === 'push')).toHaveLength(pushes);
  });

  it('re-pushes with fresh opIds, and queued ops still in the outbox go after it, none lost', async () => {
    const h = await setup();
    const restore = await thirtyBackupTwenty(h);
    const opIdsBefore = new Set(h.server.decided.keys());
    await capture(h.db, 5); // saved offline, queued when the restore is found
    restore();
    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0 });
    expectHeldOnce(h.server, 55);
    const repushed = [...h.server.decided.keys()].filter((opId) => !opIdsBefore.has(opId));
    // The 5 queued creates went first and their answer showed the restore; then all 55 the
    // phone holds went again under fresh opIds (the 5 answered as held, changing nothing).
    expect(repushed).toHaveLength(60);
    expect([...h.server.decided.values()].filter((d) => d.result.status === 'rejected')).toHaveLength(0);
    await expectConverged(h);
  });

  it('pushes again the voids and the card handovers the phone holds', async () => {
    const h = await setup();
    const regs = await capture(h.db, 4);
    await h.engine.syncNow();
    const restore = h.server.snapshot();
    const [voided, handed, both] = [regs[0]!.id, regs[1]!.id, regs[2]!.id];
    h.server.voidDirect(voided);
    expect(await recordHandover(h.db, { registrationId: handed, receiver: { kind: 'self' }, eventId: null })).toMatchObject({ ok: true });
    h.server.handOverDirect(both, { handedAt: '2025-03-10T02:00:00.000Z', receiver: { kind: 'self' }, eventId: null, operator: 'Meja 2', deviceId: null });
    h.server.voidDirect(both);
    await h.engine.syncNow();
    expect(await local(h.db, voided)).toMatchObject({ status: 'voided' });
    restore();
    expect(h.server.registrations.get(voided)?.status).toBe('accepted');
    expect(h.server.registrations.get(handed)?.card).toBeNull();

    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0 });
    expect(h.server.registrations.get(voided)?.status).toBe('voided');
    expect(h.server.registrations.get(handed)?.card?.receiver).toEqual({ kind: 'self' });
    expect(h.server.registrations.get(both)).toMatchObject({ status: 'voided', card: { handedAt: '2025-03-10T02:00:00.000Z' } });
    // Nothing refused shows on the phone (a card or void the server held already is no conflict).
    for (const id of [voided, handed, both, regs[3]!.id]) expect((await local(h.db, id)).rejection).toBeNull();
    await expectConverged(h);
  });

  it('a reload mid re-push (its answer lost) still ends with all 50 once', async () => {
    const h = await setup();
    const restore = await thirtyBackupTwenty(h);
    restore();
    // The re-push reaches the server but its answer is lost; then the tab is closed.
    h.server.fault('lose-response', 'push');
    const failed = await h.engine.syncNow();
    expect(failed.lastError?.code).toBe('offline');
    expect(failed.restoring).toBe(50);
    expect(await h.db.outbox.count()).toBe(50);

    const engine = reload(h);
    const seen: SyncState[] = [];
    engine.subscribe((state) => seen.push(state));
    const state = await engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0, restoring: null });
    expect(seen.some((s) => s.restoring === 50)).toBe(true);
    expectHeldOnce(h.server, 50);
    await expectConverged({ ...h, engine });
  });

  it('a restore found by a pull, before any batch is lost: nothing sent twice under one opId', async () => {
    const h = await setup();
    const restore = await thirtyBackupTwenty(h);
    restore();
    h.server.fault('down', 'push');
    expect((await h.engine.syncNow()).lastError?.code).toBe('offline');
    expect((await reload(h).syncNow()).lastError).toBeNull();
    expectHeldOnce(h.server, 50);
    // The server never met an opId again with another payload.
    expect([...h.server.decided.values()].filter((d) => d.result.status === 'rejected')).toHaveLength(0);
  });

  it('edits queued across the restore land, rebased on the restored server’s copy', async () => {
    const h = await setup();
    const [a, b] = await capture(h.db, 2);
    await h.engine.syncNow();
    const restore = h.server.snapshot();
    await saveEditedRegistration(h.db, { ...a!, address: 'Jl. Sesudah Cadangan' });
    await saveEditedRegistration(h.db, { ...b!, address: 'Jl. B Satu' });
    await h.engine.syncNow();
    expect(h.server.registrations.get(a!.id)?.version).toBe(2);
    restore();
    // Edited again offline: based on version 2, which the restored server never made.
    await saveEditedRegistration(h.db, { ...a!, address: 'Jl. Sesudah Cadangan', rt: '009' });
    await saveEditedRegistration(h.db, { ...b!, address: 'Jl. B Dua' });

    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ lastError: null, pendingCount: 0, rejectedCount: 0 });
    // The queued change lands. The address synced after the backup does not come back: the
    // restored server answers the re-pushed create with its own copy, changing nothing (R5).
    expect(h.server.registrations.get(a!.id)).toMatchObject({ rt: '009' });
    expect(h.server.registrations.get(b!.id)).toMatchObject({ address: 'Jl. B Dua' });
    await expectConverged(h);
  });

  it('another NIK under a held id is refused as id-conflict and shown on the record', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    const restore = h.server.snapshot();
    restore();
    // After the restore, someone else's record took that id (only a broken or hostile client could).
    h.server.registrations.set(reg!.id, { ...h.server.registrations.get(reg!.id)!, nik: '3214160101900099' });
    const state = await h.engine.syncNow();
    expect(state.rejectedCount).toBe(1);
    expect(await local(h.db, reg!.id)).toMatchObject({ status: 'rejected', rejection: { code: 'id-conflict' } });
  });
});
