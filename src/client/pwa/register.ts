import { useSyncExternalStore } from 'react';
import { createSwController, type SwController, type SwState } from './sw-controller';

// One controller per page. Only production builds register: the dev server has no worker, so
// that a stale cache never hides what a developer just changed.

let controller: SwController | null = null;
/** Components mounted before the controller exists; told to re-subscribe once it does. */
const waitingForController = new Set<() => void>();

const IDLE: SwState = { needRefresh: false, offlineReady: false, reloadNeeded: false, failed: false };
const idle = () => IDLE;

function subscribeLater(listener: () => void): () => void {
  waitingForController.add(listener);
  return () => waitingForController.delete(listener);
}

/** Makes `c` the page's controller (startServiceWorker; component tests with a fake worker). */
export function attachSwController(c: SwController): void {
  controller = c;
  for (const listener of waitingForController) listener();
  waitingForController.clear();
}

/** Called after the first render: workbox-window comes as its own small chunk. */
export async function startServiceWorker(): Promise<void> {
  if (controller || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const c = createSwController(new Workbox('/sw.js', { scope: '/' }), () => window.location.reload());
  attachSwController(c);
  await c.start();
}

export interface ServiceWorkerApi extends SwState {
  applyUpdate: () => void;
  dismissUpdate: () => void;
  dismissOfflineReady: () => void;
}

export function useServiceWorker(): ServiceWorkerApi {
  const c = controller;
  const state = useSyncExternalStore(c ? c.subscribe : subscribeLater, c ? c.getState : idle, idle);
  return {
    ...state,
    applyUpdate: () => c?.applyUpdate(),
    dismissUpdate: () => c?.dismissUpdate(),
    dismissOfflineReady: () => c?.dismissOfflineReady(),
  };
}
