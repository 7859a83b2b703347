import type { Workbox } from 'workbox-window';

// The service worker's life as the operator sees it, as a tiny external store for React.
// vite-plugin-pwa builds the worker with registerType 'prompt': a new version installs in the
// background and waits; it is only switched on when the operator taps "Perbarui", and the
// page reloads only when this page asked for it.

export interface SwState {
  /** A new version is installed and waiting for the operator's go-ahead. */
  needRefresh: boolean;
  /** First install finished: the app now opens without signal (the banner, until dismissed). */
  offlineReady: boolean;
  /** This page saw the first install finish; unlike offlineReady, dismissing keeps it. */
  installed: boolean;
  /** Another tab switched versions: this page runs old code under a new worker until reloaded. */
  reloadNeeded: boolean;
  /** Registration failed (e.g. private mode): the app works online only. */
  failed: boolean;
}

/** The part of workbox-window we use: lets tests hand in a fake. */
export type WorkboxLike = Pick<Workbox, 'addEventListener' | 'register' | 'update' | 'messageSkipWaiting'>;

export interface SwController {
  getState(): SwState;
  subscribe(listener: () => void): () => void;
  start(): Promise<void>;
  /** Switches to the waiting version; the page reloads once the new worker controls it. */
  applyUpdate(): void;
  dismissUpdate(): void;
  dismissOfflineReady(): void;
  stop(): void;
}

const HOUR = 60 * 60 * 1000;

export function createSwController(
  workbox: WorkboxLike,
  reload: () => void,
  options: { updateEveryMs?: number; isOnline?: () => boolean } = {},
): SwController {
  let state: SwState = { needRefresh: false, offlineReady: false, installed: false, reloadNeeded: false, failed: false };
  const listeners = new Set<() => void>();
  let updateRequested = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  const isOnline = options.isOnline ?? (() => navigator.onLine);

  const set = (patch: Partial<SwState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  workbox.addEventListener('waiting', () => set({ needRefresh: true }));
  workbox.addEventListener('installed', (event) => {
    if (!event.isUpdate) set({ offlineReady: true, installed: true });
  });
  workbox.addEventListener('controlling', (event) => {
    if (updateRequested) reload();
    // An update another tab applied: never reload under the operator; say so instead.
    else if (event.isUpdate) set({ reloadNeeded: true, needRefresh: false });
  });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      try {
        await workbox.register();
      } catch {
        set({ failed: true });
        return;
      }
      // Phones stay open for days: look for a new version now and then, when there is signal.
      timer = setInterval(() => {
        if (isOnline()) workbox.update().catch(() => undefined);
      }, options.updateEveryMs ?? HOUR);
    },
    applyUpdate() {
      if (!state.needRefresh) {
        if (state.reloadNeeded) reload();
        return;
      }
      updateRequested = true;
      workbox.messageSkipWaiting();
    },
    dismissUpdate: () => set({ needRefresh: false }),
    dismissOfflineReady: () => set({ offlineReady: false }),
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
