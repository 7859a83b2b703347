import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import type { Desa100Db } from '../../../src/client/db/schema';
import { readEventEntries, recordHandover } from '../../../src/client/db/distribution-store';
import { createSyncStore } from '../../../src/client/db/sync-store';
import { deskState } from '../../../src/client/features/distribution/desk-model';
import { enrolDevice } from '../../../src/client/features/device/enrol-device';
import { createSyncEngine, type SyncEngine } from '../../../src/client/sync/engine';
import { nativeGzip } from '../../../src/client/sync/gzip';
import type { FetchLike } from '../../../src/client/sync/types';
import { startServer, type TestServer } from '../../server/support/harness';
import { freshDb } from '../db/helpers';
import { capture, local, makeRegistration, ManualTimers, VILLAGE } from './harness';

// Two phones against the project's real sync server (embedded database, real HTTP on a free
// port): enrolment by code, quota and waitlist, another phone's records by pull, a NIK held by
// another phone refused, a lost answer replayed. The contract seen from the client's side.

let server: TestServer;
let origin: string;
let base: string;
let coordinator: string;

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method, headers: { Authorization: `Bearer ${coordinator}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Phone { db: Desa100Db; engine: SyncEngine }

async function enrolPhone(name: string, fetchFn: FetchLike = fetch): Promise<Phone> {
  const minted = await call('POST', '/api/v1/enrolment-codes', { role: 'operator', scope: VILLAGE });
  expect(minted.status).toBe(201);
  const { code } = (await minted.json()) as { code: string };
  const db = freshDb();
  // Typed the way people type: lower case, in groups.
  const typed = code.toLowerCase().replace(/(.{4})/g, '$1 ');
  const outcome = await enrolDevice({ db, fetch: (input, init) => fetch(`${origin}${input}`, init) }, { code: typed, deviceName: name });
  expect(outcome.ok).toBe(true);
  const timers = new ManualTimers();
  const engine = createSyncEngine({
    store: createSyncStore(db), fetch: fetchFn, apiBase: base, timers, now: () => timers.now, gzip: nativeGzip(),
  });
  return { db, engine };
}

beforeAll(async () => {
  server = await startServer('sqlite');
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  base = `${origin}/api/v1`;
  coordinator = await server.token('coordinator', '32.14');
  expect((await call('PUT', `/api/v1/villages/${VILLAGE}/quota`, { quota: 2 })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('sync engine against the real server', () => {
  it('two phones: quota decided by arrival, records shared by pull, a duplicate NIK refused', { timeout: 60_000 }, async () => {
    const a = await enrolPhone('HP A');
    const b = await enrolPhone('HP B');
    expect(await getMeta(a.db, 'villageCode')).toBe(VILLAGE);

    const [first, second, third] = await capture(a.db, 3);
    const stateA = await a.engine.syncNow();
    expect(stateA.lastError).toBeNull();
    expect((await local(a.db, first!.id)).status).toBe('accepted');
    expect((await local(a.db, second!.id)).status).toBe('accepted');
    expect((await local(a.db, third!.id)).status).toBe('waitlisted');
    expect(await a.db.quotas.get(VILLAGE)).toMatchObject({ quota: 2, accepted: 2, waitlisted: 1 });
    expect(await a.db.outbox.count()).toBe(0);

    // Phone B holds the same NIK as phone A's first worker: refused, the rest of B's work lands.
    await capture(b.db, 1, { nik: first!.nik });
    const [own] = await capture(b.db, 1);
    const stateB = await b.engine.syncNow();
    expect(stateB).toMatchObject({ lastError: null, rejectedCount: 1, pendingCount: 0 });
    expect((await local(b.db, own!.id)).status).toBe('waitlisted');
    const refused = (await b.db.registrations.toArray()).find((r) => r.status === 'rejected');
    expect(refused?.rejection).toMatchObject({ code: 'duplicate-nik', details: { villageCode: VILLAGE } });
    // B learnt A's three by pull; A learns B's one.
    expect((await local(b.db, first!.id))).toMatchObject({ origin: 'pulled', status: 'accepted' });
    await a.engine.syncNow();
    expect((await local(a.db, own!.id))).toMatchObject({ origin: 'pulled', status: 'waitlisted' });
    expect(await a.db.quotas.get(VILLAGE)).toMatchObject({ accepted: 2, waitlisted: 2 });
  });

  it('a lost answer: the same opIds go again and the server replays its first answers', { timeout: 60_000 }, async () => {
    let drop = true;
    const losing: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (drop && input.endsWith('/sync/push')) {
        drop = false;
        await response.arrayBuffer(); // the server committed and answered; the line dropped it
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const phone = await enrolPhone('HP C', losing);
    const regs = await capture(phone.db, 2);
    const failed = await phone.engine.syncNow();
    expect(failed.lastError?.code).toBe('offline');
    expect((await local(phone.db, regs[0]!.id)).status).toBe('sent');
    const ok = await phone.engine.syncNow();
    expect(ok.lastError).toBeNull();
    expect(await phone.db.outbox.count()).toBe(0);
    for (const reg of regs) expect((await local(phone.db, reg.id)).server?.version).toBe(1);

    // Exactly once on the server: a fresh phone pulls each id once, at version 1.
    const viewer = await enrolPhone('HP D');
    await viewer.engine.syncNow();
    for (const reg of regs) expect((await local(viewer.db, reg.id)).server?.version).toBe(1);
    expect(await viewer.db.registrations.where('nik').equals(regs[0]!.nik).count()).toBe(1);
  });

  it('two phones hand over the same card offline: the second is a card conflict, the worker stays accepted', { timeout: 60_000 }, async () => {
    expect((await call('PUT', `/api/v1/villages/${VILLAGE}/quota`, { quota: 50 })).status).toBe(200);
    const a = await enrolPhone('HP F');
    const b = await enrolPhone('HP G');
    const [worker] = await capture(a.db, 1, { nik: makeRegistration().nik });
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect((await local(b.db, worker!.id)).status).toBe('accepted');
    for (const phone of [a, b]) {
      expect(await recordHandover(phone.db, { registrationId: worker!.id, receiver: { kind: 'self' }, eventId: null })).toMatchObject({ ok: true });
    }
    await a.engine.syncNow();
    const stateB = await b.engine.syncNow();
    expect(stateB).toMatchObject({ lastError: null, rejectedCount: 0, pendingCount: 0 });
    const row = await local(b.db, worker!.id);
    expect(row.status).toBe('accepted');
    expect(row.rejection?.code).toBe('already-handed-over');
    const entry = (await readEventEntries(b.db, [VILLAGE])).find((e) => e.registration.id === worker!.id);
    expect(deskState(entry!)).toMatchObject({ kind: 'conflict', other: { receiver: { kind: 'self' }, handedAt: expect.any(String), operator: expect.any(String) } });
  });

  it('reports the offset of a phone clock that is far off', { timeout: 60_000 }, async () => {
    const phone = await enrolPhone('HP E');
    await capture(phone.db, 1, { nik: makeRegistration().nik });
    const state = await phone.engine.syncNow();
    // The server's test clock stands at 02:00 and the phone's at 03:00 the same day.
    expect(Math.round((state.clockOffsetMs ?? 0) / 60_000)).toBe(-60);
    expect(state.clockFarOff).toBe(true);
  });
});
