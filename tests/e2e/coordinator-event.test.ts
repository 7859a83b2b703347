import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerRegistration } from '../../src/shared/protocol';
import { registerWorker } from './harness/app-actions';
import { pullAll, villageFigures } from './harness/api';
import type { AppBrowser } from './harness/browser';
import { fakeCameraArgs, writeQrY4m } from './harness/camera';
import { createEnrolmentCode, createToken } from './harness/cli';
import { boardFigures, createOperatorCode } from './harness/coordinator-actions';
import { enrolByTyping, enrolByUrl, rosterWithStatus, villageWorker, waitAllSent } from './harness/device-actions';
import {
  closePanel, handOver, handoverPanel, openByScan, openBySearch, prepareEvent, progressLine, receiptQrOf,
} from './harness/event-actions';
import { openPhone } from './harness/phone';
import { startAppServer, type AppServer } from './harness/server';

// Issue "Coordinators and card-handover events": a coordinator phone (enrolled with a CLI code
// for the regency) makes an operator code in the app; a village phone redeems it and registers
// workers; the coordinator's board shows them. An event phone downloads the village, goes
// offline, hands over one card found by search and one by scanning the printed list's QR with
// its camera, comes back online, and the board and the server count 2 cards handed over.

const REGENCY = '32.14'; // Kab. Purwakarta
const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam
const EVENT_PHONE = 'HP Acara Tanjungsari';

const WORKERS = [
  villageWorker(VILLAGE, 'Siti Aminah', '1985-03-05', 'P', 21),
  villageWorker(VILLAGE, 'Euis Kurniasih', '1990-11-10', 'P', 22),
  villageWorker(VILLAGE, 'Asep Saepudin', '1979-07-12', 'L', 23),
] as const;
const [BY_SEARCH, BY_SCAN] = [WORKERS[0].fullName.toUpperCase(), WORKERS[1].fullName.toUpperCase()];
const REPRESENTATIVE = { kind: 'representative', name: 'Ujang Suherman', relationship: 'suami' } as const;
/** Names are kept upper-case, as on the KTP (the shared receiver schema normalises them). */
const STORED_REPRESENTATIVE = { ...REPRESENTATIVE, name: 'UJANG SUHERMAN' };

let server: AppServer;
let admin: string;
let coordinator: AppBrowser;
let operator: AppBrowser | undefined;
let eventPhone: AppBrowser | undefined;
let cameraDir: string;

async function serverRecord(fullName: string): Promise<ServerRegistration> {
  const found = (await pullAll(server.url, admin, VILLAGE)).find((r) => r.fullName === fullName);
  if (!found) throw new Error(`no server record for ${fullName}`);
  return found;
}

beforeAll(async () => {
  cameraDir = await mkdtemp(join(tmpdir(), 'desa100-e2e-camera-'));
  server = await startAppServer();
  admin = await createToken(server, 'admin', '*');
  coordinator = await openPhone(server);
  await enrolByUrl(coordinator.page, `${server.url}/enrol?code=${await createEnrolmentCode(server, 'coordinator', REGENCY)}`);
});

afterAll(async () => {
  for (const phone of [eventPhone, operator, coordinator]) await phone?.close().catch(() => undefined);
  await server?.stop();
  if (cameraDir) await rm(cameraDir, { recursive: true, force: true });
});

