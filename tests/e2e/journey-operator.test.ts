import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../src/shared/registration';
import { registerWorker } from './harness/app-actions';
import { pullAll } from './harness/api';
import type { AppBrowser } from './harness/browser';
import { createEnrolmentCode, createToken } from './harness/cli';
import { enrolByUrl, rosterWithStatus, villageWorker, waitAllSent } from './harness/device-actions';
import { closePanel, handOver, openBySearch, prepareEvent, progressLine } from './harness/event-actions';
import { openPhone } from './harness/phone';
import { axeViolations, checkScreen, expectAboveMenu, navLink } from './harness/screen-check';
import { startAppServer, type AppServer } from './harness/server';

// Issue 12, the village operator's and the event desk's day on a 360x740 phone: capture
// offline, sync, correct a refusal, sync again; then, with the village's workers accepted, the
// card-handover desk from the bottom menu: download, offline handovers, the receipt list.
// Every screen is checked with axe-core and for sideways overflow; key screens go to docs/.

const VILLAGE = '32.14.16.2005'; // Tanjungsari, Pondoksalam, Purwakarta
const OTHER_VILLAGE = '32.14.16.2001'; // Parakansalam, same district
const TAKEN = villageWorker(OTHER_VILLAGE, 'Nining Suryani', '1988-04-09', 'P', 41);
const WORKERS = [
  // Typed with the NIK of a worker already registered in another village: refused.
  { ...villageWorker(VILLAGE, 'Nining Suryani', '1988-04-09', 'P', 41), nik: TAKEN.nik },
  villageWorker(VILLAGE, 'Dadang Sunarya', '1975-08-17', 'L', 42),
] as const;
const CORRECT_NIK = villageWorker(VILLAGE, 'Nining Suryani', '1988-04-09', 'P', 43).nik;

let server: AppServer;
let admin: string;
let phone: AppBrowser;

/** The worker of another village, registered there first (an admin push, as another phone would). */
async function registerElsewhere(): Promise<void> {
  const registration: Partial<Registration> & Record<string, unknown> = {
    id: crypto.randomUUID(), nik: TAKEN.nik, fullName: TAKEN.fullName, birthDate: '1988-04-09', sex: 'P',
    villageCode: OTHER_VILLAGE, address: TAKEN.address, rt: '1', rw: '2', occupation: 'petani',
    monthlyIncome: 1_000_000, fundingSource: 'apbd-kabupaten', coverageStart: '2026-01', coverageEnd: '2026-12',
    consent: { noticeVersion: '2025-01', at: new Date().toISOString() }, capturedAt: new Date().toISOString(),
  };
  const res = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), type: 'registration.create', registration }] }),
  });
  const body = (await res.json()) as { results: Array<{ status: string }> };
  expect(body.results[0]?.status).toBe('applied');
}

beforeAll(async () => {
  server = await startAppServer();
  admin = await createToken(server, 'admin', '*');
  await registerElsewhere();
  phone = await openPhone(server);
});

afterAll(async () => {
  await phone?.close().catch(() => undefined);
  await server?.stop();
});

