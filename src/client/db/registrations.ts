import { newId } from '../../shared/ids';
import type { CreateOp, ServerRegistration, UpdateOp } from '../../shared/protocol';
import type { Registration } from '../../shared/registration';
import { ClientError, withStorageErrors } from './errors';
import Dexie from 'dexie';
import { foldAnswers } from './answers';
import { writeDirect } from './direct-write';
import { getMeta, isInFlight, markEdited, setMeta } from './meta';
import { diffRegistration, registrationOf, searchKeys } from './registration-keys';
import type { Desa100Db, LocalRegistration, LocalStatus, OutboxRow } from './schema';

// Writers of registrations. Every save writes the registration row and its outbox row in one
// transaction, so a crash can never leave a record that will not be sent, or an op without its
// record (docs/architecture.md, "On the phone").

export interface SaveOptions {
  /** The draft this save completes: deleted in the same transaction. */
  draftId?: string;
}

function queuedRow(registrationId: string, op: CreateOp | UpdateOp, now: string): OutboxRow {
  return {
    opId: op.opId,
    registrationId,
    op,
    state: 'queued',
    createdAt: now,
    attempts: 0,
    lastAttemptAt: null,
  };
}

/**
 * Saves a new registration (already parsed by `registrationSchema`) as `pending`, with its
 * `registration.create` op. Two writes and no reads, in one transaction opened directly
 * (direct-write.ts), so that saving stays fast with thousands of records stored (performance
 * P3). The duplicate-NIK check is the caller's, before this.
 */
export async function saveNewRegistration(
  db: Desa100Db,
  reg: Registration,
  options: SaveOptions = {},
): Promise<LocalRegistration> {
  const now = new Date().toISOString();
  const row: LocalRegistration = {
    id: reg.id,
    villageCode: reg.villageCode,
    ...searchKeys(reg),
    status: 'pending',
    data: reg,
    server: null,
    rejection: null,
    origin: 'here',
    createdAt: now,
    updatedAt: now,
  };
  const opId = newId();
  const outbox = queuedRow(reg.id, { opId, type: 'registration.create', registration: reg }, now);
  const { draftId } = options;
  const tables = draftId ? [db.registrations, db.outbox, db.drafts] : [db.registrations, db.outbox];
  // `add`, not `put`: saving the same id twice is a bug to surface, never an overwrite.
  if (!Dexie.currentTransaction) {
    await withStorageErrors(() => writeDirect(db, tables.map((t) => t.name), (store) => {
      store('registrations').add(row);
      store('outbox').add(outbox);
      if (draftId) store('drafts').delete(draftId);
    }));
    return row;
  }
  // Part of a caller's transaction: the same rows through Dexie, committed with the rest.
  await withStorageErrors(() =>
    db.transaction('rw', tables, async () => {
      await Promise.all([
        db.registrations.add(row),
        db.outbox.add(outbox),
        draftId ? db.drafts.delete(draftId) : undefined,
      ]);
    }),
  );
  return row;
}

/** How an edit reached the outbox. */
export type EditOutcome = 'rewritten' | 'created' | 'updated' | 'unchanged';

/** The server's latest copy: a version conflict carries a newer one than the last pull's. */
function latestServer(row: LocalRegistration): ServerRegistration | null {
  const details = row.rejection?.code === 'version-conflict' ? row.rejection.details : null;
  const conflict = details && typeof details === 'object' && 'version' in details
    ? (details as ServerRegistration)
    : null;
  if (conflict && (!row.server || conflict.version > row.server.version)) return conflict;
  return row.server;
}

/**
 * Saves an edit of a stored registration.
 * - The last queued op was never attempted: it is rewritten in place (same opId; the server
 *   has never seen it), a create with the new record, an update with the merged changes.
 * - Otherwise the queued payloads are frozen (a retry must resend the same bytes): a new
 *   `registration.update` carries the differences. Its `baseVersion` is the version the server
 *   will hold once the ops still queued for this record are applied: the last known server
 *   version (0 before any answer; a create makes version 1) plus the number of those ops.
 * - A rejected record ("correct and resend"): its rejected ops are dropped and a new op (new
 *   opId) is queued: a create if the server never accepted it, else an update against the
 *   server's copy.
 * id, villageCode and capturedAt never change once the server may have the record.
 */
