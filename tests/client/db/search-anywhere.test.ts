import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, saveNewRegistration, searchRegistrationIds, countNameMatches } from '../../../src/client/db';
import { freshDb, makeRegistration } from './helpers';

// Village staff search by the name people use (often not the first word) and by whatever part
// of the NIK they can read off a photocopy: "nurjanah" must find SITI NURJANAH.

describe('roster search anywhere in the name and the NIK', () => {
  it('finds a later word of the name, and words in order from any word on', async () => {
    const db = freshDb();
    const siti = makeRegistration({ fullName: 'Siti Nurjanah', nik: '3214165203850007' });
    const nur = makeRegistration({ fullName: 'Nur Aini Rahma', nik: '3214164107900123' });
    const ahmad = makeRegistration({ fullName: 'H. Ahmad bin Ahmad', nik: '3201011203850009' });
    for (const r of [siti, nur, ahmad]) await saveNewRegistration(db, r);
    const ids = async (text: string) => (await searchRegistrationIds(db, text)).ids;

    expect(await ids('nurjanah')).toEqual([siti.id]);
    // Names starting with the text come first, then names with a later word starting with it.
    expect(await ids('nur')).toEqual([nur.id, siti.id]);
    expect(await ids('aini rah')).toEqual([nur.id]);
    expect(await ids('rahma')).toEqual([nur.id]);
    expect(await ids('ahmad')).toEqual([ahmad.id]);
    expect(await countNameMatches(db, 'ahmad')).toBe(1);
    expect(await ids('aminah')).toEqual([]);
  });

  it('counts a worker matching at the start and at a later word once', async () => {
    const db = freshDb();
    for (const fullName of ['Nana Nurhayati', 'Siti Nurjanah', 'Budi']) await saveNewRegistration(db, makeRegistration({ fullName }));
    expect(await countNameMatches(db, 'n')).toBe(2);
  });

  it('finds any run of at least four NIK digits, wherever it sits', async () => {
    const db = freshDb();
    const siti = makeRegistration({ fullName: 'Siti Nurjanah', nik: '3214165203850007' });
    const nur = makeRegistration({ fullName: 'Nur Aini', nik: '3214164107900123' });
    for (const r of [siti, nur]) await saveNewRegistration(db, r);
    const ids = async (text: string) => (await searchRegistrationIds(db, text)).ids;

    expect(await ids('520385')).toEqual([siti.id]); // the birth date part
    expect(await ids('4107')).toEqual([nur.id]);
    expect(await ids('1641')).toEqual([nur.id]);
    expect(await ids('0123')).toEqual([nur.id]); // the last digits
    expect(await ids('3214 16')).toEqual([nur.id, siti.id]); // from the start, in NIK order
    expect(await ids('9999')).toEqual([]);
  });

  it('makes records stored before this version searchable the same way', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      registrations: 'id, nik, nikRev, nameKey, status, villageCode, updatedAt, [villageCode+status]',
      outbox: '++seq, &opId, registrationId, state',
      drafts: 'id, updatedAt', meta: 'key', quotas: 'villageCode', places: 'code',
      handovers: 'registrationId, &opId, eventId, villageCode', distributionEvents: 'id', answers: '++key',
    });
    const reg = makeRegistration({ fullName: 'Siti Nurjanah', nik: '3214165203850007' });
    await old.table('registrations').add({
      id: reg.id, villageCode: reg.villageCode, nik: reg.nik, nikRev: '7000583025614123',
      nameKey: 'siti nurjanah', status: 'accepted', data: reg, server: null, rejection: null,
      origin: 'pulled', createdAt: reg.capturedAt, updatedAt: reg.capturedAt,
    });
    old.close();

    const db = openDb(name);
    expect((await searchRegistrationIds(db, 'nurjanah')).ids).toEqual([reg.id]);
    expect((await searchRegistrationIds(db, '5203')).ids).toEqual([reg.id]);
    expect((await searchRegistrationIds(db, 'siti')).ids).toEqual([reg.id]);
  });
});
