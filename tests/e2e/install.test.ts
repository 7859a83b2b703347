import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { launchApp, type AppBrowser } from './harness/browser';
import { startPhone, type Phone } from './harness/phone';
import { pngSize } from './harness/png';

interface ManifestIcon { src: string; sizes: string; type: string; purpose?: string }

let app: Phone;

beforeAll(async () => {
  app = await startPhone();
});

afterAll(async () => {
  await app?.close();
});

describe('installable PWA', () => {
  it('Chromium reports no installability errors', async () => {
    const cdp = await app.context.newCDPSession(app.page);
    // The manifest is fetched after load; ask until Chromium has looked at it.
    let errors: unknown[] = ['not checked yet'];
    for (let attempt = 0; attempt < 20 && errors.length > 0; attempt++) {
      ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
      if (errors.length > 0) await app.page.waitForTimeout(250);
    }
    expect(errors).toEqual([]);
  });

  it('serves a complete manifest with real PNG icons', async () => {
    const cdp = await app.context.newCDPSession(app.page);
    const { errors, data } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Desa100 — 1 Desa 100 Perlindungan',
      short_name: 'Desa100',
      lang: 'id',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

    const wanted = [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']];
    for (const [sizes, purpose] of wanted) {
      const icon = manifest.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any') === purpose);
      expect(icon, `${sizes} ${purpose}`).toBeDefined();
      const res = await app.page.request.get(icon?.src ?? '');
      expect(res.headers()['content-type']).toContain('image/png');
      const size = pngSize(await res.body());
      expect(`${size.width}x${size.height}`).toBe(sizes);
    }
  });

  it('sets the page language, theme colour and title for the launcher', async () => {
    const page = app.page;
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toMatch(/^#/);
    expect(await page.title()).toContain('Desa100');
  });

  it('paints the boot screen before the app runs, then the app replaces it', async () => {
    const page = await app.context.newPage();
    try {
      // When the boot screen leaves #root (the app's first render), on the page's own clock.
      await page.addInitScript(() => {
        new MutationObserver((_records, observer) => {
          if (document.querySelector('#root .boot')) return;
          if (!document.getElementById('root')) return;
          (window as unknown as { bootGoneAt: number }).bootGoneAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto('/');
      // The build runs boot.js in the entry's place and keeps the entry as a preload.
      expect(await page.locator('script[src="/boot.js"]').count()).toBe(1);
      expect(await page.locator('link[rel="modulepreload"][data-desa100-app]').count()).toBe(1);
      await page.locator('.app-header .brand').first().waitFor();
      await page.waitForFunction(() => (window as unknown as { bootGoneAt?: number }).bootGoneAt !== undefined);
      const { fcp, bootGoneAt } = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        bootGoneAt: (window as unknown as { bootGoneAt: number }).bootGoneAt,
      }));
      expect(fcp).not.toBeNull();
      expect(bootGoneAt).toBeGreaterThan(fcp as number);
    } finally {
      await page.close();
    }
  });

  describe("when the app's code cannot be fetched on the first visit", () => {
    const ENTRY = /\/assets\/index-[^/?]+\.js$/;
    let phone: AppBrowser;
    let fetches: number;
    let navigations: number;

    beforeEach(async () => {
      phone = await launchApp(app.server.url);
      fetches = 0;
      navigations = 0;
      phone.page.on('framenavigated', (frame) => {
        if (frame === phone.page.mainFrame()) navigations += 1;
      });
    });

    afterEach(async () => {
      await phone?.close();
    });

    /** Fails every fetch of the entry in the first page with `fail`; later pages get it. */
    async function failInFirstPage(fail: (route: Route) => Promise<void>): Promise<void> {
      await phone.context.route(ENTRY, async (route) => {
        fetches += 1;
        if (navigations <= 1) await fail(route);
        else await route.continue();
      });
    }

    /** The app has replaced the boot screen (the header is part of both). */
    const appRuns = () => phone.page.waitForFunction(
      () => document.querySelector('#root .boot') === null && document.querySelector('.app-header') !== null,
      undefined, { timeout: 30_000 },
    );

    it('keeps the boot screen while offline, and runs the app once the phone is back online', async () => {
      // Offline only once boot.js itself has arrived: it is the entry's fetch that fails.
      const bootLoaded = phone.page.waitForResponse((r) => r.url().endsWith('/boot.js'));
      await failInFirstPage(async (route) => {
        await bootLoaded;
        await phone.context.setOffline(true);
        await route.abort('internetdisconnected');
      });
      await phone.page.goto('/');
      await expect.poll(() => fetches).toBeGreaterThanOrEqual(1);
      // Offline, no timed retry: still the boot screen well after the failure.
      await phone.page.waitForTimeout(3000);
      expect(await phone.page.locator('#root .boot').count()).toBe(1);
      expect(navigations).toBe(1);
      await phone.context.setOffline(false);
      await appRuns();
      expect(navigations).toBe(2);
      // Its screens load too: their chunks import the entry by its own URL, which stays failed
      // in the page that could not fetch it (hence a new page, not the same one asking again).
      await phone.page.locator('a.btn-primary[href="/daftar"]').click();
      await phone.page.locator('form.enrol-form').waitFor({ timeout: 30_000 });
    });

    it('tries again by itself when the browser is online but the fetch failed', async () => {
      await failInFirstPage((route) => route.abort('connectionreset'));
      // A screen of its own chunk, which imports the entry by its URL: it must load in the
      // new page (in the failed one, that URL stays failed).
      await phone.page.goto('/daftar');
      await appRuns();
      await phone.page.locator('form.enrol-form').waitFor({ timeout: 30_000 });
      expect(navigations).toBe(2);
      // The tab's retry count is cleared once the app runs.
      expect(await phone.page.evaluate(() => sessionStorage.getItem('desa100-boot-retries'))).toBeNull();
    });
  });
});
