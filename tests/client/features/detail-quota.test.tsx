import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, saveEditedRegistration, saveNewRegistration, type Rejection } from '../../../src/client/db';
import { QuotaMeter } from '../../../src/client/features/quota';
import { RegistrationDetail } from '../../../src/client/features/roster';
import type { RegencyPlaces } from '../../../src/shared/places/codes';
import type { ServerRegistration } from '../../../src/shared/protocol';
import type { Registration } from '../../../src/shared/registration';
import { makeRegistration, VILLAGE } from '../db/helpers';
import { placesFixture } from '../fixtures/places';
import { freshPhone, renderScreen } from './support';

beforeEach(freshPhone);

function rejection(code: Rejection['code'], details: unknown): Rejection {
  return { opId: crypto.randomUUID(), code, message: code, details, at: '2025-03-02T00:00:00.000Z' };
}

/** What sync leaves when the server refuses the record's last op. */
async function refuse(reg: Registration, r: Rejection): Promise<void> {
  const ops = await db.outbox.where('registrationId').equals(reg.id).sortBy('seq');
  const last = ops.at(-1);
  if (last) await db.outbox.update(last.seq as number, { state: 'rejected', attempts: 1 });
  await db.registrations.update(reg.id, { status: 'rejected', rejection: r });
}

describe('RegistrationDetail', () => {
  it('shows a refused create in words, offers correct-and-resend, and discards only on confirmation', async () => {
    const user = userEvent.setup();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    await refuse(reg, rejection('invalid', { fields: { rt: 'rt-rw', 'heir.name': 'required' } }));
    window.history.replaceState(null, '', `/peserta/${reg.id}`);
    renderScreen(<RegistrationDetail id={reg.id} />);
    expect(await screen.findByText('Isian tidak valid — RT: RT/RW 1–3 angka. Nama ahli waris: Wajib diisi.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Perbaiki dan kirim ulang' }).getAttribute('href')).toBe(`/daftar/${reg.id}`);
    await user.click(screen.getByRole('button', { name: 'Buang' }));
    expect(screen.getByText(/Server belum pernah menerimanya/)).toBeTruthy();
    expect(await db.registrations.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Ya, buang' }));
    await waitFor(() => expect(window.location.pathname).toBe('/peserta'));
    expect(await db.registrations.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reverts a refused change of an accepted record to the server copy', async () => {
    const user = userEvent.setup();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const server: ServerRegistration = {
      ...reg, status: 'accepted', version: 1, receivedAt: '2025-03-02T01:00:00.000Z',
      updatedAt: '2025-03-02T01:00:00.000Z', kpjNumber: '25012345678', card: null, seq: 4,
    };
    await db.outbox.clear();
    await db.registrations.update(reg.id, { status: 'accepted', server });
    await saveEditedRegistration(db, { ...reg, address: 'Alamat Salah' });
    await refuse(reg, rejection('version-conflict', server));
    renderScreen(<RegistrationDetail id={reg.id} />);
    expect(await screen.findByText(/sudah diubah di tempat lain/)).toBeTruthy();
    // The server's version number means nothing to an operator: when it last changed does.
    expect(screen.queryByText('Versi')).toBeNull();
    expect(screen.getByText('Terakhir diubah di server')).toBeTruthy();
    expect(screen.getByText('25012345678')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Buang' }));
    await user.click(screen.getByRole('button', { name: 'Ya, buang' }));
    expect(await screen.findByText(/Perubahan dibuang/)).toBeTruthy();
    const row = await db.registrations.get(reg.id);
    expect(row).toMatchObject({ status: 'accepted', rejection: null });
    expect(row?.data.address).toBe(reg.address);
  });

  it('shows a card another phone handed over first as a handover conflict, not a refused worker; "Mengerti" closes it', async () => {
    const user = userEvent.setup();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const server: ServerRegistration = {
      ...reg, status: 'accepted', version: 2, receivedAt: '2025-03-02T01:00:00.000Z',
      updatedAt: '2025-03-03T01:00:00.000Z', kpjNumber: null, seq: 9,
      card: { handedAt: '2025-03-03T01:00:00.000Z', receiver: { kind: 'self' }, eventId: null, operator: 'HP Lain', deviceId: null },
    };
    await db.outbox.clear();
    const opId = crypto.randomUUID();
    await db.outbox.add({
      opId, registrationId: reg.id, state: 'rejected', createdAt: '2025-03-03T02:00:00.000Z', attempts: 1, lastAttemptAt: null,
      op: { opId, type: 'card.handover', registrationId: reg.id, handedAt: '2025-03-03T02:00:00.000Z', receiver: { kind: 'self' }, eventId: undefined },
    });
    // What sync stores for an `already-handed-over` answer: the worker keeps the server's status.
    await db.registrations.update(reg.id, { status: 'accepted', server, rejection: { ...rejection('already-handed-over', server.card), opId } });
    renderScreen(<RegistrationDetail id={reg.id} />);
    const section = await screen.findByRole('region', { name: 'Penyerahan kartu dari HP ini ditolak' });
    expect(section.textContent).toContain('Kartu sudah diserahkan lebih dulu oleh HP lain');
    expect(section.textContent).toContain('kepada peserta sendiri, oleh HP Lain');
    expect(screen.getByText('Diterima')).toBeTruthy();
    expect(screen.queryByText('Ditolak server')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Buang' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kirim ulang' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Mengerti, tutup' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Penyerahan kartu dari HP ini ditolak' })).toBeNull());
    expect(await db.outbox.count()).toBe(0);
    expect(await db.registrations.get(reg.id)).toMatchObject({ status: 'accepted', rejection: null });
  });

  it('writes the birth date and the coverage months out, day first', async () => {
    const reg = makeRegistration({ birthDate: '1985-03-12', coverageStart: '2025-03', coverageEnd: '2025-12' });
    await saveNewRegistration(db, reg);
    const view = renderScreen(<RegistrationDetail id={reg.id} />);
    await screen.findByText('12 Maret 1985');
    expect(view.container.textContent).toContain('Maret 2025 s.d. Desember 2025');
    // The consent's notice version is said as such, never a bare "Versi".
    expect(view.container.textContent).toMatch(/Disetujui .* \(pemberitahuan versi 2025-01\)/);
  });

  it('shows why and when a record was voided', async () => {
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const server: ServerRegistration = {
      ...reg, status: 'voided', version: 2, receivedAt: '2025-03-02T01:00:00.000Z',
      updatedAt: '2025-03-05T03:30:00.000Z', kpjNumber: null, card: null, seq: 9, voidReason: 'Pindah ke desa lain',
    };
    await db.outbox.clear();
    await db.registrations.update(reg.id, { status: 'voided', server });
    renderScreen(<RegistrationDetail id={reg.id} />);
    const section = await screen.findByRole('region', { name: /^Dibatalkan 5 Mar 2025/ });
    expect(section.textContent).toContain('Alasan: Pindah ke desa lain');
  });

  it('offers editing a pending record, with the full NIK and the village name', async () => {
    const places = placesFixture('/places/32.14.json') as RegencyPlaces;
    await db.places.put({ ...places, cachedAt: '2025-03-01T00:00:00.000Z' });
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    renderScreen(<RegistrationDetail id={reg.id} />);
    expect(await screen.findByRole('link', { name: 'Ubah data' })).toBeTruthy();
    expect(screen.getByText(reg.nik)).toBeTruthy();
    expect(await screen.findByText(/Tanjungsari, Pondoksalam, Kabupaten Purwakarta/)).toBeTruthy();
    expect(screen.getByText('Menunggu kirim')).toBeTruthy();
  });
});

