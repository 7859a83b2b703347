// The contract's Revision 2, R1, R2 and R4 (../shared/spec/sync-protocol.md): who pushed is
// the token, an opId belongs to its token, KPJ numbers are unique and an import is never a NIK
// lookup outside one's scope. Each test failed on the server before Revision 2.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEnrolResponse, KpjImportResult, PullResponse, ServerRegistration } from '../../src/shared';
import { CLI_ACTOR } from '../../src/server/auth/actor';
import { createEnrolmentCode } from '../../src/server/store/auth';
import { auditTrail } from '../../src/server/store/audit';
import { BACKENDS, disposeLocation, newLocation, openAt, startServer, type TestServer } from './support/harness';
import {
  JATEN_BLITAR, SALEM, TANJUNGSARI, applied, auth, createOp, handoverOp, pullAll, push, registration, voidOp,
} from './support/wire';

/** Enrols a phone as a person would: a code minted for the scope, redeemed over HTTP. */
async function enrol(s: TestServer, role: 'operator' | 'coordinator', scope: string, deviceName = 'HP Desa'): Promise<DeviceEnrolResponse> {
  const { code } = await createEnrolmentCode(s.store, { role, scope, actor: CLI_ACTOR, now: s.clock.now() });
  const res = await s.app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code, deviceName } });
  expect(res.statusCode).toBe(201);
  return res.json<DeviceEnrolResponse>();
}

async function pullOwn(s: TestServer, phone: DeviceEnrolResponse, since = 0): Promise<PullResponse> {
  const res = await s.app.inject({
    method: 'GET', url: `/api/v1/sync/pull?since=${since}&device=${phone.deviceId}`, headers: auth(phone.token),
  });
  expect(res.statusCode).toBe(200);
  return res.json<PullResponse>();
}

async function putKpj(s: TestServer, token: string, id: string, kpjNumber: string) {
  return s.app.inject({ method: 'PUT', url: `/api/v1/registrations/${id}/kpj`, headers: auth(token), payload: { kpjNumber } });
}

async function importKpj(s: TestServer, token: string, rows: Array<{ nik: string; kpjNumber: string }>): Promise<KpjImportResult> {
  const res = await s.app.inject({ method: 'POST', url: '/api/v1/kpj/import', headers: auth(token), payload: { rows } });
  expect(res.statusCode).toBe(200);
  return res.json<KpjImportResult>();
}

