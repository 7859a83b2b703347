import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './harness/browser';
import { startPhone, type Phone } from './harness/phone';

// The app shell must open with no network at all: the context is set offline AND the server is
// stopped, so nothing can come from anywhere but the service worker's caches.

const REGENCY = '32.14'; // Kab. Purwakarta
const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari (domain.md)

let app: Phone;

beforeAll(async () => {
  app = await startPhone();
  // Online once: the phone fetches its regency's villages, which the worker caches at runtime.
  const status = await app.page.evaluate(async (url) => (await fetch(url)).status, `/places/${REGENCY}.json`);
  expect(status).toBe(200);
  await app.context.setOffline(true);
  await app.server.stop();
});

afterAll(async () => {
  await app?.close();
});

describe('offline app shell', () => {
  it('reloads from the service worker with no network', async () => {
    const page = app.page;
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe('1 Desa 100 Perlindungan');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByTestId('network-state').textContent()).resolves.toContain('Offline');
  });

  it('opens a deep link offline (navigation fallback to the shell)', async () => {
    const page = app.page;
    await openApp(page, '/pengaturan');
    await expect(page.locator('h1').textContent()).resolves.toBe('Pengaturan');
  });

  it('loads lazy screens offline (every chunk is precached)', async () => {
    const page = app.page;
    await openApp(page, '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Pengaturan');
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('1 Desa 100 Perlindungan');
  });

  it('serves the regency place file from the runtime cache', async () => {
    const villages = await app.page.evaluate(async (url) => {
      const res = await fetch(url);
      const body = (await res.json()) as { districts: Array<{ villages: Array<[string, string]> }> };
      return body.districts.flatMap((d) => d.villages.map(([code]) => code));
    }, `/places/${REGENCY}.json`);
    expect(villages).toContain(VILLAGE);
  });
});
