import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

// Debian's Chromium in a persistent context (a real profile on disk): the default context is
// incognito-like, where installability and storage behave differently from a phone.

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A low-end Android phone's screen. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

export interface AppBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Chromium flags on top of CHROMIUM_ARGS (e.g. harness/camera.ts's fake camera). */
  extraArgs?: readonly string[];
}

export async function launchApp(baseURL: string, options: LaunchOptions = {}): Promise<AppBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'desa100-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    baseURL,
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the service worker controls the page: only then are the shell's files cached and
 * requests answered by the worker, so going offline is meaningful.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
}

/** Waits until React has replaced index.html's static loading screen with the app. */
export async function waitForShell(page: Page): Promise<void> {
  await page.locator('nav.bottom-nav').waitFor();
}

/** Open `path` and wait for the app (not just the static loading screen) to render. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForShell(page);
}
