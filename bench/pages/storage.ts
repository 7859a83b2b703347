// P3 and P4 in real Chromium IndexedDB, through the app's own storage layer (src/client/db),
// each next to the same work done with raw IndexedDB calls in the same database.
import { saveNewRegistration } from '../../src/client/db/registrations';
import { SEARCH_LIMIT, countNameMatches, getRegistrations, searchRegistrationIds } from '../../src/client/db/registration-queries';
import { openDb, type Desa100Db } from '../../src/client/db/schema';
import { createSyncStore } from '../../src/client/db/sync-store';
import type { PullResponse, ServerRegistration } from '../../src/shared';
import { generateRegistrations } from '../lib/seed';
import type { StorageBench } from './api';
import { localRow, serverRecords } from './records';

const dbs = new Map<string, Desa100Db>();
function db(name: string): Desa100Db {
  let d = dbs.get(name);
  if (!d) dbs.set(name, (d = openDb(name)));
  return d;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error));
    tx.addEventListener('abort', () => reject(tx.error ?? new Error('aborted')));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.addEventListener('success', () => resolve(req.result));
    req.addEventListener('error', () => reject(req.error));
  });
}

/** `prefix` .. `prefix` + the highest code unit: Dexie's startsWith range. */
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`, false, false);

async function rawSearch(idb: IDBDatabase, text: string): Promise<{ ids: IDBValidKey[]; rows: unknown[] }> {
  const tx = idb.transaction('registrations', 'readonly');
  const store = tx.objectStore('registrations');
  const digits = text.replace(/[\s.]/g, '');
  let ids: IDBValidKey[];
  if (/^\d+$/.test(digits)) {
    const [a, b] = await Promise.all([
      request(store.index('nik').getAllKeys(prefixRange(digits), SEARCH_LIMIT + 1)),
      request(store.index('nikRuns').getAllKeys(prefixRange(digits), SEARCH_LIMIT + 1)),
    ]);
    ids = a.concat(b);
  } else {
    // The same cap as the roster's: the raw side does no more work than ours.
    const prefix = text.trim().replace(/\s+/g, ' ').toLowerCase();
    const [a, b] = await Promise.all([
      request(store.index('nameKey').getAllKeys(prefixRange(prefix), SEARCH_LIMIT + 1)),
      request(store.index('nameParts').getAllKeys(prefixRange(prefix), SEARCH_LIMIT + 1)),
    ]);
    ids = a.concat(b);
  }
  const rows = await Promise.all(ids.slice(0, 20).map((id) => request(store.get(id))));
  return { ids, rows };
}

const bench: StorageBench = {
  async seedPulled(name, spec) {
    const store = createSyncStore(db(name));
    let page: ServerRegistration[] = [];
    let n = 0;
    const flush = async () => {
      const body: PullResponse = { changes: page, cursor: n, hasMore: false, quotas: [] };
      await store.applyPullPage(body, new Date().toISOString());
      page = [];
    };
    for (const rec of serverRecords(spec)) {
      page.push(rec);
      n += 1;
      if (page.length === 500) await flush();
    }
    if (page.length > 0) await flush();
    return db(name).registrations.count();
  },

  async saveSamples(name, spec) {
    const d = db(name);
    await d.open();
    const idb = d.backendDB();
    const ours: number[] = [];
    const raw: number[] = [];
    const raw2: number[] = [];
    let i = 0;
    for (const reg of generateRegistrations(spec)) {
      if (i % 3 === 2) {
        const row = localRow(reg);
        const op = { opId: crypto.randomUUID(), registrationId: reg.id, op: { opId: crypto.randomUUID(), type: 'registration.create', registration: reg }, state: 'queued', createdAt: row.createdAt, attempts: 0, lastAttemptAt: null };
        const t = performance.now();
        const tx = idb.transaction(['registrations', 'outbox'], 'readwrite');
        tx.objectStore('registrations').add(row);
        tx.objectStore('outbox').add(op);
        await done(tx);
        raw2.push(performance.now() - t);
      } else if (i % 3 === 0) {
        const t = performance.now();
        await saveNewRegistration(d, reg);
        ours.push(performance.now() - t);
      } else {
        // The same kind of row, built before the clock starts: only the put is timed.
        const row = localRow(reg);
        const t = performance.now();
        const tx = idb.transaction('registrations', 'readwrite');
        tx.objectStore('registrations').put(row);
        await done(tx);
        raw.push(performance.now() - t);
      }
      i += 1;
    }
    return { ours, raw, raw2 };
  },

  async searchSamples(name, queries, reps) {
    const d = db(name);
    await d.open();
    const idb = d.backendDB();
    const ours: number[] = [];
    const raw: number[] = [];
    const hits: number[] = [];
    for (let r = 0; r < reps; r++) {
      for (const q of queries) {
        let t = performance.now();
        const found = await searchRegistrationIds(d, q);
        await getRegistrations(d, found.ids.slice(0, 20));
        ours.push(performance.now() - t);
        // Outside the clock: the roster shows a truncated search's total a moment after its list.
        if (r === 0) hits.push(found.total ?? (await countNameMatches(d, q)) ?? found.ids.length);
        t = performance.now();
        await rawSearch(idb, q);
        raw.push(performance.now() - t);
      }
    }
    return { ours, raw, hits };
  },
};

window.benchStorage = bench;
document.title = 'ready';
