import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { importWhenReachable } from './app/deferred';
import { readLocaleMirror } from './db/app-state';
import { requestPersistentStorage } from './pwa/persistent-storage';
import { startServiceWorker } from './pwa/register';

// Render at once: the first paint never waits on IndexedDB (which can hang behind a blocked
// upgrade in another tab). The saved language comes from its synchronous localStorage copy;
// App corrects it from IndexedDB if they differ.
const container = document.getElementById('root');

/**
 * Runs `start` once the browser has painted a frame: the boot screen of index.html then shows
 * at once, even where the scripts arrive before the first paint and the first render would hold
 * it for hundreds of ms on a cheap phone (it is also the page's largest paint, P2). A hidden tab
 * paints no frames: the timer starts it anyway.
 */
function afterFirstPaint(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

if (container) {
  const locale = readLocaleMirror() ?? 'id';
  document.documentElement.lang = locale;
  afterFirstPaint(() => {
    createRoot(container).render(
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
