import { describe, expect, it } from 'vitest';
import { readEventEntries, recordHandover, storeEventPage } from '../../../src/client/db/distribution-store';
import type { Desa100Db } from '../../../src/client/db/schema';
import {
  progressOf, registrationIdFromQr, searchRows, toDeskRow, type DeskRow,
} from '../../../src/client/features/distribution/desk-model';
import { composeNik } from '../../../src/shared/nik';
import { enrol, freshDb, serverRegistration } from '../coordinator/helpers';

const VILLAGE = '32.14.16.2005';

async function rowsOf(db: Desa100Db): Promise<DeskRow[]> {
  return (await readEventEntries(db, [VILLAGE])).map(toDeskRow);
}

/** The sync engine's doing when the server refuses an op, here by hand. */
async function rejectHandover(db: Desa100Db, registrationId: string, details: unknown): Promise<void> {
  const row = await db.outbox.where('registrationId').equals(registrationId).first();
  if (!row?.seq) throw new Error('no op');
  await db.outbox.update(row.seq, { state: 'rejected' });
  await db.registrations.update(registrationId, {
    status: 'rejected',
    rejection: { opId: row.opId, code: 'already-handed-over', message: 'already handed over', details, at: new Date().toISOString() },
  });
}

describe('searchRows', () => {
  const nik = composeNik({ regionCode: '32.14.16', birthDate: '1979-11-23', sex: 'P', serial: 417 });
  const rows = [
    serverRegistration({ fullName: 'NUR SITI AMINAH' }),
    serverRegistration({ fullName: 'SITI ROHMAH', nik }),
    serverRegistration({ fullName: 'ASEP SITIAWAN' }),
    serverRegistration({ fullName: 'BUDI', villageCode: '32.14.16.2006' }),
  ].map((r) => toDeskRow({
    registration: {
      id: r.id, villageCode: r.villageCode, nik: r.nik, nikRuns: [], nameKey: r.fullName.toLowerCase(), nameParts: [], status: r.status,
      data: r, server: r, rejection: null, origin: 'pulled', createdAt: r.receivedAt, updatedAt: r.updatedAt,
    },
    mark: null,
    opState: null,
  }));
  const names = (text: string) => searchRows(rows, text).map((r) => r.fullName);

  it('matches the start of any word of the name, names starting with it first', () => {
    expect(names('siti')).toEqual(['SITI ROHMAH', 'ASEP SITIAWAN', 'NUR SITI AMINAH']);
    expect(names('Siti Nur')).toEqual(['NUR SITI AMINAH']);
    expect(names('amin')).toEqual(['NUR SITI AMINAH']);
    expect(names('rohmat')).toEqual([]);
    expect(names('  ')).toEqual([]);
  });

  it('matches NIK digits anywhere, written with spaces or dots as on paper', () => {
    expect(names('0417')).toEqual(['SITI ROHMAH']);
    expect(names('631179')).toEqual(['SITI ROHMAH']);
    expect(names(`${nik.slice(0, 4)}.${nik.slice(4, 8)} ${nik.slice(8)}`)).toEqual(['SITI ROHMAH']);
  });
});

describe('desk state and progress', () => {
  it('counts handed over / expected, leaving out waitlisted and voided workers', async () => {
    const db = freshDb();
    await enrol(db, 'operator', VILLAGE);
    const regs = [
      serverRegistration({ fullName: 'A' }),
      serverRegistration({ fullName: 'B' }),
      serverRegistration({ fullName: 'C', card: { handedAt: '2025-03-10T01:00:00.000Z', receiver: { kind: 'self' }, eventId: null, operator: 'Meja 2', deviceId: null } }),
      serverRegistration({ fullName: 'D', status: 'waitlisted' }),
      serverRegistration({ fullName: 'E', status: 'voided' }),
    ];
    await storeEventPage(db, { changes: regs });
    expect(progressOf(await rowsOf(db))).toEqual({ expected: 3, handed: 1, unsynced: 0, attention: 0 });

    await recordHandover(db, { registrationId: regs[0]?.id as string, receiver: { kind: 'self' }, eventId: null });
    const rows = await rowsOf(db);
    expect(progressOf(rows)).toEqual({ expected: 3, handed: 2, unsynced: 1, attention: 0 });
    expect(rows.find((r) => r.fullName === 'A')?.state).toMatchObject({ kind: 'handed', synced: false, prior: { here: true } });
    expect(rows.find((r) => r.fullName === 'D')?.state).toEqual({ kind: 'not-eligible', status: 'waitlisted' });
  });

  it('turns a rejected already-handed-over into a conflict naming the other handover', async () => {
    const db = freshDb();
    await enrol(db, 'operator', VILLAGE);
    const reg = serverRegistration({ fullName: 'SITI' });
    await storeEventPage(db, { changes: [reg] });
    await recordHandover(db, { registrationId: reg.id, receiver: { kind: 'self' }, eventId: null });
    await rejectHandover(db, reg.id, {
      handedAt: '2025-03-10T02:00:00.000Z',
      receiver: { kind: 'representative', name: 'UJANG', relationship: 'suami' },
      eventId: 'e', operator: 'Meja 2', deviceId: crypto.randomUUID(),
    });
    const [row] = await rowsOf(db);
    expect(row?.state).toMatchObject({
      kind: 'conflict',
      other: { handedAt: '2025-03-10T02:00:00.000Z', operator: 'Meja 2', receiver: { kind: 'representative', name: 'UJANG' } },
    });
    expect(progressOf(row ? [row] : [])).toMatchObject({ handed: 1, attention: 1 });
  });

  it('marks the handover synced once the server copy carries this phone’s card', async () => {
    const db = freshDb();
    await enrol(db, 'operator', VILLAGE);
    const reg = serverRegistration();
    await storeEventPage(db, { changes: [reg] });
    const done = await recordHandover(db, { registrationId: reg.id, receiver: { kind: 'self' }, eventId: null });
    if (!done.ok) throw new Error('refused');
    await db.outbox.clear();
    await storeEventPage(db, {
      changes: [{ ...reg, seq: reg.seq + 100, card: { handedAt: done.mark.handedAt, receiver: { kind: 'self' }, eventId: null, operator: 'Operator Tanjungsari', deviceId: done.mark.deviceId } }],
    });
    const [row] = await rowsOf(db);
    expect(row?.state).toMatchObject({ kind: 'handed', synced: true, prior: { operator: 'Operator Tanjungsari', here: true } });
  });
});

describe('registrationIdFromQr', () => {
  it('reads the handover-list payload, or any text holding one UUID', () => {
    const id = crypto.randomUUID();
    expect(registrationIdFromQr(`desa100:reg:${id}`)).toBe(id);
    expect(registrationIdFromQr(`https://x.example/peserta/${id.toUpperCase()}`)).toBe(id);
    expect(registrationIdFromQr('desa100:reg:nope')).toBeNull();
  });
});
