import { appDb } from '../db/app-state';
import { discardRejected } from '../db/registrations';
import { createSyncStore, resendRejected } from '../db/sync-store';
import type { Registration } from '../../shared/registration';
import { createSyncEngine, type SyncEngine } from './engine';
import { nativeGzip } from './gzip';
import { onConnectivity } from './signals';
import type { SyncState } from './types';

// The app's one sync engine, over the app's database and the page's fetch (same origin:
// /api/v1 on whichever host served the PWA). Made on first use so that importing this module
// (tests, lazy chunks) opens nothing.

let engine: SyncEngine | null = null;

/** Two tabs of the app must not push the same outbox at once: one Web Lock for all of them. */
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return run();
  return navigator.locks.request('desa100-sync', run);
}

export function getSyncEngine(): SyncEngine {
  engine ??= createSyncEngine({
    store: createSyncStore(appDb()),
    fetch: (input, init) => window.fetch(input, init),
    isOnline: () => navigator.onLine,
    onOnline: (listener) => onConnectivity(listener),
    exclusive,
    gzip: nativeGzip(),
  });
  return engine;
}

/** Called once by main.tsx: the first sync now, then on `online` or a return to the foreground, on the timer and on saves. */
export function startSync(): SyncEngine {
  const started = getSyncEngine();
  started.start();
  return started;
}

/** "Sinkronkan sekarang", and after enrolment. */
export function requestSync(): Promise<SyncState> {
  return getSyncEngine().syncNow();
}

/** Roster "Kirim ulang": requeues a rejected record (optionally corrected) and syncs soon. */
export async function resendRejectedRecord(id: string, corrected?: Registration): Promise<string[]> {
  const opIds = await resendRejected(appDb(), id, { corrected });
  await getSyncEngine().refresh();
  void requestSync();
  return opIds;
}

/** Roster "Buang": drops a rejected record's refused change on purpose (see registrations.ts). */
export async function discardRejectedRecord(id: string): Promise<'deleted' | 'reverted'> {
  const outcome = await discardRejected(appDb(), id);
  await getSyncEngine().refresh();
  return outcome;
}
