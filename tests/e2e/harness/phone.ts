import { launchApp, openApp, waitForServiceWorker, type AppBrowser } from './browser';
import { startAppServer, type AppServer } from './server';

/** The real server, and a fresh Chromium profile with the app open and its worker in control. */
export interface Phone extends AppBrowser {
  server: AppServer;
}

export async function startPhone(): Promise<Phone> {
  const server = await startAppServer();
  let app: AppBrowser | undefined;
  try {
    app = await launchApp(server.url);
    await openApp(app.page);
    await waitForServiceWorker(app.page);
  } catch (error) {
    await app?.close();
    await server.stop();
    throw error;
  }
  const browser = app;
  return {
    ...browser,
    server,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
