import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSwController } from '../../../src/client/pwa/sw-controller';
import { fakeWorkbox } from './fake-workbox';

afterEach(() => {
  vi.useRealTimers();
});

describe('service worker controller', () => {
  it('announces offline readiness after the first install only', async () => {
    const { wb, fire } = fakeWorkbox();
    const c = createSwController(wb, vi.fn());
    await c.start();
    fire('installed', { isUpdate: true });
    expect(c.getState().offlineReady).toBe(false);
    fire('installed', { isUpdate: false });
    expect(c.getState().offlineReady).toBe(true);
    c.dismissOfflineReady();
    expect(c.getState().offlineReady).toBe(false);
    c.stop();
  });

  it('waits for the operator, then skips waiting and reloads once the new worker controls', async () => {
    const { wb, fire, calls } = fakeWorkbox();
    const reload = vi.fn();
    const c = createSwController(wb, reload);
    const seen: boolean[] = [];
    c.subscribe(() => seen.push(c.getState().needRefresh));
    await c.start();

    fire('waiting');
    expect(c.getState().needRefresh).toBe(true);
    expect(seen).toEqual([true]);
    expect(calls.skipWaiting).toBe(0); // never on its own
    expect(reload).not.toHaveBeenCalled();

    c.applyUpdate();
    expect(calls.skipWaiting).toBe(1);
    expect(reload).not.toHaveBeenCalled(); // not before the new worker has taken over
    fire('controlling', { isUpdate: true });
    expect(reload).toHaveBeenCalledTimes(1);
    c.stop();
  });

  it('never reloads under the operator when another tab switched versions', async () => {
    const { wb, fire } = fakeWorkbox();
    const reload = vi.fn();
    const c = createSwController(wb, reload);
    await c.start();
    fire('waiting');
    fire('controlling', { isUpdate: true });
    expect(reload).not.toHaveBeenCalled();
    expect(c.getState()).toMatchObject({ reloadNeeded: true, needRefresh: false });
    c.applyUpdate(); // "Muat ulang" on the banner
    expect(reload).toHaveBeenCalledTimes(1);
    c.stop();
  });

  it('does nothing on applyUpdate when no version is waiting', async () => {
    const { wb, calls } = fakeWorkbox();
    const reload = vi.fn();
    const c = createSwController(wb, reload);
    await c.start();
    c.applyUpdate();
    expect(calls.skipWaiting).toBe(0);
    expect(reload).not.toHaveBeenCalled();
    c.stop();
  });

  it('reports a failed registration instead of throwing', async () => {
    const { wb } = fakeWorkbox({ registerFails: true });
    const c = createSwController(wb, vi.fn());
    await expect(c.start()).resolves.toBeUndefined();
    expect(c.getState().failed).toBe(true);
  });

  it('checks for updates periodically, only while online', async () => {
    vi.useFakeTimers();
    const { wb, calls } = fakeWorkbox();
    let online = false;
    const c = createSwController(wb, vi.fn(), { updateEveryMs: 1000, isOnline: () => online });
    await c.start();
    vi.advanceTimersByTime(3000);
    expect(calls.update).toBe(0);
    online = true;
    vi.advanceTimersByTime(2000);
    expect(calls.update).toBe(2);
    c.stop();
    vi.advanceTimersByTime(5000);
    expect(calls.update).toBe(2);
  });
});
