import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import type { Desa100Db } from '../../../src/client/db/schema';
import { EnrolDeviceScreen } from '../../../src/client/features/device';
import { I18nProvider } from '../../../src/client/i18n';
import { freshDb } from '../db/helpers';

const DEVICE_ID = '2f1c3c4e-8a52-4c55-9a55-3b1f3d2b8e11';
const enrolled = { deviceId: DEVICE_ID, token: 'd100_secret', role: 'operator', scope: '32.14.16.2005' };

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function renderScreen(db: Desa100Db, fetch: typeof window.fetch, code?: string, onEnrolled = vi.fn()) {
  render(
    <StrictMode>
      <I18nProvider initial="id">
        <EnrolDeviceScreen code={code} db={db} fetch={fetch} onEnrolled={onEnrolled} />
      </I18nProvider>
    </StrictMode>,
  );
  return onEnrolled;
}

function callOf(fetch: ReturnType<typeof vi.fn>, call = 0): [string, RequestInit] {
  return fetch.mock.calls[call] as unknown as [string, RequestInit];
}

function bodyOf(fetch: ReturnType<typeof vi.fn>, call = 0): { code: string; deviceName: string } {
  return JSON.parse(String(callOf(fetch, call)[1].body)) as { code: string; deviceName: string };
}

describe('EnrolDeviceScreen', () => {
  let db: Desa100Db;
  beforeEach(() => {
    db = freshDb();
    window.history.replaceState(null, '', '/enrol');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fills the code from the URL, asks the phone’s name, then redeems once and keeps the identity', async () => {
    window.history.replaceState(null, '', '/enrol?code=K7QF-M2XD-9P');
    const fetch = vi.fn(async () => answer(201, enrolled));
    const onEnrolled = renderScreen(db, fetch, 'K7QF-M2XD-9P');
    // A link used to redeem at once under a guessed name ("Linux"): handovers then read "oleh Linux".
    expect(screen.getByText('Kode dari tautan sudah terisi. Beri nama ponsel ini agar koordinator mengenalinya, lalu tekan Daftarkan.')).toBeTruthy();
    expect((screen.getByLabelText('Kode pendaftaran') as HTMLInputElement).value).toBe('K7QF-M2XD-9P');
    const name = screen.getByLabelText('Nama ponsel') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    expect(name.value).not.toBe('');
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.change(name, { target: { value: 'HP Kaur Tanjungsari' } });
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(await screen.findByText(/terdaftar sebagai operator desa untuk wilayah/)).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(callOf(fetch)[0]).toBe('/api/v1/devices');
    expect(bodyOf(fetch)).toEqual({ code: 'K7QFM2XD9P', deviceName: 'HP Kaur Tanjungsari' });
    expect(onEnrolled).toHaveBeenCalledTimes(1);
    expect(await getMeta(db, 'deviceId')).toBe(DEVICE_ID);
    expect(await getMeta(db, 'token')).toBe('d100_secret');
    expect(await getMeta(db, 'role')).toBe('operator');
    expect(await getMeta(db, 'scope')).toBe('32.14.16.2005');
    expect(await getMeta(db, 'villageCode')).toBe('32.14.16.2005');
    // The used code leaves the address bar: a reload must not try it again.
    expect(window.location.search).toBe('');
  });

  it('takes a typed code in lower case with spaces and dashes, and the phone name', async () => {
    const fetch = vi.fn(async () => answer(201, { ...enrolled, role: 'coordinator', scope: '32.14' }));
    renderScreen(db, fetch);
    fireEvent.change(screen.getByLabelText('Kode pendaftaran'), { target: { value: ' k7qf - m2xd 9p ' } });
    fireEvent.change(screen.getByLabelText('Nama ponsel'), { target: { value: 'HP Kaur Pemerintahan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect(await screen.findByText(/terdaftar sebagai koordinator untuk wilayah 32\.14\./)).toBeTruthy();
    expect(bodyOf(fetch)).toEqual({ code: 'K7QFM2XD9P', deviceName: 'HP Kaur Pemerintahan' });
    expect(await getMeta(db, 'deviceName')).toBe('HP Kaur Pemerintahan');
    expect(await getMeta(db, 'villageCode')).toBeUndefined(); // a coordinator has no single village
  });

  it('says so when the code is unknown, used or expired', async () => {
    const fetch = vi.fn(async () => answer(400, { error: { code: 'invalid-code', message: 'invalid' } }));
    renderScreen(db, fetch, 'ZZZZ');
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Kode tidak dikenal, sudah dipakai, atau kedaluwarsa/);
    expect(await getMeta(db, 'token')).toBeUndefined();
  });

  it('gives the wait after too many failed attempts', async () => {
    const fetch = vi.fn(async () => answer(429, { error: { code: 'rate-limited', message: 'slow' } }, { 'Retry-After': '290' }));
    renderScreen(db, fetch, 'ZZZZ');
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Terlalu banyak percobaan yang gagal. Coba lagi dalam 5 menit.');
  });

  it('needs signal: a failed request and an offline phone both say so', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderScreen(db, fetch, 'K7QFM2XD9P');
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Perlu sinyal untuk mendaftarkan perangkat.');

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1)); // not even tried offline
    expect((await screen.findByRole('alert')).textContent).toBe('Perlu sinyal untuk mendaftarkan perangkat.');
    vi.restoreAllMocks();
  });

  it('asks for a code before calling the server', async () => {
    const fetch = vi.fn();
    renderScreen(db, fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Masukkan kode pendaftaran.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('explains a refused camera and leaves typing the code possible', async () => {
    const getUserMedia = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    renderScreen(db, vi.fn());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pindai kode QR' }));
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Izin kamera ditolak/);
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    expect(screen.getByLabelText('Kode pendaftaran')).toBeTruthy();
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('explains a phone or browser without a camera', async () => {
    expect('mediaDevices' in navigator).toBe(false); // jsdom, like plain http, has none
    renderScreen(db, vi.fn());
    fireEvent.click(screen.getByRole('button', { name: 'Pindai kode QR' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Kamera tidak tersedia/);
  });
});
