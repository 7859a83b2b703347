// P5: the app's real sync engine (src/client/sync) over the app's storage layer, in real
// Chromium, against the real server on the same origin. The queue is filled through the enrol
// repository, exactly as the form saves; the clock runs from syncNow() ("online") until every
// result and the pull after it are stored on the device.
import { setMeta } from '../../src/client/db/meta';
import { countByStatus } from '../../src/client/db/registration-queries';
import { saveNewRegistration } from '../../src/client/db/registrations';
import { openDb, type Desa100Db } from '../../src/client/db/schema';
import { createSyncStore } from '../../src/client/db/sync-store';
import { createSyncEngine } from '../../src/client/sync/engine';
import { generateRegistrations } from '../lib/seed';
import type { SyncStore } from '../../src/client/sync/types';
import type { SyncBench } from './api';

/**
 * The same store with each call timed, and fetch timed: where a sync's time goes (device
 * storage or the network round trip), reported with the figure. Wrapping costs microseconds.
 */
function timed(store: SyncStore, spent: Record<string, number>): SyncStore {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(store)) {
    if (typeof fn !== 'function') continue;
    out[name] = async (...args: unknown[]) => {
      const t = performance.now();
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      } finally {
        spent[`store.${name}`] = (spent[`store.${name}`] ?? 0) + performance.now() - t;
      }
    };
  }
  return out as unknown as SyncStore;
}

const dbs = new Map<string, Desa100Db>();
function db(name: string): Desa100Db {
  let d = dbs.get(name);
  if (!d) dbs.set(name, (d = openDb(name)));
  return d;
}

const bench: SyncBench = {
  async queue(name, spec, identity) {
    const d = db(name);
    await setMeta(d, 'deviceId', identity.deviceId);
    await setMeta(d, 'token', identity.token);
    await setMeta(d, 'role', 'operator');
    await setMeta(d, 'scope', identity.scope);
    await setMeta(d, 'villageCode', identity.scope);
    // Ten saves in flight at a time: IndexedDB still commits them one by one, in order.
    let inFlight: Array<Promise<unknown>> = [];
    for (const reg of generateRegistrations(spec)) {
      inFlight.push(saveNewRegistration(d, reg));
      if (inFlight.length === 10) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    return d.outbox.count();
  },

  async sync(name) {
    const d = db(name);
    const spent: Record<string, number> = {};
    const fetch = async (input: string, init?: RequestInit) => {
      const t = performance.now();
      const response = await window.fetch(input, init);
      // The body is read by the engine; time to headers is the server's and the wire's part.
      const key = `fetch ${input.includes('/push') ? 'push' : 'pull'}`;
      spent[key] = (spent[key] ?? 0) + performance.now() - t;
      return response;
    };
    const engine = createSyncEngine({ store: timed(createSyncStore(d), spent), fetch });
    const t = performance.now();
    const state = await engine.syncNow();
    const ms = performance.now() - t;
    if (state.lastError) throw new Error(`sync failed: ${state.lastError.code}`);
    // What the roster and the quota meter show at this moment: the app's own query.
    const statuses = Object.fromEntries(Object.entries(await countByStatus(d)).filter(([, n]) => n > 0));
    // The fold the engine started after the run (answers written into the rows), not timed as
    // part of the sync: the screens already read the answers. Its own time is reported.
    await engine.folded();
    const stored: Record<string, number> = {};
    await d.registrations.each((r) => {
      stored[r.status] = (stored[r.status] ?? 0) + 1;
    });
    return { ms, outbox: await d.outbox.count(), statuses, stored, foldMs: spent['store.foldAnswers'] ?? 0, spent };
  },
};

window.benchSync = bench;
document.title = 'ready';
