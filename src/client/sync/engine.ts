import { CodedError } from '../../shared/errors';
import { MAX_OPS_PER_PUSH } from '../../shared/programme';
import { nativeGzip, type Gzip } from './gzip';
import { ApiFailure, browserTimers, type ApiAnswer, type ApiDeps } from './http';
import { generationWatch, syncRounds } from './generation';
import type { PhaseContext } from './phases';
import { FailureStreak } from './quarantine';
import {
  backoffDelay, clockOffset, DEFAULT_SCHEDULE, isClockFarOff, retryAfterDelay, type Schedule,
} from './schedule';
import type {
  FetchLike, SyncCounts, SyncErrorCode, SyncErrorState, SyncState, SyncStore, Timers,
} from './types';

export interface SyncEngineDeps {
  store: SyncStore;
  fetch: FetchLike;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  isOnline?: () => boolean;
  /** Subscribes to the browser's `online` event; returns the unsubscribe. */
  onOnline?: (listener: () => void) => () => void;
  apiBase?: string;
  requestTimeoutMs?: number;
  schedule?: Partial<Schedule>;
  /** Runs a sync exclusively across tabs (navigator.locks); by default it just runs it. */
  exclusive?: <T>(run: () => Promise<T>) => Promise<T>;
  /** Gzips push bodies (src/client/sync/gzip.ts); absent: the browser's own; null: plain JSON. */
  gzip?: Gzip | null;
}

export interface SyncEngine {
  /** Syncs at once, then on `online`, on the timer, and when records are saved. Idempotent. */
  start(): void;
  stop(): void;
  /** Runs a sync (or joins the running one and runs again after it); resolves to the state. */
  syncNow(): Promise<SyncState>;
  /** Re-reads the counts (after a record was resent or discarded) and tells the listeners. */
  refresh(): Promise<void>;
  getState(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Resolves once stored push answers are written into their records (see SyncStore.foldAnswers). */
  folded(): Promise<void>;
}

const MIN_BATCH = 25;

export const INITIAL_SYNC_STATE: SyncState = {
  running: false, phase: 'idle', lastSyncAt: null, lastError: null, pendingCount: null,
  rejectedCount: null, clockOffsetMs: null, clockFarOff: false, progress: null,
  nextAttemptAt: null, halted: false, restoring: null,
};

export function syncErrorKey(code: SyncErrorCode): string {
  return `sync.error.${code}`;
}

/** Anything that is not an ApiFailure came from this phone: IndexedDB full, closed, or a bug. */
function localFailureCode(error: unknown): SyncErrorCode {
  if (error instanceof CodedError && error.code === 'storage-full') return 'storage-full';
  // The name only: a message could quote a record.
  console.error('sync: local failure', error instanceof Error ? error.name : typeof error);
  return 'storage';
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const timers = deps.timers ?? browserTimers;
  const isOnline = deps.isOnline ?? (() => true);
  const exclusive = deps.exclusive ?? (<T>(run: () => Promise<T>) => run());
  const schedule: Schedule = { ...DEFAULT_SCHEDULE, ...deps.schedule };
  const gzip = deps.gzip === undefined ? nativeGzip() : deps.gzip;
  const api: ApiDeps = {
    fetch: deps.fetch, now, timers, base: deps.apiBase, timeoutMs: deps.requestTimeoutMs, gzip,
  };
  let gzipAccepted = Boolean(gzip);

  let state: SyncState = INITIAL_SYNC_STATE;
  const listeners = new Set<(state: SyncState) => void>();
  let started = false;
  let unsubscribers: Array<() => void> = [];
  let timer: unknown = null;
  let current: Promise<SyncState> | null = null;
  let rerun = false;
  let savedDuringRun = false;
  let failures = 0;
  let batchSize = MAX_OPS_PER_PUSH;
  const streak = new FailureStreak();
  let folding: Promise<void> = Promise.resolve();
  let foldQueued = false;

  /**
   * Writes stored answers into their records after a run, in the background: the screens read
   * them already, so the operator does not wait for it. One fold at a time; asked again while
   * one runs, it runs once more after it.
   */
  function fold(): void {
    if (!store.foldAnswers || foldQueued) return;
    foldQueued = true;
    folding = folding.then(async () => {
      foldQueued = false;
      await store.foldAnswers?.().catch((error: unknown) => {
        // The name only: a message could quote a record. The next run folds again.
        console.error('sync: folding answers failed', error instanceof Error ? error.name : typeof error);
      });
    });
  }

  function emit(patch: Partial<SyncState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function setCounts(counts: SyncCounts): void {
    const rose = counts.pending > (state.pendingCount ?? 0);
    emit({ pendingCount: counts.pending, rejectedCount: counts.rejected });
    if (!rose || !started || state.halted) return;
    if (current) savedDuringRun = true;
    // A fresh save goes out soon, unless a failure's backoff says the server needs rest.
    else if (failures === 0) scheduleIn(schedule.queuedDebounceMs);
  }

  function scheduleIn(ms: number): void {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      void syncNow();
    }, ms);
    emit({ nextAttemptAt: now() + ms });
  }

  function cancelTimer(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
  }

