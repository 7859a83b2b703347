import { describe, expect, it } from 'vitest';
import { answered, foldAllAnswers } from '../../../src/client/db/answers';
import { countUnsynced } from '../../../src/client/db/app-state';
import { readEventEntries } from '../../../src/client/db/distribution-store';
import {
  countByStatus, countPendingInVillage, findLiveByNik, getRegistration, getRegistrations, searchRegistrationIds,
} from '../../../src/client/db/registration-queries';
import { saveEditedRegistration } from '../../../src/client/db/registrations';
import { createSyncStore } from '../../../src/client/db/sync-store';
import { createSyncEngine, type SyncEngine } from '../../../src/client/sync/engine';
import type { Desa100Db, LocalStatus } from '../../../src/client/db/schema';
import { capture, expectConverged, setup, type Harness } from '../sync/harness';
import { VILLAGE } from './helpers';

// Push answers stored as one row per batch and folded into the records later (answers.ts):
// every screen must read the same before and after the fold.

/** A second engine over the harness's phone that never folds on its own: answers stay stored. */
function withoutFold(h: Harness): SyncEngine {
  return createSyncEngine({
    store: { ...createSyncStore(h.db), foldAnswers: undefined }, fetch: h.server.fetch, now: () => h.timers.now,
    timers: h.timers, random: () => 0.5,
  });
}

// oxlint-disable-next-line unicorn/no-array-sort -- sorts a copy (toSorted is ES2023, past this lib)
const sorted = (values: readonly string[]) => [...values].sort();

/** Everything the screens read about the phone's records, in one object to compare. */
async function screens(db: Desa100Db, ids: string[]) {
  const filters: LocalStatus[] = ['pending', 'sent', 'accepted', 'waitlisted', 'rejected'];
  const byFilter: Record<string, string[]> = {};
  for (const f of filters) byFilter[f] = sorted((await searchRegistrationIds(db, '', f)).ids);
  const rows = await getRegistrations(db, ids);
  return {
    rows: rows.map((r) => ({ id: r.id, status: r.status, server: r.server, rejection: r.rejection, data: r.data })),
    counts: await countByStatus(db),
    pendingHere: await countPendingInVillage(db, VILLAGE),
    unsynced: await countUnsynced(db),
    byFilter,
    event: sorted((await readEventEntries(db, [VILLAGE])).map((e) => `${e.registration.id} ${e.registration.status}`)),
  };
}

