import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appDb, clearAllLocalData, readVillageSetting } from '../../../src/client/db/app-state';
import { openDb } from '../../../src/client/db';
import { setMeta } from '../../../src/client/db/meta';
import { resetPlaceIndex } from '../../../src/client/db/places';
import { SettingsScreen } from '../../../src/client/features/settings';
import { normaliseVillageCode } from '../../../src/client/features/settings/village-setting';
import { I18nProvider } from '../../../src/client/i18n';
import { fetchPlacesFixture } from '../fixtures/places';

function renderSettings() {
  render(<I18nProvider><SettingsScreen /></I18nProvider>);
}

const queuedOp = {
  opId: '00000000-0000-4000-8000-0000000000aa',
  registrationId: 'r1',
  op: { opId: '00000000-0000-4000-8000-0000000000aa', type: 'registration.void' as const, id: 'r1', reason: 'x' },
  state: 'queued' as const,
  createdAt: new Date().toISOString(),
  attempts: 0,
  lastAttemptAt: null,
};

beforeEach(() => {
  vi.stubGlobal('fetch', fetchPlacesFixture);
  resetPlaceIndex();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all([appDb().meta.clear(), appDb().outbox.clear(), appDb().places.clear()]);
});

describe('village setting', () => {
  it('normalises codes typed without dots', () => {
    expect(normaliseVillageCode(' 3214162005 ')).toBe('32.14.16.2005');
    expect(normaliseVillageCode('32.14.16.2005')).toBe('32.14.16.2005');
    expect(normaliseVillageCode('32.14')).toBe('32.14');
  });

  it('rejects a malformed code and one that is not in the Kemendagri list', async () => {
    renderSettings();
    const input = await screen.findByLabelText('Kode desa Kemendagri');
    await userEvent.type(input, '32.14.16');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan desa' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Kode desa tidak valid.');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(input);
    await userEvent.type(input, '32.14.16.2999');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan desa' }));
    expect((await screen.findByRole('alert')).textContent).toContain('tidak ada dalam daftar');
    expect((await readVillageSetting(appDb())).villageCode).toBeNull();
  });

  it('saves a real village and shows its name', async () => {
    renderSettings();
    await userEvent.type(await screen.findByLabelText('Kode desa Kemendagri'), '3214162005');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan desa' }));
    expect(await screen.findByText('Desa disimpan.')).toBeTruthy();
    expect((await readVillageSetting(appDb())).villageCode).toBe('32.14.16.2005');
    expect((await screen.findByTestId('village-name')).textContent).toMatch(/^Tanjungsari, Kec\. Pondoksalam, Kabupaten Purwakarta$/);
  });

  it('is read-only when enrolment fixed the village', async () => {
    await setMeta(appDb(), 'role', 'operator');
    await setMeta(appDb(), 'scope', '32.14.16.2005');
    renderSettings();
    expect((await screen.findByTestId('village-locked')).textContent).toContain('32.14.16.2005');
    expect(screen.queryByLabelText('Kode desa Kemendagri')).toBeNull();
  });
});

describe('clear all local data', () => {
  it('refuses and explains while anything is unsent', async () => {
    await appDb().outbox.add(queuedOp);
    renderSettings();
    expect((await screen.findByTestId('clear-blocked')).textContent).toContain('1 data belum terkirim');
    expect(screen.queryByLabelText(/Ketik HAPUS/)).toBeNull();
  });

  it('needs the confirmation word typed exactly', async () => {
    renderSettings();
    const input = await screen.findByLabelText('Ketik HAPUS untuk memastikan');
    const button = screen.getByRole('button', { name: 'Hapus semua data' });
    expect(button).toHaveProperty('disabled', true);
    await userEvent.type(input, 'hapu');
    await userEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toContain('HAPUS');
  });

  it('deletes the database only when nothing would be lost', async () => {
    const name = `settings-${crypto.randomUUID()}`;
    const db = openDb(name);
    await db.outbox.add(queuedOp);
    expect(await clearAllLocalData(db)).toEqual({ ok: false, reason: 'unsynced', unsynced: 1 });
    expect(await db.outbox.count()).toBe(1);

    await db.outbox.clear();
    await setMeta(db, 'deviceName', 'HP Desa');
    expect(await clearAllLocalData(db)).toEqual({ ok: true });
    expect(await openDb(name).meta.count()).toBe(0);
  });
});

describe('storage and about', () => {
  it('shows the version and the place-data licence', async () => {
    renderSettings();
    expect((await screen.findByTestId('app-version')).textContent).toMatch(/^Desa100 versi \d+\.\d+\.\d+/);
    expect(screen.getByText(/ODbL-1\.0/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Daftarkan ponsel ini' }).getAttribute('href')).toBe('/enrol');
  });
});
