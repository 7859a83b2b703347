import type { Page } from 'playwright-core';
import { composeNik } from '../../../src/shared/nik';
import { districtOf } from '../../../src/shared/places/codes';
import { rosterCount, settledRosterNames, type WorkerInput } from './app-actions';
import { createEnrolmentCode } from './cli';
import type { AppServer } from './server';

// Enrolled phones, through the app's own screens: enrolment (/enrol), "Sinkronkan sekarang",
// the roster filtered by status.

/** A valid worker of `village`: NIK issued there, born `birthDate`, unique by `serial`. */
export function villageWorker(village: string, fullName: string, birthDate: string, sex: 'L' | 'P', serial: number): WorkerInput {
  return {
    nik: composeNik({ regionCode: districtOf(village), birthDate, sex, serial }),
    fullName,
    address: 'Kp. Tanjungsari',
    rt: String(1 + (serial % 9)),
    rw: '2',
    occupation: 'petani',
    fundingSource: 'apbd-kabupaten',
  };
}

async function waitEnrolled(page: Page): Promise<void> {
  const done = page.getByRole('heading', { name: 'Ponsel terdaftar' });
  const failed = page.locator('main .notice-error[role="alert"]');
  await done.or(failed).first().waitFor({ timeout: 60_000 });
  if (await failed.isVisible()) throw new Error(`enrolment refused: ${await failed.textContent()}`);
}

/** Opens the enrolment QR's URL (`<origin>/enrol?code=…`): the code is filled in, the name asked. */
export async function enrolByUrl(page: Page, url: string, deviceName?: string): Promise<void> {
  await page.goto(url);
  if (deviceName !== undefined) await page.locator('input[name="deviceName"]').fill(deviceName);
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await waitEnrolled(page);
}

/** Enrols the phone as an operator of `village`, through a fresh code's QR URL. */
export async function enrolOperator(server: AppServer, page: Page, village: string): Promise<void> {
  await enrolByUrl(page, `${server.url}/enrol?code=${await createEnrolmentCode(server, 'operator', village)}`);
}

/** Types the short code (as printed: grouped with dashes) and a phone name on /enrol. */
export async function enrolByTyping(page: Page, code: string, deviceName: string): Promise<void> {
  await page.goto('/enrol');
  await page.locator('input[name="code"]').fill(code);
  await page.locator('input[name="deviceName"]').fill(deviceName);
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await waitEnrolled(page);
}

/** "Sinkronkan sekarang" (waits while a sync already runs: the button is disabled then). */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click({ timeout: 60_000 });
}

/** Waits until the sync line says nothing waits to be sent and no sync runs. */
export async function waitAllSent(page: Page): Promise<void> {
  await page.getByTestId('sync-pending').getByText('Semua terkirim').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
}

type RosterStatus = 'pending' | 'sent' | 'accepted' | 'waitlisted' | 'rejected' | 'voided';

/** The roster narrowed to one status; waits until it counts `count` and returns the names shown. */
export async function rosterWithStatus(page: Page, status: RosterStatus, count: number, timeout = 60_000): Promise<string[]> {
  if (new URL(page.url()).pathname !== '/peserta') await page.goto('/peserta');
  await page.locator('select[name="status"]').selectOption(status);
  await page.locator('.roster-count').getByText(rosterCount(count)).waitFor({ timeout });
  return settledRosterNames(page);
}
