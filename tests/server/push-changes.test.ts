import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerRegistration } from '../../src/shared';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  SALEM, TANJUNGSARI, applied, createOp, handoverOp, push, pushOk, registration, rejection, updateOp, voidOp,
} from './support/wire';

describe.each(BACKENDS)('registration.update, registration.void, card.handover (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  let reg: ServerRegistration;
  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
    [reg] = (await pushOk(s.app, op, [createOp(registration())])) as [ServerRegistration];
  });
  afterEach(() => s.close());

  it('applies an update: merged, normalised, new version and seq, same waitlist place', async () => {
    s.clock.advance(1000);
    const [u] = await pushOk(s.app, op, [updateOp(reg.id, 1, { fullName: 'siti aminah binti ali', rt: 7, phone: null })]);
    expect(u).toMatchObject({ id: reg.id, fullName: 'SITI AMINAH BINTI ALI', rt: '007', version: 2, seq: reg.seq + 1 });
    expect(u?.nik).toBe(reg.nik);
    expect(u?.receivedAt).toBe(reg.receivedAt);
    expect(u?.updatedAt).not.toBe(reg.updatedAt);
  });

  it('answers version-conflict with the current registration as details', async () => {
    await pushOk(s.app, op, [updateOp(reg.id, 1, { address: 'A' })]);
    const { results } = await push(s.app, op, [updateOp(reg.id, 1, { address: 'B' })]);
    const r = rejection(results[0]);
    expect(r.code).toBe('version-conflict');
    expect(r.details).toMatchObject({ id: reg.id, version: 2, address: 'A', status: 'accepted' });
  });

  it('re-validates the whole record and refuses unchangeable or unknown fields', async () => {
    const { results } = await push(s.app, op, [
      updateOp(reg.id, 1, { coverageEnd: '2025-01' }),
      updateOp(reg.id, 1, { villageCode: SALEM }),
      updateOp(reg.id, 1, { capturedAt: '2025-03-02T00:00:00Z', hobby: 'x' }),
      updateOp(reg.id, 1, { occupation: 'lainnya' }),
    ]);
    expect(rejection(results[0]).details).toEqual({ fields: { coverageEnd: 'coverage-order' } });
    expect(rejection(results[1]).details).toEqual({ fields: { villageCode: 'unknown-field' } });
    expect(rejection(results[2]).details).toEqual({ fields: { capturedAt: 'unknown-field', hobby: 'unknown-field' } });
    expect(rejection(results[3]).details).toEqual({ fields: { occupationOther: 'occupation-other' } });
  });

  it('checks a changed NIK like a new one', async () => {
    const salem = await s.token('operator', SALEM);
    const [other] = await pushOk(s.app, salem, [createOp(registration({ villageCode: SALEM }))]);
    const { results } = await push(s.app, op, [updateOp(reg.id, 1, { nik: other?.nik })]);
    expect(rejection(results[0])).toEqual({ code: 'duplicate-nik', details: { villageCode: SALEM } });
    const fresh = registration().nik as string;
    const [u] = await pushOk(s.app, op, [updateOp(reg.id, 1, { nik: fresh })]);
    expect(u?.nik).toBe(fresh);
    // The old NIK is free again.
    expect((await pushOk(s.app, op, [createOp(registration({ nik: reg.nik }))]))[0]?.status).toBe('accepted');
  });

  it('answers not-found and forbidden-village for updates, voids and handovers', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const salem = await s.token('operator', SALEM);
    const a = await push(s.app, op, [updateOp(missing, 1, {}), voidOp(missing), handoverOp(missing)]);
    expect(a.results.map((r) => rejection(r).code)).toEqual(['not-found', 'not-found', 'not-found']);
    const b = await push(s.app, salem, [updateOp(reg.id, 1, { address: 'X' }), voidOp(reg.id), handoverOp(reg.id)]);
    for (const r of b.results) expect(rejection(r)).toEqual({ code: 'forbidden-village', details: { villageCode: TANJUNGSARI } });
    expect(b.results).toHaveLength(3);
  });

  it('voids, and then refuses updates, voids and handovers with already-voided', async () => {
    const [v] = await pushOk(s.app, op, [voidOp(reg.id, 'Meninggal dunia')]);
    expect(v).toMatchObject({ status: 'voided', version: 2, voidReason: 'Meninggal dunia' });
    const { results } = await push(s.app, op, [updateOp(reg.id, 2, { address: 'X' }), voidOp(reg.id), handoverOp(reg.id)]);
    expect(results.map((r) => rejection(r).code)).toEqual(['already-voided', 'already-voided', 'already-voided']);
  });

  it('lets a coordinator void and hand over cards inside its scope only, and nothing else', async () => {
    const outside = await s.token('coordinator', '35.05');
    const refused = await push(s.app, outside, [voidOp(reg.id), handoverOp(reg.id)]);
    expect(refused.results.map((r) => rejection(r).code)).toEqual(['forbidden-village', 'forbidden-village']);
    const coordinator = await s.token('coordinator', '32.14');
    const { results } = await push(s.app, coordinator, [updateOp(reg.id, 1, { address: 'X' }), handoverOp(reg.id), voidOp(reg.id)]);
    expect(rejection(results[0]).code).toBe('forbidden-village');
    expect(applied(results[1]).card).toMatchObject({ receiver: { kind: 'self' } });
    expect(applied(results[2]).status).toBe('voided');
  });

  it('records a card handover once, with who, when and by which operator', async () => {
    const rep = { kind: 'representative', name: 'budi santoso', relationship: 'suami' };
    const [h] = await pushOk(s.app, op, [handoverOp(reg.id, { receiver: rep, eventId: 'launch-tanjungsari' })]);
    expect(h?.card).toMatchObject({
      handedAt: '2025-04-01T02:00:00.000Z',
      receiver: { kind: 'representative', name: 'BUDI SANTOSO', relationship: 'suami' },
      eventId: 'launch-tanjungsari',
      operator: expect.any(String),
    });
    expect(h?.version).toBe(2);
    // Pushed again under another device id: the refusal names the card but not the device that
    // handed it over (Revision 2, R1: no device id but the caller's own leaves the server).
    const { results } = await push(s.app, op, [handoverOp(reg.id)]);
    expect(rejection(results[0])).toEqual({ code: 'already-handed-over', details: { ...h?.card, deviceId: null } });
  });

  it('refuses a handover for a waitlisted registration (not-accepted)', async () => {
    const admin = await s.token('admin', '*');
    await s.app.inject({ method: 'PUT', url: `/api/v1/villages/${TANJUNGSARI}/quota`, headers: { authorization: `Bearer ${admin}` }, payload: { quota: 1 } });
    const [w] = await pushOk(s.app, op, [createOp(registration())]);
    expect(w?.status).toBe('waitlisted');
    expect(rejection((await push(s.app, op, [handoverOp(w?.id as string)])).results[0]).code).toBe('not-accepted');
  });

  it('sees earlier ops of the same batch', async () => {
    const fresh = registration();
    const { results } = await push(s.app, op, [
      createOp(fresh),
      updateOp(fresh.id as string, 1, { address: 'Jl. Satu' }),
      updateOp(fresh.id as string, 2, { address: 'Jl. Dua' }),
      handoverOp(fresh.id as string),
      voidOp(fresh.id as string),
    ]);
    expect(results.map((r) => applied(r).version)).toEqual([1, 2, 3, 4, 5]);
    expect(applied(results[4])).toMatchObject({ address: 'Jl. Dua', status: 'voided', seq: reg.seq + 5 });
  });
});
