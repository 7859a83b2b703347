import { liveQuery } from 'dexie';
import type { CoveragePeriod, DeviceEnrolResponse, PullResponse } from '../../shared/protocol';
import { YEAR_MONTH_RE } from '../../shared/months';
import type { Delivery, SyncCounts, SyncIdentity, SyncStore } from '../sync/types';
import { foldAllAnswers, foldAnswers } from './answers';
import { withStorageErrors } from './errors';
import { getMeta, getMetas, setMeta } from './meta';
import { applyPushResults } from './push-results';
import { quarantineOps } from './quarantine';
import { queueRepush, repushLeft, resendRebased } from './restore';
import type { Desa100Db, OutboxRow } from './schema';
import { fromServer, markAttempted, newer, opsByRegistration, registrationsById, settle, splitInFlight, unique } from './sync-records';

// The Dexie side of the sync engine (src/client/sync): every read and write sync makes, each
// step that must be all-or-nothing in one transaction.

/** Up to `limit` queued rows after outbox seq `after`, in seq order: whole key ranges, read in one request each. */
async function queuedAfter(db: Desa100Db, after: number, limit: number): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  let from = after;
  for (;;) {
    const page = await db.outbox.where('seq').above(from).limit(limit).toArray();
    rows.push(...page.filter((row) => row.state === 'queued').slice(0, limit - rows.length));
    if (page.length < limit || rows.length === limit) return rows;
    from = page.at(-1)?.seq as number;
  }
}

async function counts(db: Desa100Db): Promise<SyncCounts> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('queued').count(),
    db.registrations.where('status').equals('rejected').count(),
  ]);
  return { pending, rejected };
}

export async function readSyncIdentity(db: Desa100Db): Promise<SyncIdentity | null> {
  const [deviceId, token, role, scope] = await getMetas(db, ['deviceId', 'token', 'role', 'scope']);
  return syncIdentity(deviceId, token, role, scope);
}

/** An enrolled phone's identity, or null while any part of it is missing. */
function syncIdentity(
  deviceId: string | undefined, token: string | undefined, role: SyncIdentity['role'] | undefined, scope: string | undefined,
): SyncIdentity | null {
  if (!deviceId || !token || !role || scope === undefined) return null;
  return { deviceId, token, role, scope };
}

/** What the screens may know of the enrolment (never the token). */
export interface DeviceIdentity {
  deviceId: string;
  role: SyncIdentity['role'];
  scope: string;
  deviceName: string | null;
}

export async function readDeviceIdentity(db: Desa100Db): Promise<DeviceIdentity | null> {
  const [deviceId, token, role, scope, deviceName] = await getMetas(
    db, ['deviceId', 'token', 'role', 'scope', 'deviceName'],
  );
  const identity = syncIdentity(deviceId, token, role, scope);
  if (!identity) return null;
  return { deviceId: identity.deviceId, role: identity.role, scope: identity.scope, deviceName: deviceName ?? null };
}

/**
 * Keeps what POST /devices returned. Another scope is another set of records, so the pull
 * cursor starts again from 0; the same scope (re-enrolled after a 401) keeps it.
 */
export function saveDeviceIdentity(db: Desa100Db, answer: DeviceEnrolResponse, deviceName: string): Promise<void> {
  return withStorageErrors(() => db.transaction('rw', db.meta, async () => {
    const previousScope = await getMeta(db, 'scope');
    await setMeta(db, 'deviceId', answer.deviceId);
    await setMeta(db, 'token', answer.token);
    await setMeta(db, 'role', answer.role);
    await setMeta(db, 'scope', answer.scope);
    await setMeta(db, 'deviceName', deviceName);
    if (answer.role === 'operator') await setMeta(db, 'villageCode', answer.scope);
    if (previousScope !== undefined && previousScope !== answer.scope) await setMeta(db, 'cursor', 0);
    await setMeta(db, 'lastSyncError', null);
  }));
}

/** A pull's `period` (contract addition) worth keeping: two real months in order. */
function isPeriod(p: CoveragePeriod | undefined): p is CoveragePeriod {
  return !!p && typeof p.scope === 'string' && YEAR_MONTH_RE.test(p.start) && YEAR_MONTH_RE.test(p.end) && p.start <= p.end;
}

