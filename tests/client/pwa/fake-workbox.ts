import type { WorkboxLike } from '../../../src/client/pwa/sw-controller';

type Listener = (event: { isUpdate?: boolean; isExternal?: boolean }) => void;

/** A stand-in for workbox-window's Workbox: records calls, lets the test fire its events. */
export function fakeWorkbox(options: { registerFails?: boolean } = {}) {
  const listeners = new Map<string, Listener[]>();
  const calls = { register: 0, update: 0, skipWaiting: 0 };
  const wb = {
    addEventListener: (type: string, listener: Listener) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    register: async () => {
      calls.register += 1;
      if (options.registerFails) throw new Error('SecurityError');
      return undefined;
    },
    update: async () => { calls.update += 1; },
    messageSkipWaiting: () => { calls.skipWaiting += 1; },
  };
  const fire = (type: string, event: { isUpdate?: boolean } = {}) => {
    for (const l of listeners.get(type) ?? []) l(event);
  };
  return { wb: wb as unknown as WorkboxLike, calls, fire };
}
