import { launchApp, openApp, waitForServiceWorker, type AppBrowser, type LaunchOptions } from './browser';
import { startAppServer, type AppServer } from './server';

/** The real server, and a fresh Chromium profile with the app open and its worker in control. */
export interface Phone extends AppBrowser {
  server: AppServer;
}

/**
 * One more phone for a server that is already running: its own profile (own IndexedDB and
 * service worker), the app open and its worker in control. close() ends the browser only.
 */
export async function openPhone(server: AppServer, options: LaunchOptions = {}): Promise<AppBrowser> {
  const app = await launchApp(server.url, options);
  try {
    await openApp(app.page);
    await waitForServiceWorker(app.page);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

export async function startPhone(): Promise<Phone> {
  const server = await startAppServer();
  let browser: AppBrowser;
  try {
    browser = await openPhone(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    ...browser,
    server,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
