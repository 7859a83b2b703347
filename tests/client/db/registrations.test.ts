import { describe, expect, it } from 'vitest';
import {
  ClientError, discardRejected, saveDraft, saveEditedRegistration, saveNewRegistration,
  type Desa100Db, type LocalRegistration,
} from '../../../src/client/db';
import type { ServerRegistration } from '../../../src/shared/protocol';
import type { Registration } from '../../../src/shared/registration';
import { freshDb, makeRegistration } from './helpers';

function serverCopy(reg: Registration, version: number): ServerRegistration {
  return {
    ...reg, status: 'accepted', version, receivedAt: '2025-03-02T00:00:00.000Z',
    updatedAt: '2025-03-02T00:00:00.000Z', kpjNumber: null, card: null, seq: version,
  };
}

/** What the sync engine does when a push is answered; here by hand, to set up a state. */
async function markAttempted(db: Desa100Db, registrationId: string): Promise<void> {
  const rows = await db.outbox.where('registrationId').equals(registrationId).toArray();
  for (const r of rows) await db.outbox.update(r.seq as number, { attempts: 1, lastAttemptAt: new Date().toISOString() });
  await db.registrations.update(registrationId, { status: 'sent' });
}

async function markApplied(db: Desa100Db, reg: Registration, version: number): Promise<void> {
  await db.outbox.where('registrationId').equals(reg.id).delete();
  await db.registrations.update(reg.id, { status: 'accepted', server: serverCopy(reg, version) });
}

async function markRejected(db: Desa100Db, id: string, code: 'duplicate-nik' | 'invalid'): Promise<void> {
  const op = (await db.outbox.where('registrationId').equals(id).sortBy('seq')).at(-1);
  if (!op) throw new Error('no op');
  await db.outbox.update(op.seq as number, { state: 'rejected' });
  await db.registrations.update(id, {
    status: 'rejected',
    rejection: { opId: op.opId, code, message: 'refused', details: { villageCode: '32.14.01.1001' }, at: new Date().toISOString() },
  });
}

