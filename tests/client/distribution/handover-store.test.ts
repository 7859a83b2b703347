import { describe, expect, it } from 'vitest';
import {
  readEventEntries, recordHandover, storeEventPage,
} from '../../../src/client/db/distribution-store';
import { setMeta } from '../../../src/client/db/meta';
import { discardRejected } from '../../../src/client/db/registrations';
import type { Desa100Db } from '../../../src/client/db/schema';
import { DEVICE_ID, enrol, freshDb, serverRegistration } from '../coordinator/helpers';

const VILLAGE = '32.14.16.2005';

async function seeded(): Promise<{ db: Desa100Db; ids: string[] }> {
  const db = freshDb();
  await enrol(db, 'operator', VILLAGE);
  const regs = [
    serverRegistration({ fullName: 'SITI AMINAH' }),
    serverRegistration({ fullName: 'DEDE KURNIA', status: 'waitlisted' }),
    serverRegistration({ fullName: 'ENTIN', status: 'voided' }),
  ];
  await storeEventPage(db, { changes: regs });
  return { db, ids: regs.map((r) => r.id) };
}

describe('recordHandover', () => {
  it('writes the card.handover op and the local mark together', async () => {
    const { db, ids } = await seeded();
    await setMeta(db, 'clockOffsetMs', 60_000);
    const id = ids[0] as string;
    const result = await recordHandover(db, {
      registrationId: id,
      receiver: { kind: 'representative', name: ' ujang  sopandi ', relationship: 'anak' },
      eventId: '2025-03-10-peluncuran-tanjungsari',
      now: new Date('2025-03-10T03:00:00.000Z'),
    });
    expect(result.ok).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      registrationId: id, state: 'queued', attempts: 0, lastAttemptAt: null,
      op: {
        type: 'card.handover', registrationId: id,
        // Corrected by the offset the last sync measured; the name as the KTP has it.
        handedAt: '2025-03-10T03:01:00.000Z',
        receiver: { kind: 'representative', name: 'UJANG SOPANDI', relationship: 'anak' },
        eventId: '2025-03-10-peluncuran-tanjungsari',
      },
    });
    expect(outbox[0]?.opId).toBe(outbox[0]?.op.opId);
    const mark = await db.handovers.get(id);
    expect(mark).toMatchObject({ opId: outbox[0]?.opId, operator: 'HP Meja 1', deviceId: DEVICE_ID, villageCode: VILLAGE });
  });

  it('refuses a second handover of the same card on this phone, saying who and when', async () => {
    const { db, ids } = await seeded();
    const id = ids[0] as string;
    await recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null, now: new Date('2025-03-10T03:00:00.000Z') });
    const again = await recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null });
    expect(again).toEqual({
      ok: false,
      reason: 'already-handed-over',
      prior: { handedAt: '2025-03-10T03:00:00.000Z', receiver: { kind: 'self' }, operator: 'HP Meja 1', eventId: undefined, here: true },
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a card the server says was handed over elsewhere', async () => {
    const db = freshDb();
    const reg = serverRegistration({
      card: { handedAt: '2025-03-10T02:00:00.000Z', receiver: { kind: 'self' }, eventId: null, operator: 'Operator Gurudug', deviceId: null },
    });
    await storeEventPage(db, { changes: [reg] });
    const result = await recordHandover(db, { registrationId: reg.id, receiver: { kind: 'self' }, eventId: null });
    expect(result).toMatchObject({ ok: false, reason: 'already-handed-over', prior: { operator: 'Operator Gurudug', here: false } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses waitlisted, voided, unknown workers and an incomplete representative', async () => {
    const { db, ids } = await seeded();
    const self = { kind: 'self' } as const;
    expect(await recordHandover(db, { registrationId: ids[1] as string, receiver: self, eventId: null })).toEqual({ ok: false, reason: 'not-accepted' });
    expect(await recordHandover(db, { registrationId: ids[2] as string, receiver: self, eventId: null })).toEqual({ ok: false, reason: 'voided' });
    expect(await recordHandover(db, { registrationId: crypto.randomUUID(), receiver: self, eventId: null })).toEqual({ ok: false, reason: 'not-found' });
    expect(await recordHandover(db, {
      registrationId: ids[0] as string, receiver: { kind: 'representative', name: 'X', relationship: '' }, eventId: null,
    })).toEqual({ ok: false, reason: 'invalid-receiver' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.handovers.count()).toBe(0);
  });

  it('discarding a refused handover removes its mark: the card can be handed over again', async () => {
    const { db, ids } = await seeded();
    const id = ids[0] as string;
    const made = await recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null });
    if (!made.ok) throw new Error('handover refused');
    // What sync leaves when the server answers `not-accepted` (the worker was voided meanwhile).
    const row = await db.outbox.where('opId').equals(made.mark.opId).first();
    await db.outbox.update(row?.seq as number, { state: 'rejected', attempts: 1 });
    await db.registrations.update(id, {
      status: 'rejected',
      rejection: { opId: made.mark.opId, code: 'not-accepted', message: 'not accepted', at: new Date().toISOString() },
    });
    expect(await discardRejected(db, id)).toBe('reverted');
    expect(await db.handovers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null })).ok).toBe(true);
  });

  it('is all or nothing: when the outbox write fails, no mark is left behind', async () => {
    const { db, ids } = await seeded();
    const opId = crypto.randomUUID();
    // An opId already in the outbox (a unique index) makes the op's write fail mid-transaction.
    await db.outbox.add({
      opId, registrationId: ids[1] as string, op: { opId, type: 'registration.void', id: ids[1] as string, reason: 'x' },
      state: 'queued', createdAt: new Date().toISOString(), attempts: 0, lastAttemptAt: null,
    });
    await expect(recordHandover(db, { registrationId: ids[0] as string, receiver: { kind: 'self' }, eventId: null, opId })).rejects.toBeTruthy();
    expect(await db.handovers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('two handovers racing on one phone: exactly one wins', async () => {
    const { db, ids } = await seeded();
    const id = ids[0] as string;
    const results = await Promise.all([
      recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null }),
      recordHandover(db, { registrationId: id, receiver: { kind: 'self' }, eventId: null }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('storeEventPage', () => {
  it('stores pulled records without moving the sync cursor, and never goes back to an older copy', async () => {
    const db = freshDb();
    await setMeta(db, 'cursor', 7);
    const reg = serverRegistration({ seq: 50, kpjNumber: '25012345678' });
    await storeEventPage(db, { changes: [reg] });
    await storeEventPage(db, { changes: [{ ...reg, seq: 40, kpjNumber: null }] });
    const [entry] = await readEventEntries(db, [reg.villageCode]);
    expect(entry?.registration).toMatchObject({ id: reg.id, origin: 'pulled', status: 'accepted', nameKey: reg.fullName.toLowerCase() });
    expect(entry?.registration.server?.kpjNumber).toBe('25012345678');
    expect((await db.meta.get('cursor'))?.value).toBe(7);
  });
});