describe.each(BACKENDS)('contract Revision 2 (%s)', (backend) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer(backend);
  });
  afterEach(() => s.close());

  describe('R1: who pushed is the token, not the body', () => {
    it("a coordinator pushing a void under an operator phone's device id does not hide it from that phone", async () => {
      const phone = await enrol(s, 'operator', TANJUNGSARI);
      const reg = registration();
      const [created] = (await push(s.app, phone.token, [createOp(reg)], phone.deviceId)).results;
      expect(applied(created).status).toBe('accepted');
      const coordinator = await s.token('coordinator', '32.14');
      const [voided] = (await push(s.app, coordinator, [voidOp(reg.id as string)], phone.deviceId)).results;
      expect(applied(voided).status).toBe('voided');
      // The phone asks to skip its own pushes: the void is not its own, so it comes back.
      const page = await pullOwn(s, phone);
      expect(page.changes.map((c) => [c.id, c.status])).toEqual([[reg.id, 'voided']]);
    });

    it("an enrolled phone is recorded as its token's device whatever deviceId its body names", async () => {
      const phone = await enrol(s, 'operator', TANJUNGSARI, 'HP Bu Sekdes');
      const reg = registration();
      await push(s.app, phone.token, [createOp(reg)], phone.deviceId);
      const spoofed = randomUUID();
      const [handed] = (await push(s.app, phone.token, [handoverOp(reg.id as string)], spoofed)).results;
      // Its own card: its own device id, never the one the body claimed.
      expect(applied(handed).card).toMatchObject({ deviceId: phone.deviceId, operator: 'HP Bu Sekdes' });
      const row = await s.store.db.selectFrom('ops').select(['device_id']).where('type', '=', 'card.handover').executeTakeFirstOrThrow();
      expect(row.device_id).toBe(phone.deviceId);
    });

    it("pulls carry no device id but the caller's own: a handover names the device by its name", async () => {
      const desk = await enrol(s, 'operator', TANJUNGSARI, 'HP Meja 1');
      const other = await enrol(s, 'operator', TANJUNGSARI, 'HP Meja 2');
      const reg = registration();
      await push(s.app, desk.token, [createOp(reg), handoverOp(reg.id as string)], desk.deviceId);
      const seen = (await pullAll(s.app, other.token)).changes[0] as ServerRegistration;
      expect(seen.card).toMatchObject({ operator: 'HP Meja 1', deviceId: null });
      const mine = (await pullAll(s.app, desk.token)).changes[0] as ServerRegistration;
      expect(mine.card?.deviceId).toBe(desk.deviceId);
      // The refusal of a second handover names the card, not the other phone's id.
      const [refused] = (await push(s.app, other.token, [handoverOp(reg.id as string)], other.deviceId)).results;
      expect(refused).toMatchObject({ status: 'rejected', code: 'already-handed-over', details: { operator: 'HP Meja 1', deviceId: null } });
      const coordinator = await s.token('coordinator', '32.14');
      const listed = await s.app.inject({ method: 'GET', url: `/api/v1/villages/${TANJUNGSARI}/registrations`, headers: auth(coordinator) });
      expect(JSON.stringify(listed.json())).not.toContain(desk.deviceId);
    });
  });

  describe('R2: an opId belongs to the token that used it', () => {
    it('the same opId from another token is a different op, never op-conflict', async () => {
      const attacker = await s.token('operator', JATEN_BLITAR);
      const victim = await s.token('operator', TANJUNGSARI);
      const opId = randomUUID();
      const [squat] = (await push(s.app, attacker, [createOp(registration({ villageCode: JATEN_BLITAR }), opId)])).results;
      expect(applied(squat).villageCode).toBe(JATEN_BLITAR);
      const reg = registration();
      const [mine] = (await push(s.app, victim, [createOp(reg, opId)])).results;
      expect(applied(mine).id).toBe(reg.id);
      // Each token's retry replays its own first result.
      const [again] = (await push(s.app, victim, [createOp(reg, opId)])).results;
      expect(again).toEqual(mine);
      const [theirs] = (await push(s.app, attacker, [createOp(registration({ villageCode: JATEN_BLITAR }), opId)])).results;
      expect(theirs).toMatchObject({ status: 'rejected', code: 'op-conflict' });
    });

    it('two tokens using one opId in the same group commit each get their own result', async () => {
      const a = await s.token('operator', TANJUNGSARI);
      const b = await s.token('operator', SALEM);
      const opId = randomUUID();
      const [ra, rb] = await Promise.all([
        push(s.app, a, [createOp(registration(), opId)]),
        push(s.app, b, [createOp(registration({ villageCode: SALEM }), opId)]),
      ]);
      expect(applied(ra.results[0]).villageCode).toBe(TANJUNGSARI);
      expect(applied(rb.results[0]).villageCode).toBe(SALEM);
      const rows = await s.store.db.selectFrom('ops').select('op_id').where('op_id', '=', opId).execute();
      expect(rows).toHaveLength(2);
    });
  });

  describe('R4: KPJ numbers are unique', () => {
    let coordinator: string;
    let regs: ServerRegistration[];
    beforeEach(async () => {
      coordinator = await s.token('coordinator', '32.14');
      const op = await s.token('operator', TANJUNGSARI);
      const blitar = await s.token('operator', JATEN_BLITAR);
      const [a, b] = (await push(s.app, op, [createOp(registration()), createOp(registration())])).results;
      const [c] = (await push(s.app, blitar, [createOp(registration({ villageCode: JATEN_BLITAR }))])).results;
      regs = [applied(a), applied(b), applied(c)];
    });

    it('PUT refuses a number another live registration holds: 409 kpj-taken, the village named only inside scope', async () => {
      expect((await putKpj(s, coordinator, regs[0]!.id, '12345678901')).statusCode).toBe(200);
      const taken = await putKpj(s, coordinator, regs[1]!.id, '123.4567-8901');
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ error: { code: 'kpj-taken', details: { villageCode: TANJUNGSARI } } });
      // Setting the holder's own number again is no change and no refusal.
      expect((await putKpj(s, coordinator, regs[0]!.id, '12345678901')).statusCode).toBe(200);

      // A Blitar coordinator refused by a Purwakarta holder learns nothing about it.
      const blitar = await s.token('coordinator', '35.05');
      const outside = await putKpj(s, blitar, regs[2]!.id, '12345678901');
      expect(outside.statusCode).toBe(409);
      expect(outside.json().error.details ?? {}).toEqual({});
    });

    it('a voided holder frees its number', async () => {
      expect((await putKpj(s, coordinator, regs[0]!.id, '12345678901')).statusCode).toBe(200);
      await push(s.app, coordinator, [voidOp(regs[0]!.id)]);
      expect((await putKpj(s, coordinator, regs[1]!.id, '12345678901')).statusCode).toBe(200);
    });

    it('an import row with a held number answers kpj-taken, also within one import', async () => {
      expect((await putKpj(s, coordinator, regs[0]!.id, '11111111111')).statusCode).toBe(200);
      const admin = await s.token('admin', '*');
      const report = await importKpj(s, admin, [
        { nik: regs[1]!.nik, kpjNumber: '11111111111' },
        { nik: regs[2]!.nik, kpjNumber: '22222222222' },
        { nik: regs[1]!.nik, kpjNumber: '22222222222' },
      ]);
      expect(report.matched.map((m) => m.registrationId)).toEqual([regs[2]!.id]);
      expect(report.unmatched).toEqual([
        { nik: regs[1]!.nik, reason: 'kpj-taken', villageCode: TANJUNGSARI },
        { nik: regs[1]!.nik, reason: 'kpj-taken', villageCode: JATEN_BLITAR },
      ]);
      const live = await s.store.db.selectFrom('registrations').select('kpj_number').where('kpj_number', 'is not', null).execute();
      expect(new Set(live.map((r) => r.kpj_number))).toEqual(new Set(['11111111111', '22222222222']));
      expect(live).toHaveLength(2);
    });

    it('an import row for a NIK outside the scope is not-found, exactly as one never registered', async () => {
      const report = await importKpj(s, coordinator, [
        { nik: regs[2]!.nik, kpjNumber: '33333333333' },
        { nik: '3214165705909999', kpjNumber: '44444444444' },
      ]);
      expect(report.unmatched).toEqual([
        { nik: regs[2]!.nik, reason: 'not-found' },
        { nik: '3214165705909999', reason: 'not-found' },
      ]);
    });

    it('the database refuses a second live holder even from code that skips the check', async () => {
      await s.store.db.updateTable('registrations').set({ kpj_number: '55555555555' }).where('id', '=', regs[0]!.id).execute();
      await expect(
        s.store.db.updateTable('registrations').set({ kpj_number: '55555555555' }).where('id', '=', regs[1]!.id).execute(),
      ).rejects.toThrow();
    });
  });
});