describe('saveNewRegistration', () => {
  it('writes the registration and its create op together, searchable by name words and NIK runs', async () => {
    const db = freshDb();
    const reg = makeRegistration({ fullName: 'Siti Aminah', nik: '3214165203850017', sex: 'P', birthDate: '1985-03-12' });
    await saveNewRegistration(db, reg);
    const row = (await db.registrations.get(reg.id)) as LocalRegistration;
    expect(row).toMatchObject({ status: 'pending', nameKey: 'siti aminah', nik: reg.nik, origin: 'here', server: null });
    expect(row.nameParts).toEqual(['aminah']);
    expect(row.nikRuns).toHaveLength(12);
    expect(row.nikRuns.at(-1)).toBe('0017');
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ registrationId: reg.id, state: 'queued', attempts: 0 });
    expect(ops[0]?.op).toEqual({ opId: ops[0]?.opId, type: 'registration.create', registration: reg });
  });

  it('writes nothing at all when one of the two writes fails', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    // Same id again: the registration add fails, so the second outbox row must not stay either.
    await expect(saveNewRegistration(db, reg)).rejects.toThrow();
    expect(await db.registrations.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('deletes the draft it completes in the same transaction', async () => {
    const db = freshDb();
    await saveDraft(db, 'new', null, { nik: '32' });
    await saveNewRegistration(db, makeRegistration(), { draftId: 'new' });
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('saveEditedRegistration', () => {
  it('rewrites a create op that was never attempted, keeping its opId', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const [before] = await db.outbox.toArray();
    const edited = { ...reg, fullName: 'BUDI SETIAWAN', address: 'Jl. Baru' };
    const { outcome, row } = await saveEditedRegistration(db, edited);
    expect(outcome).toBe('rewritten');
    expect(row.nameKey).toBe('budi setiawan');
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.opId).toBe(before?.opId);
    expect(ops[0]?.op).toMatchObject({ type: 'registration.create', registration: { fullName: 'BUDI SETIAWAN', address: 'Jl. Baru' } });
    expect((await db.registrations.get(reg.id))?.status).toBe('pending');
  });

  it('queues an update once the create was attempted, chaining the base version', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await markAttempted(db, reg.id);
    const { outcome } = await saveEditedRegistration(db, { ...reg, address: 'Jl. Baru', phone: undefined });
    expect(outcome).toBe('updated');
    const ops = await db.outbox.orderBy('seq').toArray();
    expect(ops).toHaveLength(2);
    expect(ops[0]?.op).toMatchObject({ type: 'registration.create', registration: { address: reg.address } });
    // The create will make version 1: the update is based on it.
    expect(ops[1]?.op).toMatchObject({ type: 'registration.update', id: reg.id, baseVersion: 1, changes: { address: 'Jl. Baru' } });
    expect((await db.registrations.get(reg.id))?.status).toBe('sent');
  });

  it('merges a second edit into an update that was never attempted', async () => {
    const db = freshDb();
    const reg = makeRegistration({ phone: '081234567890' });
    await saveNewRegistration(db, reg);
    await markApplied(db, reg, 3);
    await saveEditedRegistration(db, { ...reg, address: 'Jl. Satu' });
    await saveEditedRegistration(db, { ...reg, address: 'Jl. Satu', phone: undefined });
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    // A cleared optional field travels as null, so the server can tell it from "unchanged".
    expect(ops[0]?.op).toMatchObject({ type: 'registration.update', baseVersion: 3, changes: { address: 'Jl. Satu', phone: null } });
    // The server holds it: it keeps its accepted state (not counted as pending twice).
    expect((await db.registrations.get(reg.id))?.status).toBe('accepted');
  });

  it('queues nothing when nothing changed against the server copy', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await markApplied(db, reg, 1);
    const { outcome } = await saveEditedRegistration(db, { ...reg });
    expect(outcome).toBe('unchanged');
    expect(await db.outbox.count()).toBe(0);
  });

  it('resends a rejected create as a new create op with a new opId', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const [first] = await db.outbox.toArray();
    await markAttempted(db, reg.id);
    await markRejected(db, reg.id, 'invalid');
    const { outcome, row } = await saveEditedRegistration(db, { ...reg, address: 'Jl. Benar' });
    expect(outcome).toBe('created');
    expect(row).toMatchObject({ status: 'pending', rejection: null });
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.opId).not.toBe(first?.opId);
    expect(ops[0]).toMatchObject({ state: 'queued', attempts: 0, op: { type: 'registration.create', registration: { address: 'Jl. Benar' } } });
  });

  it('resends a rejected update against the server copy and refuses to move the village', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await markApplied(db, reg, 2);
    await saveEditedRegistration(db, { ...reg, address: 'Salah' });
    await markAttempted(db, reg.id);
    await markRejected(db, reg.id, 'invalid');
    await expect(saveEditedRegistration(db, { ...reg, villageCode: '32.14.01.1001' }))
      .rejects.toMatchObject({ code: 'village-locked' });
    const { outcome, row } = await saveEditedRegistration(db, { ...reg, address: 'Benar' });
    expect(outcome).toBe('updated');
    expect(row.status).toBe('accepted');
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.op).toMatchObject({ type: 'registration.update', baseVersion: 2, changes: { address: 'Benar' } });
  });

  it('refuses to edit a voided or unknown record', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await expect(saveEditedRegistration(db, reg)).rejects.toBeInstanceOf(ClientError);
    await saveNewRegistration(db, reg);
    await db.registrations.update(reg.id, { status: 'voided' });
    await expect(saveEditedRegistration(db, reg)).rejects.toMatchObject({ code: 'not-editable' });
  });
});

describe('discardRejected', () => {
  it('deletes a record the server never accepted, with its ops', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await markRejected(db, reg.id, 'duplicate-nik');
    expect(await discardRejected(db, reg.id)).toBe('deleted');
    expect(await db.registrations.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reverts a refused change to the server copy', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await markApplied(db, reg, 1);
    await saveEditedRegistration(db, { ...reg, fullName: 'NAMA LAIN' });
    await markRejected(db, reg.id, 'invalid');
    expect(await discardRejected(db, reg.id)).toBe('reverted');
    const row = await db.registrations.get(reg.id);
    expect(row).toMatchObject({ status: 'accepted', rejection: null, nameKey: reg.fullName.toLowerCase() });
    expect(row?.data.fullName).toBe(reg.fullName);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a record that is not rejected', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await expect(discardRejected(db, reg.id)).rejects.toMatchObject({ code: 'not-editable' });
  });
});
