// Debian's Chromium, driven by playwright-core, with the flags DEVELOPERS.md fixes and a
// throw-away profile; registered for cleanup so that no browser outlives the bench.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import { BENCH_TMP, CHROMIUM } from './paths';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function chromiumVersion(): string | null {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  cdp(page?: Page): Promise<CDPSession>;
  close(): Promise<void>;
}

export async function launch(options: { baseURL?: string; serviceWorkers?: 'allow' | 'block'; extraArgs?: string[] } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(BENCH_TMP, 'profile-'));
  let context: BrowserContext | null = null;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  const unregister = onCleanup(close);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    baseURL: options.baseURL,
    // A low-end Android phone's screen.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    cdp: (p = page) => (context as BrowserContext).newCDPSession(p),
    async close() {
      unregister();
      await close();
    },
  };
}
