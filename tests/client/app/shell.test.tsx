import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/client/app/app';
import { appDb, readLocaleMirror, readStartupState } from '../../../src/client/db/app-state';
import { searchKeys } from '../../../src/client/db/registration-keys';
import { makeRegistration, VILLAGE } from '../db/helpers';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = 'id';
});

afterEach(async () => {
  localStorage.clear();
  await Promise.all([appDb().meta.clear(), appDb().outbox.clear(), appDb().registrations.clear()]);
});

async function navLabels(): Promise<string[]> {
  const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
  // The menu settles once IndexedDB has answered who this phone is.
  await waitFor(() => expect(within(nav).getByRole('link', { name: 'Pengaturan' })).toBeTruthy());
  return within(nav).getAllByRole('link').map((a) => a.textContent ?? '');
}

/** An accepted registration of the operator's village, as a pull leaves it. */
async function putAccepted(): Promise<void> {
  const data = makeRegistration();
  await appDb().registrations.put({
    id: data.id, villageCode: data.villageCode, ...searchKeys(data), status: 'accepted', data, server: null,
    rejection: null, origin: 'pulled', createdAt: data.capturedAt, updatedAt: data.capturedAt,
  });
}

describe('app shell', () => {
  it('renders home in Indonesian with the big enrol action and the bottom navigation', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: '1 Desa 100 Perlindungan' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Daftarkan pekerja' }).getAttribute('href')).toBe('/daftar');
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Beranda', 'Daftar', 'Peserta', 'Pengaturan']);
    expect(within(nav).getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('Semua data sudah terkirim.')).toBeTruthy();
  });

  it('switches to English, updates <html lang> and remembers the choice in meta', async () => {
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(await screen.findByRole('heading', { level: 1, name: '1 Village 100 Protections' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect((await readStartupState(appDb())).locale).toBe('en'));
  });

  it('takes the language saved in IndexedDB when the first frame used another', async () => {
    await appDb().meta.put({ key: 'locale', value: 'en' });
    render(<App initialLocale="id" />);
    expect(await screen.findByRole('link', { name: 'Enrol a worker' })).toBeTruthy();
    expect(readLocaleMirror()).toBe('en');
  });

  it('starts in the saved language', async () => {
    render(<App initialLocale="en" />);
    expect(await screen.findByRole('link', { name: 'Enrol a worker' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the unsynced count and the oldest capture time at home', async () => {
    const at = new Date();
    at.setHours(8, 14, 0, 0);
    await appDb().outbox.bulkAdd([1, 2, 3].map((n) => ({
      opId: `00000000-0000-4000-8000-00000000000${n}`,
      registrationId: `r${n}`,
      op: { opId: `00000000-0000-4000-8000-00000000000${n}`, type: 'registration.void', id: `r${n}`, reason: 'x' },
      state: 'queued' as const,
      createdAt: new Date(at.getTime() + (n - 1) * 60_000).toISOString(),
      attempts: 0,
      lastAttemptAt: null,
    })));
    render(<App />);
    expect(await screen.findByText('3 data belum terkirim sejak 08.14')).toBeTruthy();
  });

  it('moves between screens with the bottom navigation, loading lazy screens', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Pengaturan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaturan' })).toBeTruthy();
    expect(window.location.pathname).toBe('/pengaturan');
    expect(document.activeElement?.id).toBe('content'); // focus follows the new screen
    await userEvent.click(within(nav).getByRole('link', { name: 'Beranda' }));
    expect(await screen.findByRole('heading', { level: 1, name: '1 Desa 100 Perlindungan' })).toBeTruthy();
  });

  it('offers the card-handover desk to a coordinator phone, and from it a way back home', async () => {
    await appDb().meta.bulkPut([{ key: 'role', value: 'coordinator' }, { key: 'scope', value: '32.14' }]);
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    const desk = await within(nav).findByRole('link', { name: 'Kartu' });
    expect(desk.getAttribute('href')).toBe('/penyerahan');
    // No enrol item: the server takes no registration from a coordinator's phone.
    expect(await navLabels()).toEqual(['Beranda', 'Peserta', 'Koordinator', 'Kartu', 'Pengaturan']);
    expect(screen.getByRole('link', { name: 'Buka papan koordinator' }).getAttribute('href')).toBe('/koordinator');
    await userEvent.click(desk);
    expect(await screen.findByRole('heading', { level: 1, name: 'Penyerahan kartu' })).toBeTruthy();
    expect(desk.getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(nav).getByRole('link', { name: 'Beranda' }));
    expect(window.location.pathname).toBe('/');
  });

  it('offers the desk to an operator only once the village has an accepted registration', async () => {
    await appDb().meta.bulkPut([{ key: 'role', value: 'operator' }, { key: 'scope', value: VILLAGE }]);
    render(<App />);
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Navigasi utama' }).textContent).toContain('Pengaturan'));
    expect(await navLabels()).not.toContain('Kartu');
    await putAccepted();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await within(nav).findByRole('link', { name: 'Kartu' }, { timeout: 3000 })).toBeTruthy();
  });

  it('answers an unknown address with a way home', async () => {
    window.history.replaceState(null, '', '/tidak-ada');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Ke beranda' })[0]?.getAttribute('href')).toBe('/');
  });
});
