import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
