import { useSyncExternalStore } from 'react';
import { createSwController, type SwController, type SwState } from './sw-controller';

// One controller per page. Only production builds register: the dev server has no worker, so
// that a stale cache never hides what a developer just changed.

let controller: SwController | null = null;
/** Components mounted before the controller exists; told to re-subscribe once it does. */
const waitingForController = new Set<() => void>();

const IDLE: SwState = { needRefresh: false, offlineReady: false, installed: false, reloadNeeded: false, failed: false };
const idle = () => IDLE;
const currentState = () => controller?.getState() ?? IDLE;

/**
 * One subscribe and one snapshot for the page's whole life. The shell renders before the
 * worker registers: a listener added then is moved onto the controller once it exists, and
 * the snapshot reads that controller. (Swapping the functions on a later render, as before,
 * never happened on a fresh phone: nothing re-rendered the banner, and "siap dipakai tanpa
 * sinyal" was never shown.)
 */
function subscribe(listener: () => void): () => void {
  if (controller) return controller.subscribe(listener);
  let inner: (() => void) | null = null;
  const attached = () => {
    inner = controller ? controller.subscribe(listener) : null;
    listener();
  };
  waitingForController.add(attached);
  return () => {
    waitingForController.delete(attached);
    inner?.();
  };
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
  const state = useSyncExternalStore(subscribe, currentState, idle);
  return {
    ...state,
    applyUpdate: () => controller?.applyUpdate(),
    dismissUpdate: () => controller?.dismissUpdate(),
    dismissOfflineReady: () => controller?.dismissOfflineReady(),
  };
}

/**
 * Whether this phone opens the app without signal: a worker controls the page (installed on an
 * earlier visit), or this page saw the first install finish.
 */
export function useOfflineCapable(): boolean {
  const { installed } = useServiceWorker();
  return installed || Boolean(globalThis.navigator?.serviceWorker?.controller);
}
