import type { Locator, Page } from 'playwright-core';

// A card-handover event phone (/penyerahan), through the screen's own controls: setup and
// download, the desk's search and QR scanner, the handover panel, the printable list.

/**
 * The desk through the bottom menu, as staff reach it: the "Kartu" item appears on a coordinator's
 * phone, and on an operator's once its village has an accepted registration (after a pull).
 */
export async function openEventDesk(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kartu', exact: true }).click({ timeout: 60_000 });
  await page.getByRole('heading', { level: 1, name: 'Penyerahan kartu' }).waitFor();
}

/** Names the event, picks `village` by its code, downloads it, and waits for the desk. */
export async function prepareEvent(page: Page, name: string, village: string): Promise<void> {
  await openEventDesk(page);
  await page.locator('#dist-event-name').fill(name);
  await page.locator('#dist-add-code').fill(village);
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByText('Desa dalam acara ini (1 dipilih)').waitFor();
  await page.getByRole('button', { name: 'Unduh data acara' }).click();
  await page.locator('#desk-title').waitFor({ timeout: 60_000 });
}

/** "2 dari 3 kartu diserahkan": the desk's progress line. */
export function progressLine(page: Page): Locator {
  return page.locator('.progress-figure');
}

export function handoverPanel(page: Page): Locator {
  return page.locator('section.handover-panel');
}

/** Types `text` in the desk's search box and opens the result for `fullName`. */
export async function openBySearch(page: Page, text: string, fullName: string): Promise<Locator> {
  await page.locator('#dist-search').fill(text);
  await page.locator('.desk-results button', { hasText: fullName }).click();
  const panel = handoverPanel(page);
  await panel.getByRole('heading', { name: fullName, exact: true }).waitFor();
  return panel;
}

/**
 * "Pindai QR": the camera (Chromium's fake one, see camera.ts) films the receipt's QR; the
 * worker it names opens in the handover panel. A camera or QR error fails at once, in words.
 */
export async function openByScan(page: Page, fullName: string): Promise<Locator> {
  await page.locator('#dist-search').fill('');
  await page.getByRole('button', { name: 'Pindai QR' }).click();
  const panel = handoverPanel(page);
  const opened = panel.getByRole('heading', { name: fullName, exact: true });
  const problem = page.locator('.desk-find [role="alert"]');
  await opened.or(problem).first().waitFor({ timeout: 60_000 });
  if (await problem.isVisible()) throw new Error(`scanning failed: ${await problem.textContent()}`);
  return panel;
}

export type CardReceiver = { kind: 'self' } | { kind: 'representative'; name: string; relationship: string };

/** In the open panel: who takes the card, "Serahkan kartu", "Ya, serahkan", and the "Tercatat" line back. */
export async function handOver(panel: Locator, receiver: CardReceiver): Promise<string> {
  if (receiver.kind === 'representative') {
    await panel.getByLabel('Wakil (keluarga)').check();
    await panel.locator('input[name="receiver.name"]').fill(receiver.name);
    await panel.locator('select[name="receiver.relationship"]').selectOption(receiver.relationship);
  } else {
    await panel.getByLabel('Peserta sendiri').check();
  }
  await panel.getByRole('button', { name: 'Serahkan kartu' }).click();
  await panel.getByRole('button', { name: 'Ya, serahkan' }).click();
  const done = panel.locator('[role="status"]', { hasText: /^Tercatat: kartu diserahkan/ });
  await done.waitFor();
  return (await done.textContent()) ?? '';
}

export async function closePanel(page: Page): Promise<void> {
  await handoverPanel(page).getByRole('button', { name: 'Tutup', exact: true }).click();
  await handoverPanel(page).waitFor({ state: 'detached' });
}

/** Opens the event village's printable receipt list; returns the QR payload of `fullName`'s row. */
export async function receiptQrOf(page: Page, fullName: string): Promise<string | null> {
  // One village per event here; its name shows where this phone has the regency's places.
  await page.getByRole('button', { name: /^Daftar tanda terima / }).click();
  const row = page.locator('article.handover-list tbody tr', { has: page.getByRole('rowheader', { name: fullName, exact: true }) });
  const qr = row.locator('img.qr');
  await qr.waitFor({ timeout: 30_000 });
  const payload = await qr.getAttribute('data-qr');
  await page.getByRole('button', { name: '← Kembali' }).click();
  await page.locator('#desk-title').waitFor();
  return payload;
}
