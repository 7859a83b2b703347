import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseVillage, registerWorker, rosterCount, settledRosterNames, visibleRosterNames, type WorkerInput,
} from './harness/app-actions';
import { openApp, waitForShell } from './harness/browser';
import { startPhone, type Phone } from './harness/phone';

// The story on one phone: register a worker, lose the network (and the server),
// reload, find the worker, register two more, all in the real IndexedDB of a real Chromium.

const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam, Kab. Purwakarta

function worker(nik: string, fullName: string): WorkerInput {
  return { nik, fullName, address: 'Kp. Tanjungsari', rt: '3', rw: '1', occupation: 'petani', fundingSource: 'apbd-kabupaten' };
}
const FIRST = worker('3214164503850001', 'Siti Aminah');
const SECOND = worker('3214161207790002', 'Asep Saepudin');
const THIRD = worker('3214165011900003', 'Euis Kurniasih');

let app: Phone;

beforeAll(async () => {
  app = await startPhone();
  await chooseVillage(app.page, VILLAGE);
});

afterAll(async () => {
  await app?.close();
});

describe('offline enrolment on one phone', () => {
  it('registers a worker online', async () => {
    await registerWorker(app.page, FIRST);
    await app.page.goto('/peserta');
    await expect.poll(() => visibleRosterNames(app.page)).toEqual(['SITI AMINAH']);
  });

  it('reloads offline from the service worker and still lists the worker', async () => {
    const page = app.page;
    await app.context.setOffline(true);
    await app.server.stop(); // nothing may come from the network now
    await page.reload();
    await waitForShell(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => visibleRosterNames(page)).toEqual(['SITI AMINAH']);
    expect(await page.locator('.roster-row').first().textContent()).toContain('Menunggu kirim');
  });

  it('registers two more workers offline', async () => {
    const page = app.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Daftar' }).click();
    await registerWorker(page, SECOND);
    // The next form starts empty: same village, new worker.
    await expect.poll(() => page.locator('input[name="nik"]').inputValue()).toBe('');
    await registerWorker(page, THIRD);

    await page.getByRole('navigation').getByRole('link', { name: 'Peserta' }).click();
    await page.getByText(rosterCount(3)).waitFor();
    expect(await settledRosterNames(page)).toEqual(['ASEP SAEPUDIN', 'EUIS KURNIASIH', 'SITI AMINAH']);
  });

  it('says at home how much waits to be sent, and keeps it across an offline reload', async () => {
    const page = app.page;
    await openApp(page, '/');
    await expect.poll(() => page.getByTestId('unsynced-summary').textContent()).toMatch(/^3 data belum terkirim sejak \d{2}\.\d{2}/);
    await expect.poll(() => page.getByTestId('quota-used').textContent()).toBe('3 dari 100 terpakai (kuota bawaan sampai sinkron pertama)');
  });
});
