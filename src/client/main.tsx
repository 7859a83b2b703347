import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { importWhenReachable } from './app/deferred';
import { readLocaleMirror } from './db/app-state';
import { requestPersistentStorage } from './pwa/persistent-storage';
import { listenForInstallPrompt } from './pwa/install-prompt';
import { startServiceWorker } from './pwa/register';

// Run by public/boot.js once the boot screen is on screen (in a build): render at once. The
// first paint never waits on IndexedDB (which can hang behind a blocked upgrade in another
// tab). The saved language comes from its synchronous localStorage copy; App corrects it from
// IndexedDB if they differ.
const container = document.getElementById('root');
listenForInstallPrompt();

if (container) {
  const locale = readLocaleMirror() ?? 'id';
  document.documentElement.lang = locale;
  const root = createRoot(container);
  // As a transition, React builds the first screen in slices and gives the main thread back
  // between them: one long task otherwise on a cheap phone (P2's blocking time). The boot
  // screen stays until the screen is ready.
  startTransition(() => root.render(
    <StrictMode>
      <App initialLocale={locale} />
    </StrictMode>,
  ));
}

/**
 * Runs `task` once the page has loaded and the main thread is idle: start-up work the first
 * screen does not need stays out of the tasks that make it usable (on a cheap phone each of
 * these is tens of ms; Lighthouse counts them as blocking time, P2).
 */
function whenSettled(task: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 100);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

// The first sync at start, then on `online`, on its timer and after saves (src/client/sync).
// One chunk with the sync band (app/layout.tsx).
whenSettled(() => void importWhenReachable(() => import('./features/sync-status')).then(({ startSync }) => startSync()));
// Registered after load, as Workbox advises: the first install fetches every precached file.
whenSettled(() => void startServiceWorker());
whenSettled(() => void requestPersistentStorage());