describe('stored push answers', () => {
  it('every screen reads a pushed batch the same before and after its answers are folded into the rows', async () => {
    const h = await setup();
    const engine = withoutFold(h);
    h.server.quotas.set(VILLAGE, 3);
    const regs = await capture(h.db, 5);
    expect((await engine.syncNow()).lastError).toBeNull();

    // Stored as they were, with one answers row: no registration row was rewritten.
    expect((await h.db.registrations.toArray()).map((r) => r.status)).toEqual(Array(5).fill('pending'));
    expect(await h.db.answers.count()).toBe(1);
    const ids = regs.map((r) => r.id);
    const before = await screens(h.db, ids);
    expect(before.counts).toMatchObject({ pending: 0, sent: 0, accepted: 3, waitlisted: 2 });
    expect(before.pendingHere).toBe(0);
    expect(before.unsynced).toBe(0);
    expect(before.byFilter.accepted).toHaveLength(3);
    expect(before.byFilter.pending).toEqual([]);
    for (const reg of regs) expect((await getRegistration(h.db, reg.id))?.server).toEqual(h.server.registrations.get(reg.id));
    expect((await findLiveByNik(h.db, regs[0]!.nik))?.status).toBe('accepted');

    expect(await foldAllAnswers(h.db)).toBe(5);
    expect(await h.db.answers.count()).toBe(0);
    expect(await screens(h.db, ids)).toEqual(before);
    expect(await foldAllAnswers(h.db)).toBe(0);
    await expectConverged(h);
  });

  it('an edit of an answered record folds its answer first: the update is based on the server version', async () => {
    const h = await setup();
    const engine = withoutFold(h);
    const [a, b] = await capture(h.db, 2);
    await engine.syncNow();
    expect(await h.db.answers.count()).toBe(1);
    const { outcome } = await saveEditedRegistration(h.db, { ...a!, address: 'Jl. Baru' });
    expect(outcome).toBe('updated');
    // a's answer is in its row now; b's is still stored.
    expect(await h.db.registrations.get(a!.id)).toMatchObject({ status: 'accepted', server: { version: 1 }, data: { address: 'Jl. Baru' } });
    expect((await h.db.answers.toArray()).flatMap((r) => r.entries.map((e) => e.id))).toEqual([b!.id]);
    expect((await h.db.outbox.toArray()).map((r) => r.op)).toMatchObject([{ type: 'registration.update', baseVersion: 1 }]);
    await engine.syncNow();
    expect(h.server.registrations.get(a!.id)).toMatchObject({ version: 2, address: 'Jl. Baru' });
    await expectConverged(h);
  });

  it('a record edited while its create is on its way keeps the sent record as the server copy', async () => {
    const h = await setup();
    const store = createSyncStore(h.db);
    const [a, b] = await capture(h.db, 2);
    const at = new Date(h.timers.now).toISOString();
    const taken = await store.takeBatch(500, at);
    await saveEditedRegistration(h.db, { ...a!, address: 'Jl. Saat Dikirim' });
    const applied = (i: number, seq: number) => ({
      opId: taken[i]!.opId, status: 'applied' as const,
      registration: { id: taken[i]!.registrationId, status: 'accepted' as const, version: 1, seq, receivedAt: at, updatedAt: at, kpjNumber: null, card: null },
    });
    expect(await store.applyPushResults(taken, [applied(0, 1), applied(1, 2)], at)).toBe(0);
    // b took the one-row way; a, edited meanwhile, was written the full way.
    expect((await h.db.answers.toArray()).flatMap((r) => r.entries.map((e) => e.id))).toEqual([b!.id]);
    const row = await h.db.registrations.get(a!.id);
    expect(row).toMatchObject({ status: 'accepted', data: { address: 'Jl. Saat Dikirim' }, server: { address: a!.address, version: 1 } });
    expect((await h.db.outbox.toArray()).map((r) => r.op.type)).toEqual(['registration.update']);
  });

  it('a refusal in the batch takes the full way, the applied ops the one-row way; a later pull folds first', async () => {
    const h = await setup();
    const engine = withoutFold(h);
    h.server.quotas.set(VILLAGE, 1);
    const [a, b] = await capture(h.db, 2);
    const [dup] = await capture(h.db, 1, { nik: a!.nik });
    await engine.syncNow();
    expect(await h.db.registrations.get(dup!.id)).toMatchObject({ status: 'rejected', rejection: { code: 'duplicate-nik' } });
    expect((await h.db.answers.toArray()).flatMap((r) => r.entries.map((e) => [e.id, e.status]))).toEqual([[a!.id, 'accepted'], [b!.id, 'waitlisted']]);
    expect(await countByStatus(h.db)).toMatchObject({ accepted: 1, waitlisted: 1, rejected: 1, pending: 0 });

    // The quota is raised on the server: b is promoted, and the pull brings it over its stored answer.
    h.server.setQuota(VILLAGE, 2);
    await engine.syncNow();
    expect(await h.db.registrations.get(b!.id)).toMatchObject({ status: 'accepted', server: { version: 2 } });
    expect((await getRegistration(h.db, b!.id))?.status).toBe('accepted');
    expect(await countByStatus(h.db)).toMatchObject({ accepted: 2, waitlisted: 0, rejected: 1 });
  });

  it('folding skips a record deleted meanwhile and never puts an older answer over a newer server copy', async () => {
    const h = await setup();
    const engine = withoutFold(h);
    const [a, b] = await capture(h.db, 2);
    await engine.syncNow();
    const [entryA] = (await h.db.answers.toArray())[0]!.entries;
    await h.db.registrations.delete(b!.id);
    const newer = { ...h.server.registrations.get(a!.id)!, version: 5, seq: 99, status: 'waitlisted' as const };
    expect(answered({ ...(await h.db.registrations.get(a!.id))!, server: newer, status: 'waitlisted' }, entryA!))
      .toMatchObject({ status: 'waitlisted', server: { seq: 99 } });
    expect(await foldAllAnswers(h.db)).toBe(1);
    expect(await h.db.answers.count()).toBe(0);
    expect(await h.db.registrations.get(b!.id)).toBeUndefined();
    expect(await h.db.registrations.get(a!.id)).toMatchObject({ status: 'accepted', server: { seq: entryA!.seq } });
  });

  it('a push lost behind an answered one folds the stored answer before marking its records sent', async () => {
    const h = await setup();
    const store = createSyncStore(h.db);
    const [reg] = await capture(h.db, 1);
    const voidOp = { opId: crypto.randomUUID(), type: 'registration.void' as const, id: reg!.id, reason: 'Pindah' };
    await h.db.outbox.add({ opId: voidOp.opId, registrationId: reg!.id, op: voidOp, state: 'queued', createdAt: '', attempts: 0, lastAttemptAt: null });
    const at = new Date(h.timers.now).toISOString();
    const create = await store.takeBatch(1, at);
    const voiding = await store.takeBatch(1, at, create[0]!.seq);
    expect(voiding.map((r) => r.op.type)).toEqual(['registration.void']);
    const answer = { opId: create[0]!.opId, status: 'applied' as const, registration: { id: reg!.id, status: 'accepted' as const, version: 1, seq: 1, receivedAt: at, updatedAt: at, kpjNumber: null, card: null } };
    await store.applyPushResults(create, [answer], at);
    expect(await h.db.answers.count()).toBe(1);
    // The void's answer is lost: its record may be voided on the server, or not.
    await store.releaseBatch(voiding, 'unknown');
    expect(await h.db.answers.count()).toBe(0);
    expect(await h.db.registrations.get(reg!.id)).toMatchObject({ status: 'accepted', server: { version: 1 } });
    expect(await countByStatus(h.db)).toMatchObject({ pending: 0, sent: 0, accepted: 1 });
    expect((await h.db.outbox.toArray()).map((r) => [r.op.type, r.attempts])).toEqual([['registration.void', 1]]);
  });
});
