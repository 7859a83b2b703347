// One real server (embedded database, temp folder) plus one Chromium on its origin: the
// browser figures' common setup, torn down whatever happens.
import type { Page } from 'playwright-core';
import type { Role } from '../../src/shared';
import { launch, type Browser } from './chromium';
import { ensurePages } from './pages';
import { DIST } from './paths';
import { disposeLocation, newLocation, startServer, type BenchServer } from './server';

export interface Session {
  server: BenchServer;
  browser: Browser;
  page: Page;
}

export async function withSession<T>(
  options: { dist?: boolean; distDir?: string; tokens?: Array<{ role: Role; scope: string }>; serviceWorkers?: 'allow' | 'block' },
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  const pagesDir = await ensurePages();
  const loc = await newLocation('sqlite');
  try {
    const server = await startServer(loc, { pagesDir, staticDir: options.dist ? options.distDir ?? DIST : undefined, tokens: options.tokens ?? [] });
    try {
      const browser = await launch({ baseURL: server.url, serviceWorkers: options.serviceWorkers });
      try {
        return await fn({ server, browser, page: browser.page });
      } finally {
        await browser.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await disposeLocation(loc);
  }
}

/** Opens a bench page and waits for its module to have put its API on window. */
export async function openBenchPage(page: Page, name: 'storage' | 'sync' | 'pouch', origin = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/__bench/${name}.html`);
  await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 30_000 }).catch(() => {
    throw new Error(`bench page ${name} did not load: ${errors.join('; ') || 'no error reported'}`);
  });
}