describe.each(BACKENDS)('R5: restore loses nothing a device still holds (%s)', (backend) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startServer(backend);
  });
  afterEach(() => s.close());

  it('every push and pull answer and the health check carry one generation, new after a restore', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    const pushed = await push(s.app, op, [createOp(registration())]);
    const generation = pushed.body.generation;
    expect(generation).toMatch(/^[0-9a-f-]{36}$/);
    const pulled = await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull?since=0', headers: auth(op) });
    expect(pulled.json().generation).toBe(generation);
    const health = await s.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toMatchObject({ ok: true, generation });
    // Made anew (as `cli restore` does); a server started on the restored database says so.
    const { newGeneration } = await import('../../src/server/store/generation');
    const next = await newGeneration(s.store);
    expect(next).not.toBe(generation);
    const { buildApp } = await import('../../src/server/app');
    const restarted = await buildApp({ store: s.store, now: s.clock.now });
    expect((await push(restarted, op, [createOp(registration())])).body.generation).toBe(next);
    await restarted.close();
  });

  it('a create whose id the server holds with the same NIK is applied with the current record, changing nothing', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    const reg = registration();
    await push(s.app, op, [createOp(reg)]);
    const [updated] = (await push(s.app, op, [{ opId: randomUUID(), type: 'registration.update', id: reg.id, baseVersion: 1, changes: { address: 'Jl. Baru' } }])).results;
    const current = applied(updated);
    // The phone pushes again what it holds (its older copy), under a fresh opId.
    const again = createOp(reg);
    const [answer] = (await push(s.app, op, [again])).results;
    expect(applied(answer)).toEqual(current);
    const rows = await s.store.db.selectFrom('registrations').select(['seq', 'version']).execute();
    expect(rows.map((r) => [Number(r.seq), Number(r.version)])).toEqual([[2, 2]]);
    // A retry of that op replays the same answer, exactly.
    expect((await push(s.app, op, [again])).results[0]).toEqual(answer);
  });

  it('with another NIK, or from outside the held record\'s village, it is id-conflict and reveals nothing', async () => {
    const op = await s.token('operator', TANJUNGSARI);
    const reg = registration();
    await push(s.app, op, [createOp(reg)]);
    const [other] = (await push(s.app, op, [createOp(registration({ id: reg.id }))])).results;
    expect(other).toMatchObject({ status: 'rejected', code: 'id-conflict' });
    expect(other).not.toHaveProperty('details');
    const salem = await s.token('operator', SALEM);
    const [outside] = (await push(s.app, salem, [createOp({ ...reg, villageCode: SALEM })])).results;
    expect(outside).toMatchObject({ status: 'rejected', code: 'id-conflict' });
    expect(JSON.stringify(outside)).not.toContain(reg.nik as string);
  });
});