export async function saveEditedRegistration(
  db: Desa100Db,
  next: Registration,
  options: SaveOptions = {},
): Promise<{ row: LocalRegistration; outcome: EditOutcome }> {
  const { draftId } = options;
  const tables = [db.registrations, db.outbox, db.meta, db.answers, ...(draftId ? [db.drafts] : [])];
  return withStorageErrors(() =>
    db.transaction('rw', tables, async () => {
      await foldAnswers(db, [next.id]);
      const row = await db.registrations.get(next.id);
      if (!row) throw new ClientError('not-found');
      if (row.status === 'voided' || row.server?.status === 'voided') throw new ClientError('not-editable');
      const ops = await db.outbox.where('registrationId').equals(row.id).sortBy('seq');
      const queued = ops.filter((o) => o.state === 'queued');
      const rejected = ops.filter((o) => o.state === 'rejected');
      const inFlight = await getMeta(db, 'inFlight');
      // Sent (or on its way right now): the server may hold this payload under this opId.
      const attempted = (op: OutboxRow) => op.attempts > 0 || isInFlight(inFlight, op.seq);
      const last = queued.at(-1);
      const server = latestServer(row);
      const now = new Date().toISOString();
      let outcome: EditOutcome;
      let status: LocalStatus = row.status;

      if (last && !attempted(last) && last.op.type === 'registration.create') {
        last.op = { ...last.op, registration: next };
        await db.outbox.put(last);
        outcome = 'rewritten';
      } else if (!server && !queued.some((o) => o.op.type === 'registration.create')) {
        // Never reached the server, and its create was refused: send it again as new.
        const opId = newId();
        await db.outbox.add(queuedRow(row.id, { opId, type: 'registration.create', registration: next }, now));
        status = 'pending';
        outcome = 'created';
      } else {
        assertVillageKept(row.data, next);
        // Queued ops will bring the server to `row.data`; with none, the server's copy is the base.
        const base = queued.length > 0 || !server ? row.data : registrationOf(server);
        const changes = diffRegistration(base, next);
        if (last && !attempted(last) && last.op.type === 'registration.update') {
          last.op = { ...last.op, changes: { ...last.op.changes, ...changes } };
          await db.outbox.put(last);
          outcome = 'rewritten';
        } else if (Object.keys(changes).length === 0) {
          outcome = 'unchanged';
        } else {
          const opId = newId();
          const baseVersion = (server?.version ?? 0) + queued.length;
          const op: UpdateOp = { opId, type: 'registration.update', id: row.id, baseVersion, changes };
          await db.outbox.add(queuedRow(row.id, op, now));
          outcome = 'updated';
          // Its create may be on its way: that answer must not be stored as this record's data.
          if (inFlight?.some((b) => b.registrationIds.includes(row.id))) await setMeta(db, 'inFlight', markEdited(inFlight, row.id));
        }
        // A record the server holds keeps showing the server's word; the queued change shows in
        // its detail. Counting it as pending would count its slot twice in the quota meter.
        if (row.status === 'rejected') status = server ? server.status : 'pending';
      }
      if (rejected.length > 0) await db.outbox.bulkDelete(rejected.map((o) => o.seq as number));
      const updated: LocalRegistration = {
        ...row,
        ...searchKeys(next),
        villageCode: next.villageCode,
        data: next,
        server,
        status,
        rejection: null,
        updatedAt: now,
      };
      await db.registrations.put(updated);
      if (draftId) await db.drafts.delete(draftId);
      return { row: updated, outcome };
    }),
  );
}

function assertVillageKept(before: Registration, next: Registration): void {
  if (before.villageCode !== next.villageCode || before.capturedAt !== next.capturedAt) {
    throw new ClientError('village-locked');
  }
}

/**
 * Discards a rejected record on purpose: one the server never accepted is deleted with its
 * ops; one the server holds goes back to the server's copy (the refused change is dropped).
 */
export async function discardRejected(db: Desa100Db, id: string): Promise<'deleted' | 'reverted'> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.registrations, db.outbox, db.answers, db.handovers], async () => {
      await foldAnswers(db, [id]);
      const row = await db.registrations.get(id);
      if (!row) throw new ClientError('not-found');
      if (row.status !== 'rejected') throw new ClientError('not-editable');
      const ops = await db.outbox.where('registrationId').equals(id).toArray();
      const server = latestServer(row);
      // A refused handover's local mark goes with its op: left behind, the desk would show the
      // card as handed here, unsent, for good, and refuse to hand it over again.
      const dropped = new Set(ops.filter((o) => !server || o.state === 'rejected').map((o) => o.opId));
      const mark = await db.handovers.get(id);
      if (mark && dropped.has(mark.opId)) await db.handovers.delete(id);
      if (!server) {
        await db.outbox.bulkDelete(ops.map((o) => o.seq as number));
        await db.registrations.delete(id);
        return 'deleted';
      }
      await db.outbox.bulkDelete(ops.filter((o) => o.state === 'rejected').map((o) => o.seq as number));
      const data = registrationOf(server);
      await db.registrations.put({
        ...row,
        ...searchKeys(data),
        data,
        server,
        status: server.status,
        rejection: null,
        updatedAt: new Date().toISOString(),
      });
      return 'reverted';
    }),
  );
}