describe('a coordinator, a village phone and a handover event', () => {
  it('the coordinator makes an operator code in the app; a new phone enrols from its QR link', async () => {
    const made = await createOperatorCode(coordinator.page, VILLAGE);
    const url = new URL(made.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/enrol`);
    expect(url.searchParams.get('code')).toBe(made.shortCode.replace(/-/g, ''));

    operator = await openPhone(server);
    await enrolByUrl(operator.page, made.url);
    await operator.page.goto('/pengaturan');
    expect(await operator.page.getByTestId('village-locked').textContent()).toContain(VILLAGE);
  });

  it('the village phone registers three workers, and the coordinator’s board shows them accepted', async () => {
    const page = (operator as AppBrowser).page;
    for (const w of WORKERS) await registerWorker(page, w);
    await waitAllSent(page);
    expect(await rosterWithStatus(page, 'accepted', 3)).toHaveLength(3);

    await expect.poll(() => boardFigures(coordinator.page, VILLAGE), { timeout: 60_000 })
      .toEqual({ quota: 100, accepted: 3, waitlisted: 0, cardsHandedOver: 0, cardsPending: 3 });
    expect(await villageFigures(server.url, admin, VILLAGE)).toMatchObject({ accepted: 3, waitlisted: 0, cardsHandedOver: 0 });
  });

  it('an event phone enrols with a typed code, downloads the village, and its receipt list carries each worker’s QR', async () => {
    // The camera films the receipt QR of the worker to scan: desa100:reg:<id>, made here with
    // the qrcode package from the id the server holds.
    const scanned = await serverRecord(BY_SCAN);
    const clip = join(cameraDir, 'receipt-qr.y4m');
    await writeQrY4m(clip, `desa100:reg:${scanned.id}`);
    eventPhone = await openPhone(server, { extraArgs: fakeCameraArgs(clip) });
    const { page } = eventPhone;

    const made = await createOperatorCode(coordinator.page, VILLAGE);
    await enrolByTyping(page, made.shortCode, EVENT_PHONE);
    await waitAllSent(page);

    await prepareEvent(page, 'Peluncuran kartu Tanjungsari', VILLAGE);
    // The desk's rows come from a live query: wait for them rather than read the first paint.
    await expect.poll(() => progressLine(page).textContent()).toBe('0 dari 3 kartu diserahkan');
    // The printed list's QR for that worker holds exactly what the camera will film.
    expect(await receiptQrOf(page, BY_SCAN)).toBe(`desa100:reg:${scanned.id}`);
  });

  it('offline, hands over one card found by search and one found by scanning its receipt QR', async () => {
    const { page, context } = eventPhone as AppBrowser;
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const bySearch = await openBySearch(page, 'siti ami', BY_SEARCH);
    expect(await handOver(bySearch, { kind: 'self' })).toContain('kepada peserta sendiri');
    await closePanel(page);

    const byScan = await openByScan(page, BY_SCAN);
    expect(await handOver(byScan, REPRESENTATIVE)).toContain('kepada wakil: UJANG SUHERMAN (suami)');
    await closePanel(page);

    await expect.poll(() => progressLine(page).textContent()).toBe('2 dari 3 kartu diserahkan');
    expect(await page.getByText(/^2 penyerahan belum terkirim ke server/).count()).toBe(1);
    expect((await villageFigures(server.url, admin, VILLAGE)).cardsHandedOver).toBe(0);
  });

  it('refuses a second handover of the same card on this phone, saying who took it and when', async () => {
    const page = (eventPhone as AppBrowser).page;
    const panel = await openBySearch(page, BY_SEARCH, BY_SEARCH);
    const refusal = await panel.locator('[role="alert"]').textContent();
    expect(refusal).toMatch(
      new RegExp(`^Kartu ini sudah diserahkan di HP ini: .*\\d{2}\\.\\d{2}, kepada peserta sendiri, oleh ${EVENT_PHONE}\\. Tidak dapat diserahkan lagi\\.`),
    );
    expect(await panel.getByRole('button', { name: 'Serahkan kartu' }).count()).toBe(0);
    await closePanel(page);
    await expect.poll(() => progressLine(page).textContent()).toBe('2 dari 3 kartu diserahkan');
  });

  it('back online, the handovers sync: the server and the coordinator’s board count 2 cards', async () => {
    const { page, context } = eventPhone as AppBrowser;
    await context.setOffline(false); // the `online` event starts a sync
    await page.getByText(/penyerahan belum terkirim ke server/).waitFor({ state: 'detached', timeout: 60_000 });
    await waitAllSent(page);
    expect(await handoverPanel(page).count()).toBe(0);

    await expect.poll(async () => (await villageFigures(server.url, admin, VILLAGE)).cardsHandedOver, { timeout: 60_000 }).toBe(2);
    const [searched, scanned] = [await serverRecord(BY_SEARCH), await serverRecord(BY_SCAN)];
    expect(searched.card).toMatchObject({ receiver: { kind: 'self' }, operator: EVENT_PHONE });
    expect(scanned.card).toMatchObject({ receiver: STORED_REPRESENTATIVE, operator: EVENT_PHONE });
    expect(searched.card?.eventId).toBeTruthy();
    expect(scanned.card?.eventId).toBe(searched.card?.eventId);
    expect((await serverRecord(WORKERS[2].fullName.toUpperCase())).card).toBeNull();

    await expect.poll(() => boardFigures(coordinator.page, VILLAGE), { timeout: 60_000 })
      .toEqual({ quota: 100, accepted: 3, waitlisted: 0, cardsHandedOver: 2, cardsPending: 1 });
  });
});
