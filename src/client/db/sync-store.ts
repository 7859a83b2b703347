import { newId } from '../../shared/ids';
import { liveQuery } from 'dexie';
import type {
  CompactOpResult, CompactRegistration, DeviceEnrolResponse, Op, OpResult, PullResponse,
  ServerRegistration,
} from '../../shared/protocol';
import type { Registration } from '../../shared/registration';
import type { Delivery, SyncCounts, SyncIdentity, SyncStore } from '../sync/types';
import { isServerRegistration } from '../sync/wire';
import { ClientError, withStorageErrors } from './errors';
import { getMeta, setMeta, type InFlightBatch } from './meta';
import { registrationOf, searchKeys } from './registration-keys';
import { saveEditedRegistration } from './registrations';
import type { Desa100Db, LocalRegistration, OutboxRow } from './schema';

// The Dexie side of the sync engine (src/client/sync): every read and write sync makes, each
// step that must be all-or-nothing in one transaction.

/** Answers can arrive out of order (a replayed push after a pull): keep the latest change. */
function newer(current: ServerRegistration | null, incoming: ServerRegistration): ServerRegistration {
  return current && current.seq > incoming.seq ? current : incoming;
}

function fromServer(server: ServerRegistration, origin: LocalRegistration['origin']): LocalRegistration {
  const data = registrationOf(server);
  return {
    id: server.id, villageCode: server.villageCode, ...searchKeys(data), status: server.status, data,
    server, rejection: null, origin, createdAt: server.receivedAt, updatedAt: server.updatedAt,
  };
}

/**
 * A record's status from what is left of it in the outbox, the same rules as the enrol
 * repository's: a refused op wins (the operator must act); a record the server holds shows the
 * server's word even while an edit is queued (counting it pending would count its slot twice in
 * the quota meter); one the server does not hold yet is `pending`, or `sent` while an answer is
 * outstanding. With nothing outstanding, the server's copy is the phone's copy.
 * `afterPush`: the ops still queued were not in the answered batch, so they are `pending`.
 */
function settle(reg: LocalRegistration, ops: OutboxRow[], afterPush: boolean): LocalRegistration {
  if (ops.some((op) => op.state === 'rejected')) return { ...reg, status: 'rejected' };
  if (ops.length > 0) {
    const unsent = afterPush || reg.status !== 'sent' ? 'pending' : 'sent';
    return { ...reg, status: reg.server?.status ?? unsent, rejection: null };
  }
  if (!reg.server) return reg;
  const data = registrationOf(reg.server);
  return {
    ...reg, ...searchKeys(data), data, villageCode: data.villageCode, status: reg.server.status,
    rejection: null,
  };
}

async function opsByRegistration(db: Desa100Db, ids: string[]): Promise<Map<string, OutboxRow[]>> {
  const map = new Map<string, OutboxRow[]>();
  for (const row of await db.outbox.where('registrationId').anyOf(ids).toArray()) {
    map.set(row.registrationId, [...(map.get(row.registrationId) ?? []), row]);
  }
  return map;
}

async function registrationsById(db: Desa100Db, ids: string[]): Promise<Map<string, LocalRegistration>> {
  const rows = await db.registrations.bulkGet(ids);
  return new Map(rows.filter((r): r is LocalRegistration => r !== undefined).map((r) => [r.id, r]));
}

const unique = (values: string[]) => [...new Set(values)];

type Normalise = (raw: Registration) => Registration;
let normaliser: Promise<Normalise> | null = null;

/**
 * The shared schema's normalisation (upper-case names, padded RT/RW, +62 phones, UTC times):
 * what the server stores, which a compact result leaves out. Loaded on first need, so that zod
 * stays out of the app's first chunk; before a transaction (a dynamic import inside one would
 * end it).
 */
function loadNormaliser(): Promise<Normalise> {
  normaliser ??= import('../../shared/registration').then(({ registrationSchema }) => (raw: Registration) => {
    const parsed = registrationSchema.safeParse(raw);
    // The server applied it, so it parses; should it not, the phone's copy is the best there is.
    return parsed.success ? parsed.data : raw;
  });
  return normaliser;
}

