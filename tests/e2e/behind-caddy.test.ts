import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorker } from './harness/app-actions';
import { pullAll } from './harness/api';
import { launchApp, openApp, type AppBrowser } from './harness/browser';
import { startCaddy, type Caddy } from './harness/caddy';
import { createEnrolmentCode, createToken, setQuota } from './harness/cli';
import { enrolByUrl, villageWorker } from './harness/device-actions';
import { startAppServer, type AppServer } from './harness/server';

// docs/deploy.md's layout: the built app behind Caddy terminating TLS (here Caddy's internal
// CA on https://localhost). The service worker must install over HTTPS through the proxy and
// a registration made on the phone must reach the server through it.

const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam, Kab. Purwakarta

let server: AppServer;
let caddy: Caddy;
let phone: AppBrowser;

beforeAll(async () => {
  server = await startAppServer();
  caddy = await startCaddy(server.url);
  // Caddy's internal root is not in the profile's trust store: accept it for this browser.
  phone = await launchApp(caddy.url, { extraArgs: ['--ignore-certificate-errors'] });
});

afterAll(async () => {
  await phone?.close().catch(() => undefined);
  await caddy?.stop();
  await server?.stop();
});

describe('behind Caddy with TLS', () => {
  it('serves the app over HTTPS and the service worker controls it after a reload', async () => {
    await openApp(phone.page);
    expect(phone.page.url()).toMatch(/^https:\/\/localhost:\d+\//);
    await phone.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await phone.page.reload();
    await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const scriptURL = await phone.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
    expect(scriptURL.startsWith(caddy.url)).toBe(true);
  });

  it('a registration made on the phone syncs through Caddy to the server', async () => {
    const admin = await createToken(server, 'admin', '*');
    await setQuota(server, VILLAGE, 5);
    const code = await createEnrolmentCode(server, 'operator', VILLAGE);
    await enrolByUrl(phone.page, `${caddy.url}/enrol?code=${code}`);
    await phone.page.goto('/daftar');
    await phone.page.locator('.quota__title').getByText('Kuota Desa Tanjungsari').waitFor({ timeout: 60_000 });
    await registerWorker(phone.page, villageWorker(VILLAGE, 'Siti Aminah', '1985-03-05', 'P', 21));
    // Read straight from the server (not through Caddy): what the phone sent arrived.
    await expect.poll(async () => (await pullAll(server.url, admin, VILLAGE)).map((r) => r.fullName), { timeout: 90_000 })
      .toEqual(['SITI AMINAH']);
  });
});
