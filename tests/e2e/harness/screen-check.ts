import axe from 'axe-core';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE_VIEWPORT } from './browser';

// Every screen of a journey, as a person on a 360 px phone meets it: nothing pushes the page
// sideways, axe-core finds no violation, and key screens are kept as pictures in docs/.

const DOCS = join(import.meta.dirname, '..', '..', '..', 'docs');

export interface Violation {
  id: string;
  help: string;
  targets: string[];
}

/** axe-core run inside the page (injected through the devtools protocol: no CSP applies). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Asserts the screen fits 360 px and passes axe; with `shot`, saves docs/journey-<shot>.png. */
export async function checkScreen(page: Page, name: string, shot?: string): Promise<void> {
  // Wait for lazy screens and live queries to settle before judging them.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name}: page wider than the phone`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
  if (shot) {
    // What the phone shows, from the top: a full-page shot paints the fixed header and menu in
    // the middle of the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(DOCS, `journey-${shot}.png`), fullPage: false });
  }
}

/** The bottom menu's link called `label`. */
export function navLink(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: label, exact: true });
}

/** The element is on screen, wholly above the fixed bottom menu (not below the fold behind it). */
export async function expectAboveMenu(page: Page, target: Locator, name: string): Promise<void> {
  await target.waitFor();
  // Let a smooth scroll settle before measuring.
  await page.waitForTimeout(300);
  const box = await target.boundingBox();
  const menu = await page.getByRole('navigation', { name: 'Navigasi utama' }).boundingBox();
  expect(box, name).not.toBeNull();
  expect(menu, 'bottom menu').not.toBeNull();
  expect(box?.y ?? -1, `${name}: top on screen`).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0), `${name}: bottom above the menu`).toBeLessThanOrEqual(menu?.y ?? 0);
}
