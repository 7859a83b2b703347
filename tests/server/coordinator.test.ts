import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerRegistration } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  JATEN_BLITAR, SALEM, TANJUNGSARI, auth, createOp, pullAll, pushOk, registration, voidOp,
} from './support/wire';

type ErrorJson = { error: { code: string; details?: unknown } };

describe.each(BACKENDS)('coordinator reads and KPJ numbers (%s)', (backend) => {
  let s: TestServer;
  let admin: string;
  let coordinator: string;
  let regs: ServerRegistration[];
  beforeEach(async () => {
    s = await startServer(backend);
    admin = await s.token('admin', '*');
    coordinator = await s.token('coordinator', '32.14');
    await s.app.inject({ method: 'PUT', url: `/api/v1/villages/${TANJUNGSARI}/quota`, headers: auth(admin), payload: { quota: 2 } });
    regs = await pushOk(s.app, admin, [
      createOp(registration()), createOp(registration()), createOp(registration()), createOp(registration()),
      createOp(registration({ villageCode: JATEN_BLITAR })),
    ]);
    await pushOk(s.app, admin, [voidOp(regs[1]?.id as string)]);
  });
  afterEach(() => s.close());

  const putKpj = (token: string, id: string, kpjNumber: unknown) =>
    s.app.inject({ method: 'PUT', url: `/api/v1/registrations/${id}/kpj`, headers: auth(token), payload: { kpjNumber } });

  it('records a KPJ number on an accepted registration as a new change', async () => {
    const res = await putKpj(coordinator, regs[0]?.id as string, '123 4567 8901');
    expect(res.statusCode).toBe(200);
    const updated = res.json<ServerRegistration>();
    expect(updated).toMatchObject({ id: regs[0]?.id, kpjNumber: '12345678901', version: 2 });
    const pulled = await pullAll(s.app, coordinator, updated.seq - 1);
    expect(pulled.changes.map((r) => r.id)).toEqual([regs[0]?.id]);
    // The same number again changes nothing.
    const again = (await putKpj(coordinator, regs[0]?.id as string, '12345678901')).json<ServerRegistration>();
    expect(again.seq).toBe(updated.seq);
  });

  it('refuses KPJ numbers for voided, waitlisted, unknown and out-of-scope registrations', async () => {
    const voided = await putKpj(coordinator, regs[1]?.id as string, '12345678901');
    expect([voided.statusCode, voided.json<ErrorJson>().error.code]).toEqual([409, 'already-voided']);
    // regs[2] was promoted by the void; regs[3] still waits.
    const waitlisted = await putKpj(coordinator, regs[3]?.id as string, '12345678901');
    expect([waitlisted.statusCode, waitlisted.json<ErrorJson>().error.code]).toEqual([409, 'not-accepted']);
    expect((await putKpj(coordinator, '00000000-0000-4000-8000-000000000000', '12345678901')).statusCode).toBe(404);
    expect((await putKpj(coordinator, 'nope', '12345678901')).statusCode).toBe(404);
    expect((await putKpj(coordinator, regs[4]?.id as string, '12345678901')).statusCode).toBe(403);
    expect((await putKpj(await s.token('operator', TANJUNGSARI), regs[0]?.id as string, '12345678901')).statusCode).toBe(403);
    const bad = await putKpj(coordinator, regs[0]?.id as string, '12345');
    expect(bad.json<ErrorJson>().error).toEqual({ code: 'invalid-request', message: expect.any(String), details: { fields: { kpjNumber: 'kpj-format' } } });
  });

  it('imports a BPJS list by NIK, answering every row', async () => {
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/kpj/import', headers: auth(coordinator),
      payload: {
        rows: [
          { nik: regs[0]?.nik, kpjNumber: '11111111111' },
          { nik: `'${regs[2]?.nik}`.replace("'", ''), kpjNumber: '2222-2222-222' },
          { nik: regs[1]?.nik, kpjNumber: '33333333333' },
          { nik: regs[3]?.nik, kpjNumber: '44444444444' },
          { nik: regs[4]?.nik, kpjNumber: '55555555555' },
          { nik: '3214165705909999', kpjNumber: '66666666666' },
          { nik: '12', kpjNumber: '77777777777' },
          { nik: regs[0]?.nik, kpjNumber: '888' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      matched: [
        { nik: regs[0]?.nik, registrationId: regs[0]?.id, villageCode: TANJUNGSARI },
        { nik: regs[2]?.nik, registrationId: regs[2]?.id, villageCode: TANJUNGSARI },
      ],
      // Revision 2, R4: no live registration inside the caller's scope is `not-found`, whether
      // voided (regs[1]), outside the scope (regs[4]) or never registered.
      unmatched: [
        { nik: regs[1]?.nik, reason: 'not-found' },
        { nik: regs[3]?.nik, reason: 'not-accepted' },
        { nik: regs[4]?.nik, reason: 'not-found' },
        { nik: '3214165705909999', reason: 'not-found' },
      ],
      invalid: [
        { nik: '12', reason: 'nik-format' },
        { nik: regs[0]?.nik, reason: 'kpj-format' },
      ],
    });
    const village = await s.app.inject({ method: 'GET', url: `/api/v1/villages/${TANJUNGSARI}/registrations`, headers: auth(coordinator) });
    const kpjs = village.json<{ registrations: ServerRegistration[] }>().registrations.map((r) => r.kpjNumber);
    expect(kpjs).toEqual(['11111111111', null, '22222222222', null]);
  });

  it('lists a village registrations in arrival order inside the caller scope, audited', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/v1/villages/${TANJUNGSARI}/registrations`, headers: auth(coordinator) });
    expect(res.statusCode).toBe(200);
    const list = res.json<{ registrations: ServerRegistration[] }>().registrations;
    expect(list.map((r) => [r.id, r.status])).toEqual([
      [regs[0]?.id, 'accepted'], [regs[1]?.id, 'voided'], [regs[2]?.id, 'accepted'], [regs[3]?.id, 'waitlisted'],
    ]);
    expect((await s.app.inject({ method: 'GET', url: `/api/v1/villages/${JATEN_BLITAR}/registrations`, headers: auth(coordinator) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/villages/32.14.16.2999/registrations', headers: auth(coordinator) })).statusCode).toBe(404);
    const audits = await s.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'village.registrations.read').execute();
    expect(audits.map((a) => a.targets)).toEqual([JSON.stringify([TANJUNGSARI])]);
  });

  it('narrows a pull to ?scope= inside the caller scope', async () => {
    await pushOk(s.app, admin, [createOp(registration({ villageCode: SALEM }))]);
    const one = await s.app.inject({ method: 'GET', url: `/api/v1/sync/pull?since=0&scope=${SALEM}`, headers: auth(coordinator) });
    expect(one.json<{ changes: ServerRegistration[] }>().changes.map((r) => r.villageCode)).toEqual([SALEM]);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull?scope=35', headers: auth(coordinator) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/sync/pull?scope=x', headers: auth(coordinator) })).statusCode).toBe(400);
  });
});
