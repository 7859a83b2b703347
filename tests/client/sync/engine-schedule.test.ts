import { describe, expect, it, vi } from 'vitest';
import { getMeta } from '../../../src/client/db/meta';
import { backoffDelay, DEFAULT_SCHEDULE, retryAfterDelay } from '../../../src/client/sync/schedule';
import { parseRetryAfter } from '../../../src/client/sync/http';
import { capture, setup } from './harness';

describe('backoff schedule', () => {
  it('doubles from 5 s to a 10 min ceiling, with ±20 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelay(n, () => 0.5))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(4_000);
    expect(backoffDelay(1, () => 1)).toBe(6_000);
    expect(backoffDelay(200, () => 1)).toBe(720_000);
  });

  it("waits at least a 429's Retry-After (seconds or an HTTP date)", () => {
    expect(retryAfterDelay(120_000, () => 0)).toBe(120_000);
    expect(retryAfterDelay(120_000, () => 1)).toBe(144_000);
    const now = Date.parse('2025-03-10T03:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 10 Mar 2025 03:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter(null, now)).toBe(60_000);
  });
});

/** Captures the engine's `online` listener so that a test can fire the event. */
function onlineEvent() {
  const box = { fire: () => {} };
  const onOnline = (listener: () => void) => {
    box.fire = listener;
    return () => {};
  };
  return { box, onOnline };
}

describe('sync engine: triggers and timers', () => {
  it('retries a dead server on the backoff schedule, then settles to the healthy interval', async () => {
    const h = await setup({ random: () => 0.5 });
    await capture(h.db, 1);
    for (let i = 0; i < 4; i++) h.server.fault('down', 'push');
    h.engine.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(h.engine.getState().running || h.timers.pendingDelays().length === 0).toBe(false));
      expect(h.engine.getState().lastError?.code).toBe('offline');
      expect(h.engine.getState().nextAttemptAt).toBe(h.timers.now + h.timers.pendingDelays()[0]!);
      delays.push(h.timers.fireNext());
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    await vi.waitFor(() => expect(h.engine.getState().lastSyncAt).not.toBeNull());
    await vi.waitFor(() => expect(h.timers.pendingDelays()).toEqual([DEFAULT_SCHEDULE.idleIntervalMs]));
    expect(h.server.registrations.size).toBe(1);
    h.engine.stop();
    expect(h.timers.pendingDelays()).toEqual([]);
  });

  it('honours 429 Retry-After instead of the backoff', async () => {
    const h = await setup({ random: () => 0 });
    await capture(h.db, 1);
    h.server.fault('rate-limited', 'push', { retryAfterSeconds: 90 });
    h.engine.start();
    await vi.waitFor(() => expect(h.engine.getState().lastError?.code).toBe('rate-limited'));
    expect(h.engine.getState().lastError?.params).toEqual({ seconds: 90 });
    await vi.waitFor(() => expect(h.timers.pendingDelays()).toEqual([90_000]));
    h.engine.stop();
  });

  it('401 stops: "perangkat perlu didaftarkan ulang", no timer, no retry on `online`', async () => {
    const online = onlineEvent();
    const h = await setup({ onOnline: online.onOnline });
    await capture(h.db, 2);
    h.server.fault('unauthorised', 'push');
    h.engine.start();
    await vi.waitFor(() => expect(h.engine.getState().halted).toBe(true));
    expect(h.engine.getState().lastError).toMatchObject({ code: 'unauthenticated', messageKey: 'sync.error.unauthenticated' });
    expect(await getMeta(h.db, 'lastSyncError')).toBe('sync.error.unauthenticated');
    expect(h.timers.pendingDelays()).toEqual([]);
    // Not delivered for sure: the records go back to pending.
    expect((await h.db.registrations.toArray()).map((r) => r.status)).toEqual(['pending', 'pending']);
    online.box.fire();
    expect(h.engine.getState().running).toBe(false);
    expect(h.server.log).toHaveLength(1);
    // The operator re-enrols, then "Sinkronkan sekarang" works again.
    const state = await h.engine.syncNow();
    expect(state).toMatchObject({ halted: false, lastError: null, pendingCount: 0 });
    h.engine.stop();
  });

  it('an unenrolled phone does not call the server', async () => {
    const h = await setup();
    await h.db.meta.delete('token');
    const state = await h.engine.syncNow();
    expect(state.lastError?.code).toBe('not-enrolled');
    expect(h.server.log).toHaveLength(0);
  });

  it('the `online` event syncs at once, whatever the backoff said', async () => {
    const event = onlineEvent();
    let online = false;
    const h = await setup({ isOnline: () => online, onOnline: event.onOnline });
    await capture(h.db, 1);
    h.engine.start();
    await vi.waitFor(() => expect(h.engine.getState().lastError?.code).toBe('offline'));
    expect(h.server.log).toHaveLength(0); // offline: not even tried
    expect((await h.db.registrations.toArray())[0]?.status).toBe('pending');
    online = true;
    event.box.fire();
    await vi.waitFor(() => expect(h.engine.getState().lastSyncAt).not.toBeNull());
    expect(h.server.registrations.size).toBe(1);
    h.engine.stop();
  });

  it('a record saved while idle is pushed after a short debounce', async () => {
    const h = await setup();
    await capture(h.db, 2);
    h.engine.start();
    await vi.waitFor(() => expect(h.engine.getState().lastSyncAt).not.toBeNull());
    // Start syncs once; the counts it finds at start are not "new saves" to sync again for.
    await vi.waitFor(() => expect(h.timers.pendingDelays()).toEqual([DEFAULT_SCHEDULE.idleIntervalMs]));
    expect(h.server.log.map((l) => l.route)).toEqual(['push', 'pull']);
    await capture(h.db, 1);
    await vi.waitFor(() => expect(h.engine.getState().pendingCount).toBe(1));
    expect(h.timers.pendingDelays()).toEqual([DEFAULT_SCHEDULE.queuedDebounceMs]);
    h.timers.fireNext();
    await vi.waitFor(() => expect(h.engine.getState().pendingCount).toBe(0));
    expect(h.server.registrations.size).toBe(3);
    h.engine.stop();
  });

  it('never runs two syncs at once; a request during a run runs once more after it', async () => {
    const h = await setup();
    await capture(h.db, 3);
    const first = h.engine.syncNow();
    const second = h.engine.syncNow();
    const third = h.engine.syncNow();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await first;
    expect(h.server.maxInFlight).toBe(1);
    // One push then one pull, twice (the run and the re-run); nothing in parallel.
    expect(h.server.log.map((l) => l.route)).toEqual(['push', 'pull', 'pull']);
  });

  it('records the clock offset from the server time and flags a clock more than 5 minutes off', async () => {
    const h = await setup();
    h.server.skewMs = -7 * 60_000; // the phone runs 7 minutes fast
    await capture(h.db, 1);
    const state = await h.engine.syncNow();
    expect(state.clockOffsetMs).toBe(-7 * 60_000);
    expect(state.clockFarOff).toBe(true);
    expect(await getMeta(h.db, 'clockOffsetMs')).toBe(-7 * 60_000);

    h.server.skewMs = 90_000; // a pull alone: only the Date header (whole seconds)
    const later = await h.engine.syncNow();
    expect(Math.abs((later.clockOffsetMs ?? 0) - 90_000)).toBeLessThanOrEqual(1_000);
    expect(later.clockFarOff).toBe(false);
  });
});