describe('QuotaMeter', () => {
  it('counts pending records of the village on top of the default quota before any sync', async () => {
    for (let i = 0; i < 3; i++) await saveNewRegistration(db, makeRegistration());
    await saveNewRegistration(db, makeRegistration({ villageCode: '32.14.01.1001' }));
    renderScreen(<QuotaMeter villageCode={VILLAGE} />);
    expect(await screen.findByText('3 dari 100 terpakai (kuota bawaan sampai sinkron pertama)')).toBeTruthy();
    expect(screen.getByText(/Belum pernah sinkron: memakai kuota bawaan 100/)).toBeTruthy();
    expect(screen.queryByText(/Kuota penuh/)).toBeNull();
  });

  it('says on the form’s one-line meter that the quota is the default until the first sync', async () => {
    await saveNewRegistration(db, makeRegistration());
    renderScreen(<QuotaMeter villageCode={VILLAGE} compact />);
    expect((await screen.findByTestId('quota-used')).textContent).toBe('1 dari 100 terpakai (kuota bawaan sampai sinkron pertama)');
  });

  it('after a sync that listed no quota for the village, the default is the server’s word', async () => {
    await db.meta.put({ key: 'lastSyncAt', value: new Date().toISOString() });
    renderScreen(<QuotaMeter villageCode={VILLAGE} />);
    expect((await screen.findByTestId('quota-used')).textContent).toBe('0 dari 100 terpakai');
    expect(screen.getByText(/^Sinkron terakhir/)).toBeTruthy();
  });

  it('adds the last sync, warns when full, and follows new saves', async () => {
    await db.quotas.put({ villageCode: VILLAGE, quota: 3, accepted: 2, waitlisted: 1, syncedAt: new Date().toISOString() });
    renderScreen(<QuotaMeter villageCode={VILLAGE} />);
    expect(await screen.findByText('2 dari 3 terpakai')).toBeTruthy();
    expect(screen.queryByText(/Kuota penuh/)).toBeNull();
    await saveNewRegistration(db, makeRegistration());
    expect(await screen.findByText('3 dari 3 terpakai')).toBeTruthy();
    expect(screen.getByText(/Kuota penuh/)).toBeTruthy();
    const figures = screen.getByRole('region', { name: 'Kuota desa' }).querySelectorAll('dd');
    expect([...figures].map((dd) => dd.textContent)).toEqual(['2', '1', '1', '0']);
  });
});