describe('the operator', () => {
  it('has a checker that can fail: axe finds an image without a text alternative', async () => {
    const probe = await phone.context.newPage();
    try {
      await probe.setContent('<html lang="id"><head><title>x</title></head><body><main><img src="x.png"></main></body></html>');
      expect((await axeViolations(probe)).map((v) => v.id)).toContain('image-alt');
    } finally {
      await probe.close();
    }
  });

  it('on a fresh phone, is told once the app works without signal, then enrols the phone', async () => {
    // The first visit's worker install ends while the shell is on screen: the banner says so.
    await phone.page.getByRole('status').getByText('Aplikasi siap dipakai tanpa sinyal.').waitFor({ timeout: 60_000 });
    await enrolByUrl(phone.page, `${server.url}/enrol?code=${await createEnrolmentCode(server, 'operator', VILLAGE)}`);
  });

  it('opens home and settings: both fit the phone and pass axe', async () => {
    const { page } = phone;
    await navLink(page, 'Beranda').click();
    await page.getByRole('heading', { level: 1, name: '1 Desa 100 Perlindungan' }).waitFor();
    await checkScreen(page, 'home', 'operator-home');
    await navLink(page, 'Pengaturan').click();
    await page.getByTestId('offline-capable').getByText('Aplikasi siap dipakai tanpa sinyal di ponsel ini.').waitFor();
    await checkScreen(page, 'settings', 'operator-settings');
  });

  it('captures two workers with no signal', async () => {
    const { page, context } = phone;
    await context.setOffline(true);
    await navLink(page, 'Daftar').click();
    await page.locator('form.enrol-form').waitFor();
    await checkScreen(page, 'enrol form', 'operator-enrol');
    for (const w of WORKERS) await registerWorker(page, w);
    await navLink(page, 'Peserta').click();
    expect(await rosterWithStatus(page, 'pending', 2)).toHaveLength(2);
    await checkScreen(page, 'roster');
  });

  it('syncs: one is accepted, one is refused, and the refusal says why with a way out', async () => {
    const { page, context } = phone;
    await context.setOffline(false);
    await rosterWithStatus(page, 'rejected', 1);
    await page.getByText('NINING SURYANI').first().click();
    const refusal = page.locator('.detail-rejected');
    await refusal.waitFor();
    // The village by its name, never its code (issue 12, item 10).
    expect(await refusal.textContent()).toContain('NIK ini sudah terdaftar di desa Parakansalam, Kec. Pondoksalam');
    expect(await refusal.textContent()).not.toContain(OTHER_VILLAGE);
    expect(await refusal.textContent()).toContain('jika sudah benar, pekerja ini sudah terdaftar, jadi buang data ini.');
    await checkScreen(page, 'refused record', 'operator-refusal');
    // "Buang" asks first, and the question is on screen, not below the fold behind the menu.
    await page.getByRole('button', { name: 'Buang' }).click();
    await expectAboveMenu(page, page.locator('.confirm-box'), 'discard confirmation');
    await checkScreen(page, 'discard confirmation');
    await page.locator('.confirm-box').getByRole('button', { name: 'Batal' }).click();
  });

  it('corrects the refused record and sends it again: the server accepts it', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: 'Perbaiki dan kirim ulang' }).click();
    const form = page.locator('form.enrol-form');
    await form.waitFor();
    await checkScreen(page, 'correction form', 'operator-correction');
    await form.locator('input[name="nik"]').fill(CORRECT_NIK);
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.locator('.detail-status').waitFor();
    await waitAllSent(page);
    expect(await rosterWithStatus(page, 'accepted', 2)).toHaveLength(2);
    const held = await pullAll(server.url, admin, VILLAGE);
    const states = held.map((r) => `${r.fullName} ${r.status}`);
    expect(states).toHaveLength(2);
    expect(states).toEqual(expect.arrayContaining(['DADANG SUNARYA accepted', 'NINING SURYANI accepted']));
  });
});

describe('the event desk on the same phone, once the village has accepted workers', () => {
  it('reaches the desk from the bottom menu and downloads the village', async () => {
    const { page } = phone;
    await prepareEvent(page, 'Penyerahan kartu Tanjungsari', VILLAGE);
    await expect.poll(() => progressLine(page).textContent()).toBe('0 dari 2 kartu diserahkan');
    await checkScreen(page, 'event desk', 'event-desk');
  });

  it('offline, hands a card over after confirming, shows birth date and address', async () => {
    const { page, context } = phone;
    await context.setOffline(true);
    const panel = await openBySearch(page, 'dadang', 'DADANG SUNARYA');
    expect(await panel.textContent()).toContain('17 Agustus 1975');
    await checkScreen(page, 'handover panel', 'event-handover');
    await panel.getByRole('button', { name: 'Serahkan kartu' }).click();
    await expectAboveMenu(page, panel.locator('.confirm-box'), 'handover confirmation');
    await panel.getByRole('button', { name: 'Batal' }).click();
    expect(await handOver(panel, { kind: 'self' })).toContain('kepada peserta sendiri');
    await checkScreen(page, 'handover recorded');
    await closePanel(page);
    await expect.poll(() => progressLine(page).textContent()).toBe('1 dari 2 kartu diserahkan');
  });

  it('prints the receipt list within the phone’s width', async () => {
    const { page, context } = phone;
    await page.getByRole('button', { name: /^Daftar tanda terima / }).click();
    await page.locator('article.handover-list img.qr').first().waitFor({ timeout: 30_000 });
    await checkScreen(page, 'receipt list', 'event-receipts');
    await page.getByRole('button', { name: '← Kembali' }).click();
    await context.setOffline(false);
    await waitAllSent(page);
  });
});
