import type { Page } from 'playwright-core';

// The coordinator's screens (/koordinator) on a coordinator phone: the devices tab's
// enrolment codes, and the quota board's row of one village.

export interface MadeCode {
  /** What the QR code holds: `<origin>/enrol?code=CODE`. */
  url: string;
  /** The short code as the card prints it (`ABCD-EFGH-JK`). */
  shortCode: string;
}

/** Coordinator phone: devices tab, an operator code for `village`, read off the card. */
export async function createOperatorCode(page: Page, village: string): Promise<MadeCode> {
  await page.goto('/koordinator?tab=devices');
  const form = page.locator('section[aria-labelledby="enrol-title"] form');
  // The selects' labels wrap them (their names include the chosen option): find them by options.
  await form.locator('select:has(option[value="coordinator"])').selectOption('operator');
  // The villages come from the board, fetched when the screen opens.
  const villages = form.locator(`select:has(option[value="${village}"])`);
  await villages.waitFor({ timeout: 60_000 });
  await villages.selectOption(village);
  await form.getByRole('button', { name: 'Buat kode pendaftaran' }).click();
  const card = page.locator('.enrolment-card');
  const qr = card.locator('img.qr');
  await qr.waitFor({ timeout: 60_000 });
  const url = await qr.getAttribute('data-qr');
  const shortCode = (await card.locator('.short-code strong').textContent())?.trim();
  if (!url || !shortCode) throw new Error('enrolment card without a QR or a short code');
  return { url, shortCode };
}

export interface BoardFigures {
  quota: number;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
  cardsPending: number;
}

/** Reads digits only: the board groups thousands the Indonesian way (19.800). */
function count(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * The quota board's figures for `village`, as its table row shows them. "Muat ulang" first:
 * the board opens with the snapshot saved on the phone, then asks the server.
 */
export async function boardFigures(page: Page, village: string): Promise<BoardFigures> {
  if (new URL(page.url()).pathname !== '/koordinator' || new URL(page.url()).search !== '') await page.goto('/koordinator');
  const refresh = page.locator('.board-status').getByRole('button', { name: 'Muat ulang' });
  await refresh.click({ timeout: 60_000 });
  await refresh.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  const row = page.locator('table.board-table tbody tr', { has: page.locator('.code', { hasText: new RegExp(`^${village.replace(/\./g, '\\.')}$`) }) });
  const cells = await row.locator('td.num').allTextContents();
  if (cells.length !== 5) throw new Error(`board row of ${village}: ${cells.length} figures`);
  const [quota, accepted, waitlisted, cardsHandedOver, cardsPending] = cells.map(count) as [number, number, number, number, number];
  return { quota, accepted, waitlisted, cardsHandedOver, cardsPending };
}
