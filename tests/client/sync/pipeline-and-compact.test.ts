import { describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { countByStatus, getRegistration, getRegistrations, searchRegistrationIds } from '../../../src/client/db/registration-queries';
import { saveEditedRegistration } from '../../../src/client/db/registrations';
import { createSyncStore } from '../../../src/client/db/sync-store';
import { createSyncEngine } from '../../../src/client/sync/engine';
import { nativeGzip } from '../../../src/client/sync/gzip';
import type { VoidOp } from '../../../src/shared/protocol';
import { capture, expectConverged, local, makeRegistration, setup } from './harness';

// What a push costs the phone: one meta row per batch in flight instead of rewriting every op
// and record, compact answers rebuilt from the ops, pulls without the phone's own pushes, and
// the next batch leaving while the last answer is stored. Every state stays truthful.

describe('sync engine: compact answers and pulls without its own pushes', () => {
  it('asks for positional compact results, rebuilds the server copy exactly, and pulls only what others changed', async () => {
    const h = await setup();
    const regs = await capture(h.db, 30);
    const other = h.server.createDirect(makeRegistration());
    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(h.server.resultModes).toEqual(['positional']);
    const deviceId = await getMeta(h.db, 'deviceId');
    expect(h.server.pullDevices).toEqual([deviceId]);
    for (const reg of regs) expect((await local(h.db, reg.id)).server).toEqual(h.server.registrations.get(reg.id));
    // The pull brought the other phone's record only; the cursor passed over this phone's own.
    expect((await local(h.db, other.id)).origin).toBe('pulled');
    expect(await getMeta(h.db, 'cursor')).toBe(31);
    await expectConverged(h);
  });

  it('an edit goes as an update answered compactly; a void batch asks for full answers', async () => {
    const h = await setup();
    const [reg] = await capture(h.db, 1);
    await h.engine.syncNow();
    await saveEditedRegistration(h.db, { ...reg!, address: 'Jl. Sudah Diubah', rt: '009' });
    await h.engine.syncNow();
    expect((await local(h.db, reg!.id)).server).toEqual(h.server.registrations.get(reg!.id));
    expect((await local(h.db, reg!.id)).server).toMatchObject({ version: 2, address: 'Jl. Sudah Diubah' });

    const voidOp: VoidOp = { opId: crypto.randomUUID(), type: 'registration.void', id: reg!.id, reason: 'Pindah' };
    await h.db.outbox.add({ opId: voidOp.opId, registrationId: reg!.id, op: voidOp, state: 'queued', createdAt: '', attempts: 0, lastAttemptAt: null });
    await h.engine.syncNow();
    expect(h.server.resultModes).toEqual(['positional', 'positional', null]);
    expect(await local(h.db, reg!.id)).toMatchObject({ status: 'voided', server: { version: 3, voidReason: 'Pindah' } });
    await expectConverged(h);
  });
});

describe('sync engine: positional answers (contract addition)', () => {
  it('matches results to ops by position, refusals by their opId, and reads a full answer the same', async () => {
    const h = await setup();
    const first = await capture(h.db, 3);
    // The same NIK twice: the second is refused in the middle of a positional answer.
    const [dup] = await capture(h.db, 1, { nik: first[1]!.nik });
    const later = await capture(h.db, 2);
    expect((await h.engine.syncNow()).lastError).toBeNull();
    expect(h.server.resultModes).toEqual(['positional']);
    for (const reg of [...first, ...later]) expect((await local(h.db, reg.id)).server).toEqual(h.server.registrations.get(reg.id));
    expect(await local(h.db, dup!.id)).toMatchObject({ status: 'rejected', rejection: { code: 'duplicate-nik' } });

    // A server without the addition answers in full, with opIds: the same outcome.
    h.server.ignoreResultModes = true;
    const more = await capture(h.db, 2);
    expect((await h.engine.syncNow()).lastError).toBeNull();
    for (const reg of more) expect((await local(h.db, reg.id)).server).toEqual(h.server.registrations.get(reg.id));
  });

  it('an answer that does not match the ops is a bad response: nothing applied, everything sent again', async () => {
    const h = await setup();
    const regs = await capture(h.db, 3);
    h.server.mangleNextResults = (results) => results.slice(1);
    const failed = await h.engine.syncNow();
    expect(failed.lastError?.code).toBe('bad-response');
    // It may have landed: the records read as sent, their ops stay queued with the same opIds.
    expect((await h.db.outbox.toArray()).map((r) => [r.state, r.attempts])).toEqual([['queued', 1], ['queued', 1], ['queued', 1]]);
    expect((await local(h.db, regs[0]!.id)).status).toBe('sent');
    expect((await h.engine.syncNow()).lastError).toBeNull();
    await expectConverged(h);
  });
});

describe('sync engine: a push on its way', () => {
  it('sends the first batch before counting the queue; a count that fails only shortens the progress bar', async () => {
    const h = await setup();
    await capture(h.db, 3);
    const store = createSyncStore(h.db);
    let pushed!: () => void;
    const firstPush = new Promise<void>((resolve) => (pushed = resolve));
    const fetch: typeof h.server.fetch = (url, init) => {
      if (url.includes('/sync/push')) pushed();
      return h.server.fetch(url, init);
    };
    // A count that answers only once a batch has left: a push that waited for it would hang.
    const engine = createSyncEngine({
      store: { ...store, counts: async () => {
        await firstPush;
        throw new Error('counting failed');
      } },
      fetch, now: () => h.timers.now, timers: h.timers, random: () => 0.5, gzip: nativeGzip(),
    });
    const totals: number[] = [];
    const off = engine.subscribe((state) => {
      if (state.progress) totals.push(state.progress.total);
    });
    await engine.syncNow();
    off();
    expect(h.server.registrations.size).toBe(3);
    expect(totals).toEqual([3, 3]);
  });

  it('shows its records as `sent` and freezes their payloads without rewriting a row', async () => {
    const h = await setup({ requestTimeoutMs: 30_000 });
    const [a, b] = await capture(h.db, 2);
    h.server.fault('hang', 'push');
    const running = h.engine.syncNow();
    await vi.waitFor(() => expect(h.server.hanging).toBe(1));

    // Stored as they were; read as the operator must see them.
    expect((await local(h.db, a!.id)).status).toBe('pending');
    expect((await h.db.outbox.toArray()).map((r) => r.attempts)).toEqual([0, 0]);
    expect((await getRegistration(h.db, a!.id))?.status).toBe('sent');
    expect((await getRegistrations(h.db, [a!.id, b!.id])).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(await countByStatus(h.db)).toMatchObject({ pending: 0, sent: 2 });
    expect(new Set((await searchRegistrationIds(h.db, '', 'sent')).ids)).toEqual(new Set([a!.id, b!.id]));
    expect((await searchRegistrationIds(h.db, '', 'pending')).ids).toEqual([]);
    // The server may hold this payload already: an edit is a new update, never a rewrite.
    const edit = await saveEditedRegistration(h.db, { ...a!, address: 'Jl. Ubah Saat Kirim' });
    expect(edit.outcome).toBe('updated');

    h.timers.advance(30_000);
    expect((await running).lastError?.code).toBe('timeout');
    // No answer: it may have landed. Now the rows say so.
    expect((await local(h.db, b!.id)).status).toBe('sent');
    expect(await getMeta(h.db, 'inFlight')).toEqual([]);
    const ops = await h.db.outbox.toArray();
    expect(ops.map((r) => [r.op.type, r.attempts])).toEqual([['registration.create', 1], ['registration.create', 1], ['registration.update', 0]]);

    await h.engine.syncNow();
    expect(h.server.registrations.get(a!.id)).toMatchObject({ version: 2, address: 'Jl. Ubah Saat Kirim' });
    await expectConverged(h);
  });

  it('a tab closed mid-push: the batch it left in flight is settled as an unknown delivery, then replayed', async () => {
    const h = await setup();
    const regs = await capture(h.db, 3);
    const store = createSyncStore(h.db);
    const taken = await store.takeBatch(500, new Date(h.timers.now).toISOString());
    expect(taken).toHaveLength(3);
    // The request reached the server; the tab died before the answer was stored.
    await h.server.fetch('/api/v1/sync/push', {
      method: 'POST', headers: { Authorization: `Bearer ${h.token}` },
      body: JSON.stringify({ deviceId: await getMeta(h.db, 'deviceId'), ops: taken.map((r) => r.op) }),
    });
    expect((await getRegistration(h.db, regs[0]!.id))?.status).toBe('sent');
    expect((await saveEditedRegistration(h.db, { ...regs[1]!, address: 'Jl. Sesudah' })).outcome).toBe('updated');

    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(h.server.decided.size).toBe(4); // three replayed, one update
    expect(h.server.registrations.get(regs[1]!.id)).toMatchObject({ version: 2, address: 'Jl. Sesudah' });
    await expectConverged(h);
  });

  it("a refusal left inside a later batch's seq range stays when that batch is answered", async () => {
    const h = await setup();
    const regs = await capture(h.db, 3);
    const store = createSyncStore(h.db);
    const at = new Date(h.timers.now).toISOString();
    const taken = await store.takeBatch(500, at);
    // A broken answer: only the middle op, refused. The other two stay queued (sent, unknown).
    const refusal = { opId: taken[1]!.opId, status: 'rejected' as const, code: 'duplicate-nik' as const, message: 'x' };
    expect(await store.applyPushResults(taken, [refusal], at)).toBe(2);
    const again = await store.takeBatch(500, at);
    expect(again.map((r) => r.seq)).toEqual([taken[0]!.seq, taken[2]!.seq]);
    const applied = (i: number, seq: number) => ({
      opId: again[i]!.opId, status: 'applied' as const,
      registration: { id: again[i]!.registrationId, status: 'accepted' as const, version: 1, seq, receivedAt: at, updatedAt: at, kpjNumber: null, card: null },
    });
    expect(await store.applyPushResults(again, [applied(0, 1), applied(1, 2)], at)).toBe(0);
    expect((await h.db.outbox.toArray()).map((r) => [r.seq, r.state])).toEqual([[taken[1]!.seq, 'rejected']]);
    expect((await local(h.db, regs[1]!.id)).status).toBe('rejected');
    expect((await local(h.db, regs[0]!.id))).toMatchObject({ status: 'accepted', server: { ...regs[0], seq: 1, voidReason: null } });
    expect(await getMeta(h.db, 'inFlight')).toEqual([]);
  });

  it('pipelines: the next batch leaves only after the answer before it, one request at a time, in order', { timeout: 60_000 }, async () => {
    const h = await setup();
    h.server.defaultQuota = 2000;
    const regs = await capture(h.db, 1200);
    const state = await h.engine.syncNow();
    expect(state.lastError).toBeNull();
    expect(h.server.maxInFlight).toBe(1);
    expect(h.server.log.filter((l) => l.route === 'push').map((l) => l.ops)).toEqual([500, 500, 200]);
    // Arrival order is capture order: seq follows the outbox.
    expect(regs.map((r) => h.server.registrations.get(r.id)?.seq)).toEqual(regs.map((_, i) => i + 1));
    expect(state.pendingCount).toBe(0);
    expect(await getMeta(h.db, 'inFlight')).toEqual([]);
    await expectConverged(h);
  });
});
