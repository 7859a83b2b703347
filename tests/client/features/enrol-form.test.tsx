import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, saveNewRegistration, setMeta } from '../../../src/client/db';
import { EnrolScreen, hasUnsavedInput } from '../../../src/client/features/enrol';
import { makeRegistration, VILLAGE } from '../db/helpers';
import { byName, describedText, freshPhone, renderScreen } from './support';

const NIK = '3214165203850017'; // woman, born 12 March 1985, serial 0017

beforeEach(async () => {
  await freshPhone();
  await setMeta(db, 'villageCode', VILLAGE);
});

/** The screen with the default village's list loaded (its name shows). */
async function openForm(registrationId?: string) {
  const view = renderScreen(<EnrolScreen registrationId={registrationId} />);
  if (registrationId) {
    await screen.findByText(/^Tanjungsari, Pondoksalam/);
  } else {
    // A CSS query, not a role query: computing every option's accessible name is slow in jsdom.
    await waitFor(() => {
      const option = view.container.querySelector(`[name="villageCode"] option[value="${VILLAGE}"]`);
      expect(option?.textContent).toBe('Tanjungsari');
    });
  }
  return view;
}

async function fillRequired(container: HTMLElement, user: ReturnType<typeof userEvent.setup>) {
  await user.type(byName(container, 'nik'), NIK);
  await user.type(byName(container, 'fullName'), 'Siti Aminah');
  await user.type(byName(container, 'address'), 'Kp. Cikadu');
  await user.type(byName(container, 'rt'), '3');
  await user.type(byName(container, 'rw'), '12');
  await user.selectOptions(byName<HTMLSelectElement>(container, 'occupation'), 'pedagang');
  await user.selectOptions(byName<HTMLSelectElement>(container, 'fundingSource'), 'apbd-kabupaten');
  fireEvent.change(byName(container, 'coverageStart'), { target: { value: '2025-03' } });
  fireEvent.change(byName(container, 'coverageEnd'), { target: { value: '2025-12' } });
  await user.click(byName(container, 'consent'));
}

