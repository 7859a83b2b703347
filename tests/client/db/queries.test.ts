import { describe, expect, it } from 'vitest';
import {
  countPendingInVillage, findLiveByNik, getVillageQuota, parseRosterQuery, saveNewRegistration,
  countNameMatches, searchRegistrationIds,
} from '../../../src/client/db';
import { freshDb, makeRegistration, VILLAGE } from './helpers';

describe('parseRosterQuery', () => {
  it('reads digits (with the spaces and dots of paper) as a NIK search, anything else as a name', () => {
    expect(parseRosterQuery('  ')).toEqual({ kind: 'all' });
    expect(parseRosterQuery('3214 16.52')).toEqual({ kind: 'nik', digits: '32141652' });
    expect(parseRosterQuery(' Siti  Am ')).toEqual({ kind: 'name', prefix: 'siti am' });
  });
});

describe('searchRegistrationIds', () => {
  it('finds by name prefix, NIK prefix and NIK suffix, and filters by state', async () => {
    const db = freshDb();
    const siti = makeRegistration({ fullName: 'Siti Aminah', nik: '3214165203850007' });
    const sitti = makeRegistration({ fullName: 'Sitti Rahma', nik: '3214164107900123' });
    const budi = makeRegistration({ fullName: 'Budi', nik: '3201011203850009' });
    for (const r of [siti, sitti, budi]) await saveNewRegistration(db, r);
    await db.registrations.update(budi.id, { status: 'accepted' });

    const ids = async (text: string, status?: 'accepted') => (await searchRegistrationIds(db, text, status)).ids;
    expect(await ids('sit')).toEqual([siti.id, sitti.id]);
    expect(await ids('siti ')).toEqual([siti.id]);
    // NIK prefix matches come in NIK order: 32141641… before 32141652….
    expect(await ids('3214')).toEqual([sitti.id, siti.id]);
    expect(await ids('0123')).toEqual([sitti.id]);
    expect(await ids('0009')).toEqual([budi.id]);
    expect(await ids('')).toEqual([budi.id, siti.id, sitti.id]);
    expect(await ids('', 'accepted')).toEqual([budi.id]);
    expect(await ids('zz')).toEqual([]);
  });

  it('caps a broad search and says so; the unfiltered list is never capped', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await saveNewRegistration(db, makeRegistration({ fullName: `Siti ${'abcde'[i]}` }));
    expect(await searchRegistrationIds(db, 'siti', undefined, 3)).toMatchObject({ truncated: true, total: null });
    // The total of a truncated name search comes apart, so that the list shows first.
    expect(await countNameMatches(db, 'siti')).toBe(5);
    expect(await countNameMatches(db, '3214')).toBeNull();
    expect((await searchRegistrationIds(db, 'siti', undefined, 3)).ids).toHaveLength(3);
    expect(await searchRegistrationIds(db, 'siti', undefined, 5)).toMatchObject({ truncated: false, total: 5 });
    expect(await searchRegistrationIds(db, '3214', undefined, 2)).toMatchObject({ truncated: true, total: null });
    expect((await searchRegistrationIds(db, '3214', undefined, 2)).ids).toHaveLength(2);
    expect(await searchRegistrationIds(db, '', undefined, 2)).toMatchObject({ truncated: false });
    expect((await searchRegistrationIds(db, '', undefined, 2)).ids).toHaveLength(5);
  });
});

describe('findLiveByNik', () => {
  it('finds a live record by NIK, ignoring voided ones and the record being edited', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const spaced = `${reg.nik.slice(0, 6)} ${reg.nik.slice(6)}`;
    expect((await findLiveByNik(db, spaced))?.id).toBe(reg.id);
    expect(await findLiveByNik(db, reg.nik, reg.id)).toBeUndefined();
    await db.registrations.update(reg.id, { status: 'voided' });
    expect(await findLiveByNik(db, reg.nik)).toBeUndefined();
  });

  it('finds records pulled from other phones too', async () => {
    const db = freshDb();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await db.registrations.update(reg.id, { origin: 'pulled', status: 'waitlisted' });
    expect((await findLiveByNik(db, reg.nik))?.id).toBe(reg.id);
  });
});

describe('village quota', () => {
  it('counts pending and sent records of the village only, on top of the last sync', async () => {
    const db = freshDb();
    const regs = [makeRegistration(), makeRegistration(), makeRegistration(), makeRegistration({ villageCode: '32.14.01.1001' })];
    for (const r of regs) await saveNewRegistration(db, r);
    await db.registrations.update(regs[1]?.id as string, { status: 'sent' });
    await db.registrations.update(regs[2]?.id as string, { status: 'accepted' });
    expect(await countPendingInVillage(db, VILLAGE)).toBe(2);

    const never = await getVillageQuota(db, VILLAGE);
    expect(never).toMatchObject({ quota: 100, accepted: 0, pendingHere: 2, used: 2, full: false, syncedAt: null });

    await db.quotas.put({ villageCode: VILLAGE, quota: 50, accepted: 48, waitlisted: 3, syncedAt: '2025-03-02T00:00:00.000Z' });
    const synced = await getVillageQuota(db, VILLAGE);
    expect(synced).toMatchObject({ quota: 50, accepted: 48, waitlisted: 3, pendingHere: 2, used: 50, free: 0, full: true });
  });
});