/**
 * The normaliser a batch's compact answers need, with its creates' records already normalised:
 * CPU work done before the transaction opens, not while it holds the tables.
 */
async function normaliserFor(rows: OutboxRow[], byOpId: Map<string, OpResult | CompactOpResult>): Promise<Normalise> {
  const compact = rows.filter((row) => {
    const result = byOpId.get(row.opId);
    return result?.status === 'applied' && !isFull(result.registration);
  });
  if (compact.length === 0) return (raw) => raw;
  const normalise = await loadNormaliser();
  const done = new Map<Registration, Registration>();
  for (const row of compact) if (row.op.type === 'registration.create') done.set(row.op.registration, normalise(row.op.registration));
  return (raw) => done.get(raw) ?? normalise(raw);
}

const isFull = (reg: ServerRegistration | CompactRegistration): reg is ServerRegistration =>
  typeof (reg as Partial<ServerRegistration>).villageCode === 'string';

/**
 * The server's copy after an applied op answered compactly: the record this phone sent, as the
 * server normalised it, with the server's fields. `base` is the copy the op applied to (the
 * running copy: earlier answers of the same batch included). Null when the phone cannot know
 * it (a base it does not hold at the right version).
 */
function rebuild(
  op: Op, compact: CompactRegistration, base: ServerRegistration | null, normalise: Normalise,
): ServerRegistration | null {
  switch (op.type) {
    case 'registration.create':
      return { ...normalise(op.registration), ...compact, voidReason: null };
    case 'registration.update': {
      // Applied means the server held `baseVersion`, the base it merged the changes into.
      if (!base || base.version !== op.baseVersion) return null;
      const merged = { ...registrationOf(base), ...op.changes } as Registration;
      return { ...normalise(merged), ...compact, voidReason: base.voidReason ?? null };
    }
    case 'registration.void':
      if (!base || base.version !== compact.version - 1) return null;
      return { ...base, ...compact, voidReason: op.reason };
    case 'card.handover':
      if (!base || base.version !== compact.version - 1) return null;
      return { ...base, ...compact };
  }
}

/** The batch's ops count as attempted and its `pending` records become `sent`: it may be on the server. */
async function markAttempted(db: Desa100Db, batches: InFlightBatch[]): Promise<void> {
  for (const batch of batches) {
    const rows = await db.outbox.where('seq').between(batch.firstSeq, batch.lastSeq, true, true)
      .filter((row) => row.state === 'queued').toArray();
    await db.outbox.bulkPut(rows.map((row) => ({ ...row, attempts: row.attempts + 1, lastAttemptAt: batch.at })));
    const regs = await registrationsById(db, batch.registrationIds);
    const sent = [...regs.values()].filter((r) => r.status === 'pending');
    await db.registrations.bulkPut(sent.map((r) => ({ ...r, status: 'sent' as const })));
  }
}

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

/** The in-flight record of the batch that starts with `rows[0]`, and the others. */
async function splitInFlight(db: Desa100Db, rows: OutboxRow[]): Promise<{ batch: InFlightBatch[]; rest: InFlightBatch[] }> {
  const batches = (await getMeta(db, 'inFlight')) ?? [];
  const first = rows[0]?.seq;
  return { batch: batches.filter((b) => b.firstSeq === first), rest: batches.filter((b) => b.firstSeq !== first) };
}

async function counts(db: Desa100Db): Promise<SyncCounts> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('queued').count(),
    db.registrations.where('status').equals('rejected').count(),
  ]);
  return { pending, rejected };
}