  async function runOnce(): Promise<void> {
    cancelTimer();
    emit({ running: true, phase: 'push', progress: null, nextAttemptAt: null });
    savedDuringRun = false;
    let reading: { offset: number; precise: boolean } | null = null;
    const onServerTime = (answer: ApiAnswer<unknown>, serverMs: number | null, header: boolean) => {
      // A push's serverTime (milliseconds) beats a pull's Date header (whole seconds).
      if (serverMs === null || (reading?.precise && header)) return;
      reading = { offset: clockOffset(serverMs, answer.sentAt, answer.receivedAt, header), precise: !header };
    };
    try {
      await exclusive(async () => {
        const identity = await store.identity();
        if (!identity) throw new ApiFailure('not-enrolled', 'not-delivered');
        // navigator.onLine false is reliable (true is not): skip the request, keep records `pending`.
        if (!isOnline()) throw new ApiFailure('offline', 'not-delivered');
        const ctx: PhaseContext = {
          store, api, identity, now, onServerTime, streak,
          batchSize: () => batchSize,
          gzip: () => gzipAccepted,
          refuseGzip: () => {
            gzipAccepted = false;
          },
          onProgress: (progress) => emit({ progress }),
          seeGeneration: await generationWatch(store),
        };
        await syncRounds(ctx, { store, now, emit, restoring: () => state.restoring });
      });
      await succeeded(reading);
    } catch (error) {
      await failed(error, reading);
    } finally {
      emit({ running: false, phase: 'idle', progress: null });
      fold();
    }
  }

  function clockPatch(reading: { offset: number } | null): Partial<SyncState> {
    if (!reading) return {};
    return { clockOffsetMs: reading.offset, clockFarOff: isClockFarOff(reading.offset, schedule) };
  }

  async function succeeded(reading: { offset: number } | null): Promise<void> {
    failures = 0;
    batchSize = Math.min(MAX_OPS_PER_PUSH, batchSize * 2);
    const at = new Date(now()).toISOString();
    await store.recordSync({ at, error: null, clockOffsetMs: reading?.offset }).catch(() => undefined);
    const counts = await store.counts().catch(() => null);
    emit({
      lastSyncAt: at, lastError: null, halted: false, ...clockPatch(reading),
      ...(counts && { pendingCount: counts.pending, rejectedCount: counts.rejected }),
    });
    if (!started) return;
    if (savedDuringRun) scheduleIn(schedule.queuedDebounceMs);
    else scheduleIn((state.pendingCount ?? 0) > 0 ? schedule.busyIntervalMs : schedule.idleIntervalMs);
  }

  async function failed(error: unknown, reading: { offset: number } | null): Promise<void> {
    const failure = error instanceof ApiFailure ? error : null;
    const code = failure?.code ?? localFailureCode(error);
    const lastError: SyncErrorState = { code, messageKey: syncErrorKey(code), at: new Date(now()).toISOString() };
    if (failure?.retryAfterMs != null) lastError.params = { seconds: Math.ceil(failure.retryAfterMs / 1000) };
    if (code === 'refused') lastError.params = { code: failure?.serverCode ?? String(failure?.status ?? '') };
    // A push that timed out (or a proxy found too large) may be too big for this line: send less.
    if (state.phase === 'push' && (code === 'timeout' || failure?.status === 413)) {
      batchSize = Math.max(MIN_BATCH, Math.floor(batchSize / 2));
    }
    await store.recordSync({ error: lastError.messageKey, clockOffsetMs: reading?.offset }).catch(() => undefined);
    const counts = await store.counts().catch(() => null);
    // 401: the token is dead; retrying cannot help until the device is enrolled again.
    const halted = code === 'unauthenticated' || code === 'not-enrolled';
    emit({
      lastError, halted, ...clockPatch(reading),
      ...(counts && { pendingCount: counts.pending, rejectedCount: counts.rejected }),
    });
    if (!started || halted) return;
    if (code === 'rate-limited' && failure?.retryAfterMs != null) {
      scheduleIn(retryAfterDelay(failure.retryAfterMs, random, schedule));
    } else {
      failures += 1;
      scheduleIn(backoffDelay(failures, random, schedule));
    }
  }

  function syncNow(): Promise<SyncState> {
    if (current) {
      rerun = true;
      return current;
    }
    current = (async () => {
      try {
        do {
          rerun = false;
          await runOnce();
        } while (rerun);
      } finally {
        current = null;
      }
      return state;
    })();
    return current;
  }

  async function refresh(): Promise<void> {
    setCounts(await store.counts());
  }

  function start(): void {
    if (started) return;
    started = true;
    if (deps.onOnline) {
      unsubscribers.push(deps.onOnline(() => {
        if (state.halted) return;
        // The signal is back: whatever the backoff said, try now.
        failures = 0;
        void syncNow();
      }));
    }
    if (store.watchCounts) {
      // The first answer is the count as it stands, not a save: it must not schedule a sync.
      let primed = false;
      unsubscribers.push(store.watchCounts((counts) => {
        if (primed) return setCounts(counts);
        primed = true;
        emit({ pendingCount: counts.pending, rejectedCount: counts.rejected });
      }));
    }
    void store.readStatus().then((snapshot) => {
      if (state.lastSyncAt === null) emit({ lastSyncAt: snapshot.lastSyncAt });
      if (state.clockOffsetMs === null) emit(clockPatch(snapshot.clockOffsetMs === null ? null : { offset: snapshot.clockOffsetMs }));
    }).catch(() => undefined);
    void syncNow();
  }

  function stop(): void {
    started = false;
    cancelTimer();
    emit({ nextAttemptAt: null });
    for (const unsubscribe of unsubscribers) unsubscribe();
    unsubscribers = [];
  }

  return {
    start, stop, syncNow, refresh,
    getState: () => state,
    folded: () => folding,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
