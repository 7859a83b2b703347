import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  markEventDownloaded, readCurrentEvent, recordHandover, saveEvent, storeEventPage,
} from '../../../src/client/db/distribution-store';
import type { Desa100Db } from '../../../src/client/db/schema';
import { DistributionScreen } from '../../../src/client/features/distribution';
import { makeFormat } from '../../../src/client/features/coordinator/format';
import type { ServerRegistration } from '../../../src/shared/protocol';
import { enrol, fakeServer, freshDb, renderId, serverRegistration, TOKEN } from '../coordinator/helpers';

const VILLAGE = '32.14.16.2005';
const EVENT_ID = '2025-03-10-peluncuran';

async function withEvent(regs: ServerRegistration[]): Promise<Desa100Db> {
  const db = freshDb();
  await enrol(db, 'operator', VILLAGE);
  await storeEventPage(db, { changes: regs });
  await saveEvent(db, { id: EVENT_ID, name: 'Peluncuran', date: '2025-03-10', villageCodes: [VILLAGE], createdAt: '2025-03-09T00:00:00.000Z', downloadedAt: null });
  await markEventDownloaded(db, EVENT_ID, '2025-03-09T10:00:00.000Z');
  return db;
}

describe('handover event screen', () => {
  it('prepares an event: downloads its village page by page, narrowed by scope', async () => {
    const db = freshDb();
    await enrol(db, 'operator', VILLAGE);
    const first = [serverRegistration({ seq: 5 }), serverRegistration({ seq: 9, status: 'waitlisted' })];
    const second = [serverRegistration({ seq: 12 })];
    const { fetchFn, sent } = fakeServer({
      [`GET /api/v1/sync/pull?since=0&limit=1000&scope=${VILLAGE}`]: () => ({ body: { changes: first, cursor: 9, hasMore: true, quotas: [] } }),
      [`GET /api/v1/sync/pull?since=9&limit=1000&scope=${VILLAGE}`]: () => ({ body: { changes: second, cursor: 12, hasMore: false, quotas: [] } }),
    });
    renderId(<DistributionScreen db={db} fetchFn={fetchFn} onQueued={() => undefined} />);
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: 'Nama acara' }), 'Peluncuran Tanjungsari');
    await user.click(screen.getByRole('checkbox', { name: VILLAGE }));
    await user.click(screen.getByRole('button', { name: 'Unduh data acara' }));

    expect(await screen.findByText('0 dari 2 kartu diserahkan')).toBeTruthy();
    expect(sent.map((r) => r.path)).toEqual([
      `/api/v1/sync/pull?since=0&limit=1000&scope=${VILLAGE}`,
      `/api/v1/sync/pull?since=9&limit=1000&scope=${VILLAGE}`,
    ]);
    expect(sent.every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);
    const event = await readCurrentEvent(db);
    expect(event).toMatchObject({ name: 'Peluncuran Tanjungsari', villageCodes: [VILLAGE] });
    expect(event?.id).toMatch(/^\d{4}-\d{2}-\d{2}-peluncuran-tanjungsari$/);
    expect(event?.downloadedAt).toBeTruthy();
  });

  it('finds a worker by name, hands the card over, and refuses a second handover with who and when', async () => {
    const siti = serverRegistration({ fullName: 'SITI AMINAH', kpjNumber: '25012345678' });
    const db = await withEvent([siti, serverRegistration({ fullName: 'BUDI' }), serverRegistration({ fullName: 'CICIH', status: 'waitlisted' })]);
    const onQueued = vi.fn();
    renderId(<DistributionScreen db={db} fetchFn={fakeServer({}).fetchFn} onQueued={onQueued} />);
    const user = userEvent.setup();

    expect(await screen.findByText('0 dari 2 kartu diserahkan')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Cari nama atau NIK' }), 'sit');
    await user.click(screen.getByRole('button', { name: /SITI AMINAH/ }));
    const panel = screen.getByRole('region', { name: 'SITI AMINAH' });
    expect(panel.textContent).toContain('25012345678');
    expect(panel.textContent).not.toContain(siti.nik);

    await user.click(within(panel).getByRole('radio', { name: 'Wakil (keluarga)' }));
    await user.click(within(panel).getByRole('button', { name: 'Serahkan kartu' }));
    expect(within(panel).getByText('Wajib diisi.')).toBeTruthy(); // the representative's name
    await user.type(within(panel).getByRole('textbox', { name: 'Nama wakil (sesuai KTP)' }), 'Ujang Sopandi');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Hubungan dengan peserta' }), 'suami');
    await user.click(within(panel).getByRole('button', { name: 'Serahkan kartu' }));
    // Nothing is written before the desk confirms who takes which card.
    expect(await db.outbox.count()).toBe(0);
    expect(within(panel).getByRole('group', { name: /^Serahkan kartu SITI AMINAH/ }).textContent).toContain(
      'Serahkan kartu SITI AMINAH (lahir 12 Maret 1985) kepada wakil: UJANG SOPANDI (suami)?',
    );
    await user.click(within(panel).getByRole('button', { name: 'Ya, serahkan' }));

    expect((await within(panel).findByRole('status')).textContent).toMatch(/^Tercatat: kartu diserahkan .*kepada wakil: UJANG SOPANDI \(suami\), oleh HP Meja 1\.$/);
    expect(onQueued).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('1 dari 2 kartu diserahkan')).toBeTruthy();
    const outbox = await db.outbox.toArray();
    expect(outbox.map((r) => r.op)).toMatchObject([{ type: 'card.handover', registrationId: siti.id, eventId: EVENT_ID }]);

    // Coming back to the same worker: no second handover, and the first one named.
    await user.click(within(panel).getByRole('button', { name: 'Tutup' }));
    await user.click(screen.getByRole('button', { name: /SITI AMINAH/ }));
    const again = screen.getByRole('region', { name: 'SITI AMINAH' });
    expect(within(again).queryByRole('button', { name: 'Serahkan kartu' })).toBeNull();
    const mark = await db.handovers.get(siti.id);
    const when = makeFormat('id').time(mark?.handedAt ?? '');
    expect(within(again).getByRole('alert').textContent).toBe(
      `Kartu ini sudah diserahkan di HP ini: ${when}, kepada wakil: UJANG SOPANDI (suami), oleh HP Meja 1. Tidak dapat diserahkan lagi. (Belum terkirim ke server.)`,
    );
  });

  it('tells two workers of the same name apart by birth date and address', async () => {
    const db = await withEvent([
      serverRegistration({ fullName: 'SITI NURJANAH', birthDate: '1980-01-05', address: 'Kp. Cikadu', rt: '001', rw: '002' }),
      serverRegistration({ fullName: 'SITI NURJANAH', birthDate: '1992-07-21', address: 'Kp. Babakan', rt: '004', rw: '001' }),
    ]);
    renderId(<DistributionScreen db={db} fetchFn={fakeServer({}).fetchFn} onQueued={() => undefined} />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Cari nama atau NIK' }), 'siti nur');
    const results = await screen.findAllByRole('button', { name: /SITI NURJANAH/ });
    const texts = results.map((b) => b.textContent ?? '');
    expect(texts.some((x) => x.includes('Lahir 5 Januari 1980 · Kp. Cikadu, RT 001/RW 002'))).toBe(true);
    expect(texts.some((x) => x.includes('Lahir 21 Juli 1992 · Kp. Babakan, RT 004/RW 001'))).toBe(true);
    await user.click(results.find((b) => b.textContent?.includes('1992')) as HTMLElement);
    expect(screen.getByRole('region', { name: 'SITI NURJANAH' }).textContent).toContain('21 Juli 1992');
  });

  it('undoes a handover while it is unsent, and refuses once it has been sent', async () => {
    const siti = serverRegistration({ fullName: 'SITI AMINAH' });
    const db = await withEvent([siti]);
    renderId(<DistributionScreen db={db} fetchFn={fakeServer({}).fetchFn} onQueued={() => undefined} />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Cari nama atau NIK' }), 'siti');
    await user.click(screen.getByRole('button', { name: /SITI AMINAH/ }));
    const panel = screen.getByRole('region', { name: 'SITI AMINAH' });
    await user.click(within(panel).getByRole('button', { name: 'Serahkan kartu' }));
    await user.click(within(panel).getByRole('button', { name: 'Ya, serahkan' }));
    expect(await screen.findByText('1 dari 1 kartu diserahkan')).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Batalkan penyerahan ini' }));
    expect(await screen.findByText('0 dari 1 kartu diserahkan')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.handovers.count()).toBe(0);

    // Handed over again, then pushed once (its answer lost): the server may hold it now.
    await user.click(within(panel).getByRole('button', { name: 'Serahkan kartu' }));
    await user.click(within(panel).getByRole('button', { name: 'Ya, serahkan' }));
    await screen.findByText('1 dari 1 kartu diserahkan');
    const row = await db.outbox.toCollection().first();
    await db.outbox.update(row?.seq as number, { attempts: 1 });
    await user.click(within(panel).getByRole('button', { name: 'Batalkan penyerahan ini' }));
    expect(await within(panel).findByText(/sudah terkirim ke server dan tidak dapat dibatalkan/)).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
  });

  it('shows a handover the server refused because another phone was first', async () => {
    const siti = serverRegistration({ fullName: 'SITI AMINAH' });
    const db = await withEvent([siti]);
    await recordHandover(db, { registrationId: siti.id, receiver: { kind: 'self' }, eventId: EVENT_ID });
    renderId(<DistributionScreen db={db} fetchFn={fakeServer({}).fetchFn} onQueued={() => undefined} />);
    expect(await screen.findByText('1 dari 1 kartu diserahkan')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Perlu perhatian/ })).toBeNull();

    // What the sync engine stores when the push answer is `already-handed-over`.
    const row = await db.outbox.where('registrationId').equals(siti.id).first();
    await db.outbox.update(row?.seq as number, { state: 'rejected' });
    await db.registrations.update(siti.id, {
      status: 'rejected',
      rejection: {
        opId: row?.opId as string, code: 'already-handed-over', message: 'already handed over', at: new Date().toISOString(),
        details: { handedAt: '2025-03-10T02:00:00.000Z', receiver: { kind: 'self' }, eventId: EVENT_ID, operator: 'Operator Meja 2', deviceId: crypto.randomUUID() },
      },
    });

    const alert = await screen.findByRole('alert');
    const other = makeFormat('id').time('2025-03-10T02:00:00.000Z');
    expect(alert.textContent).toContain('Perlu perhatian (1)');
    expect(alert.textContent).toContain(`Kartu sudah diserahkan lebih dulu oleh HP lain (${other}, kepada peserta sendiri, oleh Operator Meja 2)`);
    expect(alert.textContent).toContain('Penyerahan dari HP ini');
    await waitFor(() => expect(screen.getByText('1 dari 1 kartu diserahkan')).toBeTruthy());
  });

  it('prints a receipt list per village: masked NIKs, KPJ, a QR code per row naming the registration', async () => {
    const siti = serverRegistration({ fullName: 'SITI AMINAH', kpjNumber: '25012345678' });
    const budi = serverRegistration({ fullName: 'BUDI' });
    const db = await withEvent([siti, budi, serverRegistration({ fullName: 'CICIH', status: 'waitlisted' })]);
    renderId(<DistributionScreen db={db} fetchFn={fakeServer({}).fetchFn} onQueued={() => undefined} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Daftar tanda terima ${VILLAGE}` }));

    const list = await screen.findByRole('article', { name: 'Tanda Terima Kartu Peserta BPJS Ketenagakerjaan' });
    expect(list.classList.contains('printable')).toBe(true);
    await within(list).findByRole('rowheader', { name: 'SITI AMINAH' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['BUDI', 'SITI AMINAH']);
    expect(rows[1]?.textContent).toContain('25012345678');
    expect(list.textContent).not.toContain(siti.nik);
    const qr = await within(rows[1] as HTMLElement).findByRole('img', { name: 'QR peserta SITI AMINAH' });
    expect(qr.getAttribute('data-qr')).toBe(`desa100:reg:${siti.id}`);
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(within(list).getByRole('columnheader', { name: 'Tanda tangan / cap jempol' })).toBeTruthy();
  });
});