export async function readSyncIdentity(db: Desa100Db): Promise<SyncIdentity | null> {
  const [deviceId, token, role, scope] = await Promise.all([
    getMeta(db, 'deviceId'), getMeta(db, 'token'), getMeta(db, 'role'), getMeta(db, 'scope'),
  ]);
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
  const [identity, deviceName] = await Promise.all([readSyncIdentity(db), getMeta(db, 'deviceName')]);
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

export function createSyncStore(db: Desa100Db): SyncStore {
  return {
    identity: () => readSyncIdentity(db),

    takeBatch: (limit, at, after) => withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta], async () => {
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

    releaseBatch: (rows, delivery: Delivery) => withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta], async () => {
      const { batch, rest } = await splitInFlight(db, rows);
      // Unknown delivery: it may be on the server already, so its payloads are frozen and its
      // records `sent`; the same opIds go again later. Surely not delivered: still `pending`.
      if (delivery === 'unknown') await markAttempted(db, batch);
      await setMeta(db, 'inFlight', rest);
    })),

    async applyPushResults(rows, results, at) {
      const byOpId = new Map<string, OpResult | CompactOpResult>(results.map((r) => [r.opId, r]));
      const normalise = await normaliserFor(rows, byOpId);
      const ids = unique(rows.map((r) => r.registrationId));
      const inBatch = new Map<string, number>();
      for (const row of rows) inBatch.set(row.registrationId, (inBatch.get(row.registrationId) ?? 0) + 1);
      const [first, last] = [rows[0]?.seq, rows.at(-1)?.seq];
      return withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta], async () => {
        // Every read at once: the records, how many ops each has (this batch's included), and
        // older refusals inside the batch's seq range (they stay).
        const [regs, opCounts, kept] = await Promise.all([
          registrationsById(db, ids),
          Promise.all(ids.map((id) => db.outbox.where('registrationId').equals(id).count())),
          first === undefined || last === undefined ? [] : db.outbox.where('state').equals('rejected')
            .filter((row) => (row.seq as number) >= first && (row.seq as number) <= last).toArray(),
        ]);
        const applied: number[] = [];
        const rejected: OutboxRow[] = [];
        let unanswered = 0;
        for (const row of rows) {
          const result = byOpId.get(row.opId);
          if (!result) {
            unanswered += 1;
            continue;
          }
          const reg = regs.get(row.registrationId);
          if (result.status === 'applied') {
            if (row.seq !== undefined) applied.push(row.seq);
            const answer = result.registration;
            const incoming = isFull(answer) ? answer : rebuilt(row.op, answer, reg);
            if (!incoming) continue;
            const server = newer(reg?.server ?? null, incoming);
            regs.set(row.registrationId, reg ? { ...reg, server } : fromServer(server, 'here'));
            continue;
          }
          rejected.push({ ...row, state: 'rejected' });
          if (!reg) continue;
          const { opId, code, message, details } = result;
          // A version conflict's details are the server's current record: the base of a retry.
          const server = code === 'version-conflict' && isServerRegistration(details)
            ? newer(reg.server, details) : reg.server;
          regs.set(reg.id, { ...reg, server, rejection: { opId, code, message, details, at } });
        }
        if (unanswered === 0 && first !== undefined && last !== undefined) {
          // Every op of the batch answered: its seq range goes in one request (nothing else lies
          // there but the older refusals, put back).
          await db.outbox.where('seq').between(first, last, true, true).delete();
          await db.outbox.bulkPut([...kept, ...rejected]);
        } else {
          await db.outbox.bulkDelete(applied);
          await db.outbox.bulkPut(rejected);
        }
        // Answered (even partly: what is left unanswered goes again as an unknown delivery).
        const { batch, rest } = await splitInFlight(db, rows);
        if (unanswered > 0) await markAttempted(db, batch);
        await setMeta(db, 'inFlight', rest);
        // Most records have no op left; the rows are read for the few with ops outside the batch
        // or refused in it.
        const refused = new Set(rejected.map((row) => row.registrationId));
        const others = ids.filter((id, i) => (opCounts[i] ?? 0) > (inBatch.get(id) ?? 0) || refused.has(id) || unanswered > 0);
        const ops = others.length > 0 ? await opsByRegistration(db, others) : new Map<string, OutboxRow[]>();
        await db.registrations.bulkPut([...regs.values()].map((r) => settle(r, ops.get(r.id) ?? [], true)));
        return unanswered;
      }));

      function rebuilt(op: Op, answer: CompactRegistration, reg: LocalRegistration | undefined): ServerRegistration | null {
        const base = reg?.server ?? null;
        const copy = rebuild(op, answer, base, normalise);
        if (copy || !reg) return copy;
        // Not expected (the engine asks for compact answers only for ops it can complete): the
        // phone's own record with the server's fields is the closest it has.
        return { ...normalise(reg.data), ...answer, voidReason: base?.voidReason ?? null };
      }
    },

    cursor: async () => (await getMeta(db, 'cursor')) ?? 0,

    applyPullPage: (page: PullResponse, at) => withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.quotas, db.meta], async () => {
      const ids = page.changes.map((c) => c.id);
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
      const cursor = (await getMeta(db, 'cursor')) ?? 0;
      await setMeta(db, 'cursor', Math.max(cursor, page.cursor));
    })),

    counts: () => counts(db),

    async readStatus() {
      const [lastSyncAt, lastSyncError, clockOffsetMs] = await Promise.all([
        getMeta(db, 'lastSyncAt'), getMeta(db, 'lastSyncError'), getMeta(db, 'clockOffsetMs'),
      ]);
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

const isDataOp = (row: OutboxRow) => row.op.type === 'registration.create' || row.op.type === 'registration.update';

/**
 * The operator's refused updates replayed over the server's current copy: after a version
 * conflict only the fields the operator changed are sent again, so another phone's change to
 * other fields is kept rather than overwritten with the phone's older copy.
 */
function rebased(reg: LocalRegistration, refused: OutboxRow[]): Registration | null {
  if (!reg.server || refused.some((row) => row.op.type === 'registration.create')) return null;
  const updates = refused.flatMap((row) => (row.op.type === 'registration.update' ? [row.op] : []));
  if (updates.length === 0) return null;
  const data: Record<string, unknown> = { ...registrationOf(reg.server) };
  for (const op of updates) {
    for (const [key, value] of Object.entries(op.changes)) {
      if (value == null) delete data[key];
      else data[key] = value;
    }
  }
  return data as Registration;
}

/**
 * "Kirim ulang": sends a rejected record again with new opIds (the server remembers a refused
 * opId's answer for good). A refused create or update goes through the enrol repository's
 * edit rules (a new create if the server never had the record, else an update against the
 * server's current version), with `corrected`, else the refused changes replayed over the
 * server's copy, else the record as saved; a refused void or card
 * handover is queued again as it was. Discarding on purpose is `discardRejected` in
 * registrations.ts. Returns the opIds now queued for the record.
 */
export function resendRejected(
  db: Desa100Db,
  registrationId: string,
  options: { corrected?: Registration; newOpId?: () => string } = {},
): Promise<string[]> {
  const newOpId = options.newOpId ?? newId;
  return withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.meta], async () => {
    const reg = await db.registrations.get(registrationId);
    if (!reg) throw new ClientError('not-found');
    const refused = await db.outbox.where('registrationId').equals(registrationId)
      .filter((row) => row.state === 'rejected').sortBy('seq');
    if (refused.length === 0) throw new ClientError('not-editable');
    const again: Op[] = refused.filter((row) => !isDataOp(row)).map((row) => ({ ...row.op, opId: newOpId() }) as Op);
    const queued = await db.outbox.where('registrationId').equals(registrationId).filter((row) => row.state === 'queued').count();
    const data = options.corrected ?? (queued === 0 ? rebased(reg, refused) : null) ?? reg.data;
    // The edit path drops every refused op of the record, so the others were copied first.
    if (refused.some(isDataOp)) await saveEditedRegistration(db, data);
    else await db.outbox.bulkDelete(refused.map((row) => row.seq as number));
    const at = new Date().toISOString();
    await db.outbox.bulkAdd(again.map((op) => ({
      opId: op.opId, registrationId, op, state: 'queued' as const, createdAt: at, attempts: 0, lastAttemptAt: null,
    })));
    const current = await db.registrations.get(registrationId);
    const ops = await db.outbox.where('registrationId').equals(registrationId).sortBy('seq');
    if (current) await db.registrations.put(settle({ ...current, rejection: null }, ops, true));
    return ops.map((row) => row.opId);
  }));
}
