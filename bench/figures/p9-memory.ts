// P9: JS heap of the PWA tab holding 10,000 registrations: the production build served by the
// real server, its own IndexedDB filled through the pull path (bench page, same origin), then
// the roster (/peserta) opened and the heap read after a forced garbage collection.
import type { Page } from 'playwright-core';
import { ensureAppBuild } from '../lib/app-build';
import type { Figure } from '../lib/figure';
import type { Metric, Mode } from '../lib/report';
import { openBenchPage, withSession } from '../lib/session';
import { median } from '../lib/stats';
import { villageCodes } from '../lib/villages';

const PLANS: Record<Mode, { runs: number; stored: number }> = { full: { runs: 3, stored: 10_000 }, quick: { runs: 1, stored: 3_000 } };

async function heapMb(page: Page, cdp: { send(method: string): Promise<unknown> }): Promise<number> {
  await page.waitForLoadState('networkidle');
  // Lazy chunks, live queries and the first window of rows settle within a second or two.
  await page.waitForTimeout(2000);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 1024 / 1024;
}

export const p9Memory: Figure = {
  id: 'P9',
  title: 'JS heap of the PWA tab holding 10,000 registrations',
  timeoutMs: (mode) => (mode === 'full' ? 240_000 : 120_000),
  async run(ctx) {
    const dir = await ensureAppBuild();
    const [village] = villageCodes(1, { prefix: '32.14.16', seed: 9 });
    const roster: number[] = [];
    const empty: number[] = [];
    for (let r = 0; r < PLANS[ctx.mode].runs; r++) {
      await withSession({ dist: true, distDir: dir }, async ({ page, browser }) => {
        const cdp = await browser.cdp();
        await page.goto('/peserta');
        empty.push(await heapMb(page, cdp));
        await openBenchPage(page, 'storage');
        // The app's own database name: the tab opened next finds them as the operator would.
        await page.evaluate(({ v, n }) => window.benchStorage!.seedPulled('desa100', { seed: 900, count: n, villages: [v] }), { v: village as string, n: PLANS[ctx.mode].stored });
        await page.goto('/peserta');
        await page.locator('main').waitFor();
        roster.push(await heapMb(page, cdp));
        // The figure only means something if the roster really lists them.
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        ctx.log(`P9: roster shows: ${text.slice(0, 400)}`);
      });
      ctx.log(`P9: roster tab ${roster.at(-1)?.toFixed(1)} MB with ${PLANS[ctx.mode].stored} stored, ${empty.at(-1)?.toFixed(1)} MB empty`);
    }
    const metrics: Metric[] = [
      { key: 'P9.heap-mb', what: `JS heap, /peserta with ${PLANS[ctx.mode].stored} stored`, value: median(roster), unit: 'MB', direction: 'max', target: PLANS[ctx.mode].stored === 10_000 ? 60 : undefined, gate: true, detail: `Runtime.getHeapUsage after a forced GC, production build; same tab with nothing stored: ${median(empty).toFixed(1)} MB; median of ${PLANS[ctx.mode].runs}` },
    ];
    return metrics;
  },
};