/** A registrations row as migrations 1-4 left them. */
const oldRow = (id: string, seq: number, kpj: string | null, status = 'accepted') => ({
  id, village_code: TANJUNGSARI, nik: `32141657059${String(seq).padStart(5, '0')}`, status, version: 1, seq,
  created_seq: seq, received_at: '2025-03-01T00:00:00.000Z', updated_at: '2025-03-01T00:00:00.000Z',
  kpj_number: kpj, card: null, void_reason: null, device_id: null, operator: 't', data: '{}',
});

describe.each(BACKENDS)('migration 5 over old data (%s)', (backend) => {
  it('keeps old opIds answering their token, and clears shared KPJ numbers on all but the oldest, audited', async () => {
    const loc = await newLocation(backend);
    try {
      const old = await openAt(loc, false);
      // Migrations 1-4 only: the schema as it was before Revision 2.
      const { migrate } = await import('../../src/server/store/migrations');
      await migrate(old, 4);
      const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await old.db.insertInto('registrations').values([
        oldRow(ids[0]!, 1, '12345678901'), oldRow(ids[1]!, 2, '12345678901'), oldRow(ids[2]!, 3, '12345678901', 'voided'),
        oldRow(ids[3]!, 4, '99999999999'),
      ] as never).execute();
      await old.db.insertInto('ops').values({
        op_id: ids[0]!, payload_hash: 'h', result: '{}', type: 'registration.create', registration_id: ids[0]!,
        device_id: null, actor: 'token-1', received_at: '2025-03-01T00:00:00.000Z',
      }).execute();
      await old.close();

      const store = await openAt(loc);
      const rows = await store.db.selectFrom('registrations').select(['id', 'kpj_number', 'seq', 'version']).orderBy('created_seq').execute();
      expect(rows.map((r) => r.kpj_number)).toEqual(['12345678901', null, '12345678901', '99999999999']);
      // The loser's change is a change of its own: phones and the board learn it.
      expect(rows.map((r) => [Number(r.seq), Number(r.version)])[1]).toEqual([5, 2]);
      const trail = await auditTrail(store.db, 'kpj.cleared-duplicate');
      expect(trail.map((t) => JSON.parse(t.targets ?? '[]'))).toEqual([[ids[1]]]);
      expect(JSON.stringify(trail)).not.toContain('12345678901');
      const ops = await store.db.selectFrom('ops').select(['op_id', 'actor']).execute();
      expect(ops).toEqual([{ op_id: ids[0], actor: 'token-1' }]);
      await store.close();
    } finally {
      await disposeLocation(loc);
    }
  });
});
