import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, startServer, type TestServer } from './support/harness';
import {
  JATEN_BLITAR, SALEM, TANJUNGSARI, applied, createOp, push, pushOk, registration, rejection,
} from './support/wire';

describe.each(BACKENDS)('registration.create (%s)', (backend) => {
  let s: TestServer;
  let op: string;
  beforeEach(async () => {
    s = await startServer(backend);
    op = await s.token('operator', TANJUNGSARI);
  });
  afterEach(() => s.close());

  it('accepts a valid registration, normalised, with server fields', async () => {
    const reg = registration({ nik: '3214 1657 0590 0777', fullName: '  siti   aminah ', phone: '0812-3456-7890' });
    const [r] = await pushOk(s.app, op, [createOp(reg)]);
    expect(r).toMatchObject({
      id: reg.id,
      nik: '3214165705900777',
      fullName: 'SITI AMINAH',
      rt: '003',
      rw: '012',
      phone: '+6281234567890',
      consent: { noticeVersion: '2025-01', at: '2025-03-01T01:00:00.000Z' },
      capturedAt: '2025-03-01T01:05:00.000Z',
      status: 'accepted',
      version: 1,
      seq: 1,
      kpjNumber: null,
      card: null,
      receivedAt: '2025-03-10T02:00:00.000Z',
      updatedAt: '2025-03-10T02:00:00.000Z',
    });
  });

  it('answers one result per op, in order, and never refuses a batch for one bad op', async () => {
    const good = registration();
    const { status, results, body } = await push(s.app, op, [
      createOp(registration({ nik: '123' })),
      createOp(good),
      { opId: randomUUID(), type: 'registration.explode' },
    ]);
    expect(status).toBe(200);
    expect(typeof body.serverTime).toBe('string');
    expect(results).toHaveLength(3);
    expect(rejection(results[0])).toEqual({ code: 'invalid', details: { fields: { nik: 'nik-format' } } });
    expect(applied(results[1]).id).toBe(good.id);
    expect(rejection(results[2])).toEqual({ code: 'invalid', details: { fields: { type: 'op-type' } } });
  });

  it('rejects unknown, missing and mistyped fields as invalid, naming them', async () => {
    const { id: _id, ...noId } = registration();
    const { results } = await push(s.app, op, [
      createOp(registration({ favouriteColour: 'blue' })),
      createOp(noId),
      createOp(registration({ monthlyIncome: '1000000', heir: { name: 'Budi' } })),
      { ...createOp(registration()), extra: 1 },
      createOp(registration({ occupation: 'lainnya' })),
    ]);
    expect(rejection(results[0]).details).toEqual({ fields: { favouriteColour: 'unknown-field' } });
    expect(rejection(results[1]).details).toEqual({ fields: { id: expect.any(String) } });
    expect(rejection(results[2]).details).toEqual({
      fields: { monthlyIncome: 'required', 'heir.relationship': 'required' },
    });
    expect(rejection(results[3]).details).toEqual({ fields: { extra: 'unknown-field' } });
    expect(rejection(results[4]).details).toEqual({ fields: { occupationOther: 'occupation-other' } });
  });

  it('rejects a village code outside the Kemendagri list', async () => {
    const { results } = await push(s.app, op, [createOp(registration({ villageCode: '32.14.16.2999' }))]);
    expect(rejection(results[0])).toEqual({ code: 'invalid', details: { fields: { villageCode: 'village-unknown' } } });
  });

  it('lets an operator touch only its own village (forbidden-village)', async () => {
    const { results } = await push(s.app, op, [createOp(registration({ villageCode: SALEM }))]);
    expect(rejection(results[0])).toEqual({ code: 'forbidden-village', details: { villageCode: SALEM } });
    const coordinator = await s.token('coordinator', '32.14');
    const res = await push(s.app, coordinator, [createOp(registration())]);
    expect(rejection(res.results[0]).code).toBe('forbidden-village');
    const admin = await s.token('admin', '*');
    expect(applied((await push(s.app, admin, [createOp(registration({ villageCode: JATEN_BLITAR }))])).results[0]).villageCode)
      .toBe(JATEN_BLITAR);
  });

  it('holds one live registration per NIK across villages, in a batch and across batches', async () => {
    const salemOp = await s.token('operator', SALEM);
    const first = registration();
    await pushOk(s.app, op, [createOp(first)]);
    const { results } = await push(s.app, salemOp, [createOp(registration({ villageCode: SALEM, nik: first.nik }))]);
    const r = rejection(results[0]);
    expect(r).toEqual({ code: 'duplicate-nik', details: { villageCode: TANJUNGSARI } });
    expect((results[0] as { message: string }).message).toContain('NIK sudah terdaftar di desa 32.14.16.2005');

    const nik = registration().nik;
    const batch = await push(s.app, op, [createOp(registration({ nik })), createOp(registration({ nik }))]);
    expect(applied(batch.results[0]).nik).toBe(nik);
    expect(rejection(batch.results[1]).code).toBe('duplicate-nik');
  });

  it('refuses a second create with an id already taken by another worker (R5: id-conflict)', async () => {
    const reg = registration();
    await pushOk(s.app, op, [createOp(reg)]);
    const { results } = await push(s.app, op, [createOp(registration({ id: reg.id }))]);
    expect(rejection(results[0])).toEqual({ code: 'id-conflict' });
  });

  it('answers an op without a usable opId with an invalid result echoing it', async () => {
    const { results } = await push(s.app, op, [{ opId: 'not-a-uuid', type: 'registration.create' }, { type: 'x' }]);
    expect(results[0]).toMatchObject({ opId: 'not-a-uuid', status: 'rejected', code: 'invalid', details: { fields: { opId: 'uuid' } } });
    expect(results[1]).toMatchObject({ opId: '', status: 'rejected', code: 'invalid' });
  });

  it('gives every change a new strictly increasing seq', async () => {
    const regs = await pushOk(s.app, op, [createOp(registration()), createOp(registration())]);
    const more = await pushOk(s.app, op, [createOp(registration())]);
    expect([...regs, ...more].map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});
