import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorker, type WorkerInput } from './harness/app-actions';
import { pullAll } from './harness/api';
import type { AppBrowser } from './harness/browser';
import { cli, createToken } from './harness/cli';
import { enrolOperator, rosterWithStatus, syncNow, villageWorker, waitAllSent } from './harness/device-actions';
import { openPhone } from './harness/phone';
import { startAppServer, type AppServer } from './harness/server';

// Issue 14 (contract Revision 2, R5): a phone registers 30 workers and syncs, the server is
// backed up, the phone registers 20 more and syncs, the server is stopped, restored from the
// backup and started again. The phone's next sync pushes again what it holds: the server holds
// all 50 once, and a phone enrolled afterwards that only pulls shows all 50.

const VILLAGE = '32.14.16.2005'; // Desa Tanjungsari, Kec. Pondoksalam, Kab. Purwakarta
const FIRST = ['Siti', 'Asep', 'Euis', 'Dadang', 'Neng', 'Ujang', 'Yayah', 'Cecep', 'Imas', 'Endang'];
const LAST = ['Aminah', 'Saepudin', 'Kurniasih', 'Hidayat', 'Rohmah'];

const WORKERS: WorkerInput[] = Array.from({ length: 50 }, (_, i) => villageWorker(
  VILLAGE, `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`, `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'L' : 'P', 100 + i,
));

let server: AppServer;
let admin: string;
let backupDir: string;
/** The phone that registers; the one enrolled after the restore only pulls. */
const opened: { registering?: AppBrowser; pulling?: AppBrowser } = {};

/** A fresh phone enrolled as the village's operator (closed again if enrolment fails). */
async function operatorPhone(): Promise<AppBrowser> {
  const app = await openPhone(server);
  await enrolOperator(server, app.page, VILLAGE).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return app;
}

async function heldOnce(): Promise<number> {
  const records = await pullAll(server.url, admin, VILLAGE);
  expect(new Set(records.map((r) => r.nik)).size).toBe(records.length);
  return records.length;
}

beforeAll(async () => {
  server = await startAppServer();
  admin = await createToken(server, 'admin', '*');
  backupDir = await mkdtemp(join(tmpdir(), 'desa100-e2e-backup-'));
  opened.registering = await operatorPhone();
});

afterAll(async () => {
  for (const app of [opened.registering, opened.pulling]) await app?.close().catch(() => undefined);
  await server?.stop();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

describe('a server restored from a backup', () => {
  it('loses nothing the phone holds: all 50 once, and a pulling phone shows 50', async () => {
    const { page } = opened.registering as AppBrowser;
    for (const w of WORKERS.slice(0, 30)) await registerWorker(page, w);
    await syncNow(page);
    await waitAllSent(page);
    expect(await heldOnce()).toBe(30);
    const backup = join(backupDir, 'desa100.db');
    expect(await cli(server, ['backup', '--out', backup])).toMatch(/^backup /);

    for (const w of WORKERS.slice(30)) await registerWorker(page, w);
    await syncNow(page);
    await waitAllSent(page);
    expect(await heldOnce()).toBe(50);

    await server.halt();
    await cli(server, ['restore', '--from', backup]);
    await server.resume();
    expect(await heldOnce()).toBe(30);

    await page.goto('/peserta');
    await syncNow(page);
    await expect.poll(heldOnce, { timeout: 90_000 }).toBe(50);
    await waitAllSent(page);
    await rosterWithStatus(page, 'accepted', 50);
    await rosterWithStatus(page, 'rejected', 0);

    // Enrolled after the restore (a phone enrolled before the backup's time would be unknown).
    const other = await operatorPhone();
    opened.pulling = other;
    await other.page.goto('/peserta');
    await syncNow(other.page);
    await waitAllSent(other.page);
    expect(await rosterWithStatus(other.page, 'accepted', 50, 90_000)).not.toHaveLength(0);
  });
});
