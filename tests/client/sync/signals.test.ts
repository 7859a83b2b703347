import { afterEach, describe, expect, it, vi } from 'vitest';
import { onConnectivity } from '../../../src/client/sync/signals';

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}

afterEach(() => {
  setOnline(true);
  setVisibility('visible');
});

describe('onConnectivity', () => {
  it('fires when the network comes back and when the app returns to the foreground online', () => {
    const listener = vi.fn();
    const stop = onConnectivity(listener);
    window.dispatchEvent(new Event('online'));
    expect(listener).toHaveBeenCalledTimes(1);
    setVisibility('hidden');
    expect(listener).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    window.dispatchEvent(new Event('online'));
    setVisibility('visible');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('stays quiet on a return to the foreground with no network', () => {
    const listener = vi.fn();
    const stop = onConnectivity(listener);
    setOnline(false);
    setVisibility('visible');
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
