import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerRegistration } from '../../src/shared/protocol';
import { registerWorker, type WorkerInput } from './harness/app-actions';
import { pullAll, villageFigures } from './harness/api';
import type { AppBrowser } from './harness/browser';
import { createToken, setQuota } from './harness/cli';
import { enrolOperator, rosterWithStatus, syncNow, villageWorker, waitAllSent } from './harness/device-actions';
import { openPhone } from './harness/phone';
import { startAppServer, type AppServer } from './harness/server';

// Issue "Sync": two operator phones of one village with a quota of 3 each register two
// workers with no signal, then come back online. The server must accept exactly 3 and
// waitlist 1 (whoever arrived last), and after a sync both phones must show what the server
// decided, each other's workers included.

const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam, Kab. Purwakarta
const QUOTA = 3;

const ON_A: WorkerInput[] = [
  villageWorker(VILLAGE, 'Siti Aminah', '1985-03-05', 'P', 11),
  villageWorker(VILLAGE, 'Asep Saepudin', '1979-07-12', 'L', 12),
];
const ON_B: WorkerInput[] = [
  villageWorker(VILLAGE, 'Euis Kurniasih', '1990-11-10', 'P', 13),
  villageWorker(VILLAGE, 'Dadang Hidayat', '1972-01-23', 'L', 14),
];
const ALL_NAMES = [...ON_A, ...ON_B].map((w) => w.fullName.toUpperCase());

/** A sorted copy (toSorted is ES2023; the tests target ES2022). */
function sorted(list: readonly string[]): string[] {
  // oxlint-disable-next-line unicorn/no-array-sort
  return [...list].sort();
}

let server: AppServer;
let admin: string;
const phones: AppBrowser[] = [];

async function enrolledOperator(): Promise<AppBrowser> {
  const phone = await openPhone(server);
  phones.push(phone);
  await enrolOperator(server, phone.page, VILLAGE);
  // The form, opened online once, keeps the regency's villages for offline use (the first
  // test waits for the enrolment's first sync, which brings the quota).
  await phone.page.goto('/daftar');
  await phone.page.locator('.quota__title').getByText('Kuota Desa Tanjungsari').waitFor({ timeout: 60_000 });
  // An enrolled operator's village is fixed (read-only); its name shows once the regency's
  // place file is on the phone.
  await phone.page.locator(`input[name="villageCode"][readonly][value="${VILLAGE}"]`).waitFor({ timeout: 60_000 });
  await phone.page.locator('.enrol-place-name').getByText(/^Tanjungsari, /).waitFor({ timeout: 60_000 });
  return phone;
}

async function serverRecords(): Promise<ServerRegistration[]> {
  return pullAll(server.url, admin, VILLAGE);
}

beforeAll(async () => {
  server = await startAppServer();
  admin = await createToken(server, 'admin', '*');
  await setQuota(server, VILLAGE, QUOTA);
  await enrolledOperator();
  await enrolledOperator();
});

afterAll(async () => {
  for (const phone of phones) await phone.close().catch(() => undefined);
  await server?.stop();
});

describe('two phones, one village, quota 3', () => {
  it('each phone knows the quota before going offline', async () => {
    for (const { page } of phones) {
      await page.goto('/');
      await expect.poll(() => page.getByTestId('quota-used').textContent(), { timeout: 30_000 }).toBe(`0 dari ${QUOTA} terpakai`);
    }
  });

  it('registers two workers on each phone with no signal', async () => {
    const [a, b] = phones as [AppBrowser, AppBrowser];
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    for (const w of ON_A) await registerWorker(a.page, w);
    for (const w of ON_B) await registerWorker(b.page, w);
    for (const { page } of phones) {
      expect(await rosterWithStatus(page, 'pending', 2)).toHaveLength(2);
      await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('2 menunggu kirim');
    }
    // Nothing reached the server while the phones were offline.
    expect(await serverRecords()).toEqual([]);
  });

  it('on reconnecting, the server accepts exactly 3 and waitlists the last to arrive', async () => {
    const [a, b] = phones as [AppBrowser, AppBrowser];
    // Both come back at once: each phone's `online` event starts its own sync.
    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
    await expect.poll(async () => (await serverRecords()).length, { timeout: 90_000 }).toBe(4);

    const records = await serverRecords();
    expect(sorted(records.map((r) => r.fullName))).toEqual(sorted(ALL_NAMES));
    const accepted = records.filter((r) => r.status === 'accepted');
    const waitlisted = records.filter((r) => r.status === 'waitlisted');
    expect(accepted).toHaveLength(3);
    expect(waitlisted).toHaveLength(1);
    // Arrival order decides: the waitlisted one arrived after every accepted one.
    const last = waitlisted[0] as ServerRegistration;
    for (const r of accepted) expect(r.seq).toBeLessThan(last.seq);

    const figures = await villageFigures(server.url, admin, VILLAGE);
    expect(figures).toMatchObject({ quota: QUOTA, accepted: 3, waitlisted: 1, cardsHandedOver: 0 });
  });

  it('after a sync, both phones show the server’s decision for all four workers', async () => {
    const records = await serverRecords();
    const acceptedNames = sorted(records.filter((r) => r.status === 'accepted').map((r) => r.fullName));
    const waitlistedNames = records.filter((r) => r.status === 'waitlisted').map((r) => r.fullName);

    for (const { page } of phones) {
      await page.goto('/peserta');
      // A sync that starts now pulls the other phone's records, whatever the first syncs saw.
      await syncNow(page);
      await waitAllSent(page);
      expect(sorted(await rosterWithStatus(page, 'accepted', 3))).toEqual(acceptedNames);
      expect(await rosterWithStatus(page, 'waitlisted', 1)).toEqual(waitlistedNames);
      expect(await page.locator('.roster-row .badge--waitlisted').allTextContents()).toEqual(['Cadangan']);
      await rosterWithStatus(page, 'pending', 0);
      await rosterWithStatus(page, 'rejected', 0);
    }
  });

  it('both phones’ quota meters say 3 of 3 used, 1 waitlisted, and warn that the quota is full', async () => {
    for (const { page } of phones) {
      await page.goto('/');
      await expect.poll(() => page.getByTestId('quota-used').textContent()).toBe(`3 dari ${QUOTA} terpakai`);
      const figure = (label: string) => page.locator('.quota__figures > div', { has: page.getByText(label, { exact: true }) }).locator('dd');
      expect(await figure('Cadangan').textContent()).toBe('1');
      expect(await figure('Diterima (sinkron terakhir)').textContent()).toBe('3');
      expect(await figure('Sisa kuota').textContent()).toBe('0');
      expect(await page.locator('.quota__warning').textContent()).toMatch(/^Kuota penuh/);
    }
  });
});
