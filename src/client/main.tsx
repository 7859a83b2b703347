import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { importWhenReachable } from './app/deferred';
import { appDb, readStartupState } from './db/app-state';
import type { Locale } from './i18n';
import { requestPersistentStorage } from './pwa/persistent-storage';
import { startServiceWorker } from './pwa/register';

/**
 * The saved language, so an English-speaking operator never sees a flash of Indonesian.
 * IndexedDB can hang (a blocked upgrade in another tab) or be missing: never wait long for it.
 */
async function initialLocale(): Promise<Locale> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
  try {
    const state = await Promise.race([readStartupState(appDb()), timeout]);
    return state?.locale ?? 'id';
  } catch {
    return 'id';
  }
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  void initialLocale().then((locale) => {
    document.documentElement.lang = locale;
    root.render(
      <StrictMode>
        <App initialLocale={locale} />
      </StrictMode>,
    );
  });
}

void startServiceWorker();
void requestPersistentStorage();
// The first sync at start, then on `online`, on its timer and after saves (src/client/sync).
// One chunk with the sync band (app/layout.tsx), asked for at once but never in the way of the
// first render.
void importWhenReachable(() => import('./features/sync-status')).then(({ startSync }) => startSync());
