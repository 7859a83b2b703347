import type { Page } from 'playwright-core';

// What an operator does, through the app's own screens (inputs found by their `name`).

export interface WorkerInput {
  nik: string;
  fullName: string;
  address: string;
  rt: string;
  rw: string;
  occupation: string;
  fundingSource: string;
}

/** Settings: this phone's village (online the first time: its regency's villages are fetched). */
export async function chooseVillage(page: Page, code: string): Promise<void> {
  await page.goto('/pengaturan');
  await page.locator('input[name="villageCode"]').fill(code);
  await page.getByRole('button', { name: 'Simpan desa' }).click();
  await page.getByText(/^Desa disimpan/).waitFor();
}

export async function fillWorker(page: Page, worker: Partial<WorkerInput>): Promise<void> {
  const form = page.locator('form.enrol-form');
  for (const name of ['nik', 'fullName', 'address', 'rt', 'rw'] as const) {
    const value = worker[name];
    if (value !== undefined) await form.locator(`input[name="${name}"]`).fill(value);
  }
  if (worker.occupation) await form.locator('select[name="occupation"]').selectOption(worker.occupation);
  if (worker.fundingSource) await form.locator('select[name="fundingSource"]').selectOption(worker.fundingSource);
}

/** /daftar: fills the form, ticks consent, saves, and waits for the "saved" line. */
export async function registerWorker(page: Page, worker: WorkerInput): Promise<void> {
  if (new URL(page.url()).pathname !== '/daftar') await page.goto('/daftar');
  const form = page.locator('form.enrol-form');
  await form.waitFor();
  await fillWorker(page, worker);
  // Birth date and sex come from the NIK; the village from settings.
  await form.locator('input[name="consent"]').check();
  await form.getByRole('button', { name: 'Simpan pendaftaran' }).click();
  await page.getByText(`Tersimpan: ${worker.fullName.toUpperCase()}.`).waitFor();
}

/** The names the roster shows, top to bottom (the list is virtual: only rows on screen). */
export async function visibleRosterNames(page: Page): Promise<string[]> {
  return page.locator('.roster-row__name').allTextContents();
}

/**
 * The roster's rows once they have settled: the count line follows a search before the rows
 * do (two live queries), so wait until no row is loading and two reads agree.
 */
export async function settledRosterNames(page: Page): Promise<string[]> {
  let last: string | null = null;
  for (let attempt = 0; attempt < 50; attempt++) {
    const loading = await page.locator('.roster-row--loading').count();
    const names = await visibleRosterNames(page);
    const key = JSON.stringify(names);
    if (loading === 0 && key === last) return names;
    last = loading === 0 ? key : null;
    await page.waitForTimeout(100);
  }
  return visibleRosterNames(page);
}

/** "10000 peserta" or "10.000 peserta": the count line, with or without thousands dots. */
export function rosterCount(count: number): RegExp {
  const grouped = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '[.,]?');
  return new RegExp(`^${grouped} peserta$`);
}

/** Types into the roster's search box and waits until the count line shows `count`. */
export async function searchRoster(page: Page, text: string, count: number): Promise<void> {
  await page.locator('input[name="q"]').fill(text);
  await page.getByText(rosterCount(count)).waitFor();
}