describe('EnrolScreen: a new registration', () => {
  it('saves a worker filled in by wire field names, with its create op, and starts a fresh form', async () => {
    const user = userEvent.setup();
    const { container } = await openForm();
    expect(byName<HTMLSelectElement>(container, 'villageCode').value).toBe(VILLAGE);
    expect(byName(container, 'monthlyIncome').value).toBe('1.000.000');
    await fillRequired(container, user);
    // NIK pre-fill: birth date and sex come from the NIK, the date spelled out day first.
    expect(byName(container, 'birthDate').value).toBe('1985-03-12');
    expect(screen.getByTestId('birth-date-written').textContent).toBe('Tertulis: 12 Maret 1985');
    expect(container.querySelector<HTMLInputElement>('[name="sex"][value="P"]')?.checked).toBe(true);
    const income = byName(container, 'monthlyIncome');
    await user.clear(income);
    await user.type(income, '1500000');
    expect(income.value).toBe('1.500.000');
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));

    expect(await screen.findByText(/Tersimpan: SITI AMINAH/)).toBeTruthy();
    const rows = await db.registrations.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', nameKey: 'siti aminah', villageCode: VILLAGE });
    expect(rows[0]?.data).toMatchObject({
      nik: NIK, fullName: 'SITI AMINAH', birthDate: '1985-03-12', sex: 'P', rt: '003', rw: '012',
      occupation: 'pedagang', monthlyIncome: 1_500_000, fundingSource: 'apbd-kabupaten',
      coverageStart: '2025-03', coverageEnd: '2025-12', consent: { noticeVersion: '2025-01' },
    });
    expect(rows[0]?.data).not.toHaveProperty('phone');
    const ops = await db.outbox.toArray();
    expect(ops.map((o) => o.op.type)).toEqual(['registration.create']);
    expect(await db.drafts.count()).toBe(0);
    // The next form is empty but keeps the village, funding and period.
    await waitFor(() => expect(byName(container, 'nik').value).toBe(''));
    expect(byName<HTMLSelectElement>(container, 'fundingSource').value).toBe('apbd-kabupaten');
    expect(byName(container, 'coverageStart').value).toBe('2025-03');
  });

  it('shows what is wrong next to each field, in Indonesian, and saves nothing', async () => {
    const user = userEvent.setup();
    const { container } = await openForm();
    await user.type(byName(container, 'nik'), '3214 1652');
    await user.type(byName(container, 'rt'), '12a');
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    expect(await screen.findByText(/Belum tersimpan: \d+ isian perlu diperbaiki/)).toBeTruthy();
    expect(describedText(byName(container, 'nik'))).toContain('NIK harus 16 angka.');
    expect(byName(container, 'nik').getAttribute('aria-invalid')).toBe('true');
    expect(describedText(byName(container, 'fullName'))).toContain('Wajib diisi.');
    expect(describedText(byName(container, 'rt'))).toContain('RT/RW 1–3 angka.');
    // An empty RT says "required" in words, never a schema's English.
    expect(describedText(byName(container, 'rw'))).toBe('Wajib diisi.');
    expect(describedText(byName(container, 'consent'))).toContain('Persetujuan pekerja wajib');
    expect(await db.registrations.count()).toBe(0);
  });

  it('shows every error in one submit: cross-field rules too, while other fields are still wrong', async () => {
    const user = userEvent.setup();
    const { container } = await openForm();
    await user.type(byName(container, 'nik'), NIK);
    // Too old for the programme, and not the NIK's birth date; the name is left empty.
    fireEvent.change(byName(container, 'birthDate'), { target: { value: '1940-03-12' } });
    fireEvent.change(byName(container, 'coverageStart'), { target: { value: '2025-06' } });
    fireEvent.change(byName(container, 'coverageEnd'), { target: { value: '2025-03' } });
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    await waitFor(() => expect(describedText(byName(container, 'fullName'))).toContain('Wajib diisi.'));
    expect(describedText(byName(container, 'birthDate'))).toContain('Usia di luar rentang program');
    expect(describedText(byName(container, 'coverageEnd'))).toContain('Bulan selesai tidak boleh sebelum bulan mulai.');
    expect(describedText(byName(container, 'nikMismatchConfirmed'))).toContain('Centang konfirmasi ini');
  });

  it('asks for a confirmation, not a correction, when birth date or sex differ from the NIK', async () => {
    const user = userEvent.setup();
    const { container } = await openForm();
    await fillRequired(container, user);
    fireEvent.change(byName(container, 'birthDate'), { target: { value: '1985-03-13' } });
    expect(await screen.findByText(/menurut NIK, tanggal lahir 12 Maret 1985/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    const confirm = byName(container, 'nikMismatchConfirmed');
    await waitFor(() => expect(describedText(confirm)).toContain('Centang konfirmasi ini'));
    expect(await db.registrations.count()).toBe(0);
    await user.click(confirm);
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    await screen.findByText(/Tersimpan: SITI AMINAH/);
    expect((await db.registrations.toArray())[0]?.data.birthDate).toBe('1985-03-13');
  });

  it('refuses a NIK already live on this phone, with a link to the existing record', async () => {
    const user = userEvent.setup();
    const existing = makeRegistration({ nik: NIK, fullName: 'Siti Lama', sex: 'P', birthDate: '1985-03-12' });
    await saveNewRegistration(db, existing);
    await db.registrations.update(existing.id, { origin: 'pulled', status: 'accepted' });
    const { container } = await openForm();
    await fillRequired(container, user);
    const link = await screen.findByRole('link', { name: 'Buka data yang sudah ada' });
    expect(link.getAttribute('href')).toBe(`/peserta/${existing.id}`);
    expect(screen.getByText(/sudah terdaftar di ponsel ini: SITI LAMA \(Diterima\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    await waitFor(() => expect(describedText(byName(container, 'nik'))).toContain('NIK sudah terdaftar.'));
    expect(await db.registrations.count()).toBe(1);
  });

  it('before any sync, calls a full quota what it is: the default, not the village’s', async () => {
    for (let i = 0; i < 100; i++) await saveNewRegistration(db, makeRegistration());
    await openForm();
    expect(await screen.findByText(/^Menurut kuota bawaan \(100\), desa ini sudah penuh \(100\)/)).toBeTruthy();
    expect(screen.queryByText(/Kuota desa ini sudah penuh/)).toBeNull();
  });

  it('warns before capturing past a full quota, and still saves', async () => {
    const user = userEvent.setup();
    await db.quotas.put({ villageCode: VILLAGE, quota: 2, accepted: 2, waitlisted: 0, syncedAt: '2025-03-01T00:00:00.000Z' });
    const { container } = await openForm();
    expect(await screen.findByText(/Kuota desa ini sudah penuh \(2 dari 2\)/)).toBeTruthy();
    await fillRequired(container, user);
    await user.click(screen.getByRole('button', { name: 'Simpan pendaftaran' }));
    await screen.findByText(/Tersimpan: SITI AMINAH/);
    expect(await db.registrations.count()).toBe(1);
  });
});

describe('EnrolScreen: drafts', () => {
  it('keeps what was typed across a remount, and reports unsaved input meanwhile', async () => {
    const user = userEvent.setup();
    const first = await openForm();
    await user.type(byName(first.container, 'fullName'), 'Budi');
    expect(hasUnsavedInput()).toBe(true);
    await waitFor(async () => expect((await db.drafts.get('new'))?.values).toMatchObject({ fullName: 'Budi' }));
    first.unmount();
    expect(hasUnsavedInput()).toBe(false);

    const second = await openForm();
    expect(byName(second.container, 'fullName').value).toBe('Budi');
    expect(screen.getByText(/Isian yang belum selesai dipulihkan/)).toBeTruthy();
    expect(hasUnsavedInput()).toBe(true);
  });

  it('discards a draft only after a confirmation', async () => {
    const user = userEvent.setup();
    const { container } = await openForm();
    await user.type(byName(container, 'address'), 'Jl. Sementara');
    await user.click(screen.getByRole('button', { name: 'Buang isian' }));
    expect(byName(container, 'address').value).toBe('Jl. Sementara');
    await user.click(screen.getByRole('button', { name: 'Ya, buang isian' }));
    await waitFor(() => expect(byName(container, 'address').value).toBe(''));
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
    expect(hasUnsavedInput()).toBe(false);
  });
});

describe('EnrolScreen: the village picker', () => {
  it('offers province, regency, district and village from the real list when no village is set', async () => {
    await db.meta.delete('villageCode');
    const user = userEvent.setup();
    const { container } = renderScreen(<EnrolScreen />);
    const province = await screen.findByLabelText('Provinsi');
    await screen.findByRole('option', { name: 'Jawa Barat' });
    await user.selectOptions(province, '32');
    await user.selectOptions(screen.getByLabelText('Kabupaten/Kota'), '32.14');
    await screen.findByRole('option', { name: 'Pondoksalam' });
    await user.selectOptions(screen.getByLabelText('Kecamatan'), '32.14.16');
    await user.selectOptions(byName<HTMLSelectElement>(container, 'villageCode'), '32.14.16.2005');
    expect(byName<HTMLSelectElement>(container, 'villageCode').value).toBe('32.14.16.2005');
    // Kept for offline use.
    expect((await db.places.get('32.14'))?.name).toBe('Kabupaten Purwakarta');
  });
});

describe('EnrolScreen: editing', () => {
  it('edits a pending record in place and goes to its detail', async () => {
    const user = userEvent.setup();
    const reg = makeRegistration();
    await saveNewRegistration(db, reg);
    const [before] = await db.outbox.toArray();
    const { container } = await openForm(reg.id);
    expect(byName(container, 'fullName').value).toBe(reg.fullName);
    expect(byName(container, 'villageCode').hasAttribute('readonly')).toBe(true);
    const address = byName(container, 'address');
    await user.clear(address);
    await user.type(address, 'Jl. Baru');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/peserta/${reg.id}`));
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]?.opId).toBe(before?.opId);
    expect(ops[0]?.op).toMatchObject({ registration: { address: 'Jl. Baru' } });
    expect(await db.drafts.count()).toBe(0);
  });
});