export function createSyncStore(db: Desa100Db): SyncStore {
  return {
    identity: () => readSyncIdentity(db),

    takeBatch: (limit, at, after) => withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta, db.answers], async () => {
      let batches = (await getMeta(db, 'inFlight')) ?? [];
      if (after === undefined && batches.length > 0) {
        // Left by a run that never heard back (the tab closed mid-push): it may have landed.
        await markAttempted(db, batches);
        batches = [];
      }
      // Nothing is written per row: one meta row says what is on its way (see InFlightBatch).
      const rows = after === undefined
        ? await db.outbox.where('state').equals('queued').limit(limit).toArray()
        : await queuedAfter(db, after, limit);
      const [first, last] = [rows[0]?.seq, rows.at(-1)?.seq];
      if (first !== undefined && last !== undefined) {
        batches.push({ firstSeq: first, lastSeq: last, registrationIds: unique(rows.map((r) => r.registrationId)), at });
      }
      await setMeta(db, 'inFlight', batches);
      return rows;
    })),

    releaseBatch: (rows, delivery: Delivery) => withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta, db.answers], async () => {
      const { batch, rest } = await splitInFlight(db, rows);
      // Unknown delivery: it may be on the server already, so its payloads are frozen and its
      // records `sent`; the same opIds go again later. Surely not delivered: still `pending`.
      if (delivery === 'unknown') await markAttempted(db, batch);
      await setMeta(db, 'inFlight', rest);
    })),

    applyPushResults: (rows, results, at) => applyPushResults(db, rows, results, at),

    quarantine: (rows, at) => quarantineOps(db, rows, at),

    cursor: async () => (await getMeta(db, 'cursor')) ?? 0,

    applyPullPage: (page: PullResponse, at) => withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.quotas, db.meta, db.answers], async () => {
      const ids = page.changes.map((c) => c.id);
      await foldAnswers(db, ids);
      const regs = await registrationsById(db, ids);
      const ops = await opsByRegistration(db, ids);
      // After a push the pull brings this phone's own records back: already known, not rewritten.
      const changed = page.changes.filter((change) => (regs.get(change.id)?.server?.seq ?? -1) < change.seq);
      await db.registrations.bulkPut(changed.map((change) => {
        const local = regs.get(change.id);
        if (!local) return fromServer(change, 'pulled');
        return settle({ ...local, server: newer(local.server, change) }, ops.get(change.id) ?? [], false);
      }));
      await db.quotas.bulkPut(page.quotas.map((q) => ({ ...q, syncedAt: at })));
      if (isPeriod(page.period)) await setMeta(db, 'coveragePeriod', page.period);
      const cursor = (await getMeta(db, 'cursor')) ?? 0;
      await setMeta(db, 'cursor', Math.max(cursor, page.cursor));
    })),

    counts: () => counts(db),

    generation: async () => (await getMeta(db, 'generation')) ?? null,

    adoptGeneration: (generation) => withStorageErrors(() => setMeta(db, 'generation', generation)),

    queueRepush: (generation, at, answered) => queueRepush(db, generation, at, answered),

    repushLeft: () => repushLeft(db),

    resendRebased: () => resendRebased(db),

    foldAnswers: () => withStorageErrors(() => foldAllAnswers(db)),

    async readStatus() {
      const [lastSyncAt, lastSyncError, clockOffsetMs] = await getMetas(
        db, ['lastSyncAt', 'lastSyncError', 'clockOffsetMs'],
      );
      return { lastSyncAt: lastSyncAt ?? null, lastSyncError: lastSyncError ?? null, clockOffsetMs: clockOffsetMs ?? null };
    },

    recordSync: ({ at, error, clockOffsetMs }) => db.transaction('rw', db.meta, async () => {
      if (at) await setMeta(db, 'lastSyncAt', at);
      await setMeta(db, 'lastSyncError', error);
      if (clockOffsetMs !== undefined) await setMeta(db, 'clockOffsetMs', clockOffsetMs);
    }),

    watchCounts(listener) {
      const subscription = liveQuery(() => counts(db)).subscribe({ next: listener, error: () => undefined });
      return () => subscription.unsubscribe();
    },
  };
}

export { resendRejected } from './resend';
