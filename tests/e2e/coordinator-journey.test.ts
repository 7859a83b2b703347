import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBrowser } from './harness/browser';
import { createEnrolmentCode, createToken, setQuota } from './harness/cli';
import { enrolByUrl, syncNow, waitAllSent } from './harness/device-actions';
import { generateRegistration } from './harness/generate';
import { ROOT } from './harness/paths';
import { openPhone } from './harness/phone';
import { startAppServer, type AppServer } from './harness/server';

// Issue 12, the coordinator's day on a 360 x 740 phone, through the app's own links and
// buttons: board (protection period) -> village -> quota, void, KPJ -> devices (rename) ->
// exports. Every screen passes axe-core with no violation, nothing scrolls sideways, and the
// key screens are saved as docs/journey-coordinator-*.png. Last, a village phone syncs and its
// enrolment form starts from the protection period the coordinator set.

const REGENCY = '32.14'; // Kab. Purwakarta
const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam
const WORKERS = Array.from({ length: 6 }, (_, i) => generateRegistration(i, [VILLAGE]));

let server: AppServer;
let phone: AppBrowser;
let village: AppBrowser | undefined;

async function pushWorkers(): Promise<void> {
  const token = await createToken(server, 'operator', VILLAGE);
  const ops = WORKERS.map((registration) => ({ opId: randomUUID(), type: 'registration.create', registration }));
  const res = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: randomUUID(), ops }),
  });
  if (!res.ok) throw new Error(`push: HTTP ${res.status} ${await res.text()}`);
}

/** axe-core on the page as it is now: the violations' ids and the first node of each. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools: the app's CSP (script-src 'self') refuses an inline script tag.
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
  });
  return found;
}

/** Nothing wider than the phone: the page itself never scrolls sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function checkScreen(page: Page, shot?: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  if (shot) await page.screenshot({ path: join(ROOT, 'docs', `journey-coordinator-${shot}.png`), fullPage: false });
}

/** A dialog wholly inside the 360 x 740 viewport. */
async function inView(page: Page): Promise<boolean> {
  const box = await page.getByRole('dialog').boundingBox();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740;
}

beforeAll(async () => {
  server = await startAppServer();
  await setQuota(server, VILLAGE, 4);
  await pushWorkers();
  phone = await openPhone(server);
  await enrolByUrl(phone.page, `${server.url}/enrol?code=${await createEnrolmentCode(server, 'coordinator', REGENCY)}`, 'HP Koordinator Purwakarta');
});

afterAll(async () => {
  for (const p of [village, phone]) await p?.close().catch(() => undefined);
  await server?.stop();
});

describe('the coordinator’s journey at 360 px', () => {
  it('board: names, not codes; no sideways scroll; no axe violation', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.goto('/koordinator');
    await page.getByRole('link', { name: 'Tanjungsari' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText('Wilayah: Kabupaten Purwakarta').count()).toBe(1);
    await checkScreen(page, 'board');
    // On a phone each village reads as a card: its name, then its figures.
    await page.locator('tbody[data-district="32.14.16"] tr').filter({ hasText: 'Tanjungsari' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'docs', 'journey-coordinator-board-villages.png') });

    // The programme's protection period for the regency, set under the board.
    const period = page.getByRole('region', { name: 'Masa perlindungan program' });
    await period.getByLabel('Bulan mulai').fill('2025-03');
    await period.getByLabel('Bulan selesai').fill('2025-12');
    await period.getByRole('button', { name: 'Simpan masa perlindungan' }).click();
    await period.getByText('Masa perlindungan disimpan: Maret 2025 sampai Desember 2025 untuk Kabupaten Purwakarta.', { exact: false })
      .waitFor({ timeout: 30_000 });
    await checkScreen(page);
  });

  it('village: opens at its top; quota, void and KPJ in dialogs in view', async () => {
    const { page } = phone;
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole('link', { name: 'Tanjungsari' }).click();
    await page.getByRole('table', { name: 'Peserta diterima (4)' }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await checkScreen(page, 'village');

    await page.getByRole('spinbutton', { name: /^Kuota baru/ }).fill('5');
    await page.getByRole('button', { name: 'Simpan kuota' }).click();
    await page.getByText(/^Kuota disimpan: 5\./).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Peserta diterima (5)' }).waitFor({ timeout: 30_000 });

    const accepted = page.getByRole('table', { name: 'Peserta diterima (5)' });
    const first = (await accepted.locator('tbody th[scope="row"]').first().textContent()) ?? '';
    await accepted.getByRole('button', { name: `Batalkan pendaftaran ${first}` }).click();
    expect(await inView(page)).toBe(true);
    await checkScreen(page, 'void');
    await page.getByRole('textbox', { name: 'Alasan pembatalan' }).fill('Pindah domisili');
    await page.getByRole('button', { name: 'Ya, batalkan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('group', { name: /Dibatalkan/ }).or(page.getByText('Dibatalkan (1)')).first().waitFor({ timeout: 30_000 });

    const table = page.getByRole('table', { name: /^Peserta diterima/ });
    const second = (await table.locator('tbody th[scope="row"]').first().textContent()) ?? '';
    await table.getByRole('button', { name: `Catat KPJ ${second}` }).click();
    expect(await inView(page)).toBe(true);
    await page.getByRole('textbox', { name: `Nomor KPJ ${second}` }).fill('25012345678');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await table.getByText('25012345678').waitFor({ timeout: 30_000 });
    await checkScreen(page);
  });

  it('devices: the phone’s own name, renamed in a dialog', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: 'Perangkat' }).click();
    await page.getByRole('rowheader', { name: 'HP Koordinator Purwakarta' }).waitFor({ timeout: 60_000 });
    await checkScreen(page, 'devices');
    await page.getByRole('button', { name: 'Ganti nama HP Koordinator Purwakarta' }).click();
    expect(await inView(page)).toBe(true);
    await page.getByRole('textbox', { name: 'Nama HP' }).fill('HP Koordinator Kabupaten');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('rowheader', { name: 'HP Koordinator Kabupaten' }).waitFor({ timeout: 30_000 });
  });

  it('exports: which file for whom', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: 'Ekspor' }).click();
    await page.getByRole('button', { name: 'Unduh Excel (XLSX)' }).waitFor({ timeout: 30_000 });
    await checkScreen(page, 'export');
  });

  it('a village phone receives the protection period with its sync; its form starts from it', async () => {
    village = await openPhone(server);
    const { page } = village;
    await enrolByUrl(page, `${server.url}/enrol?code=${await createEnrolmentCode(server, 'operator', VILLAGE)}`, 'HP Kaur Tanjungsari');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await syncNow(page);
    await waitAllSent(page);
    await page.goto('/daftar');
    const start = page.locator('input[name="coverageStart"]');
    await expect.poll(() => start.inputValue(), { timeout: 30_000 }).toBe('2025-03');
    expect(await page.locator('input[name="coverageEnd"]').inputValue()).toBe('2025-12');
  });
});
