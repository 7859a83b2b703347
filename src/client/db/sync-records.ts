import Dexie, { type DBCoreKeyRange } from 'dexie';
import type { ServerRegistration } from '../../shared/protocol';
import { foldAnswers } from './answers';
import { getMeta, type InFlightBatch } from './meta';
import { registrationOf, searchKeys } from './registration-keys';
import type { Desa100Db, LocalRegistration, OutboxRow } from './schema';

// What the sync store's steps share: how a record settles after answers, and the in-flight
// batches (see InFlightBatch in meta.ts).

/** Answers can arrive out of order (a replayed push after a pull): keep the latest change. */
export function newer(current: ServerRegistration | null, incoming: ServerRegistration): ServerRegistration {
  return current && current.seq > incoming.seq ? current : incoming;
}

export function fromServer(server: ServerRegistration, origin: LocalRegistration['origin']): LocalRegistration {
  const data = registrationOf(server);
  return {
    id: server.id, villageCode: server.villageCode, ...searchKeys(data), status: server.status, data,
    server, rejection: null, origin, createdAt: server.receivedAt, updatedAt: server.updatedAt,
  };
}

/**
 * A refused card handover (another phone was first, the worker was voided meanwhile, …): a
 * conflict about the card, shown on the desk and the record's page, never the record's status.
 */
export const isRefusedHandover = (op: OutboxRow) => op.state === 'rejected' && op.op.type === 'card.handover';

/**
 * A record's status from what is left of it in the outbox, the same rules as the enrol
 * repository's: a refused op wins (the operator must act); a record the server holds shows the
 * server's word even while an edit is queued (counting it pending would count its slot twice in
 * the quota meter); one the server does not hold yet is `pending`, or `sent` while an answer is
 * outstanding. With nothing outstanding, the server's copy is the phone's copy. A refused
 * handover is outstanding for nothing: it keeps only its rejection (the conflict's details).
 * `afterPush`: the ops still queued were not in the answered batch, so they are `pending`.
 */
export function settle(reg: LocalRegistration, ops: OutboxRow[], afterPush: boolean): LocalRegistration {
  const open = ops.filter((op) => !isRefusedHandover(op));
  if (open.some((op) => op.state === 'rejected')) return { ...reg, status: 'rejected' };
  const rejection = open.length < ops.length ? reg.rejection : null;
  if (open.length > 0) {
    const unsent = afterPush || reg.status !== 'sent' ? 'pending' : 'sent';
    return { ...reg, status: reg.server?.status ?? unsent, rejection };
  }
  if (!reg.server) return reg;
  const data = registrationOf(reg.server);
  return {
    ...reg, ...searchKeys(data), data, villageCode: data.villageCode, status: reg.server.status,
    rejection,
  };
}

export async function opsByRegistration(db: Desa100Db, ids: string[]): Promise<Map<string, OutboxRow[]>> {
  const map = new Map<string, OutboxRow[]>();
  for (const row of await db.outbox.where('registrationId').anyOf(ids).toArray()) {
    map.set(row.registrationId, [...(map.get(row.registrationId) ?? []), row]);
  }
  return map;
}

export async function registrationsById(db: Desa100Db, ids: string[]): Promise<Map<string, LocalRegistration>> {
  const rows = await db.registrations.bulkGet(ids);
  return new Map(rows.filter((r): r is LocalRegistration => r !== undefined).map((r) => [r.id, r]));
}

export const unique = (values: string[]) => [...new Set(values)];

/** The batch's ops count as attempted and its `pending` records become `sent`: it may be on the server. */
export async function markAttempted(db: Desa100Db, batches: InFlightBatch[]): Promise<void> {
  for (const batch of batches) {
    // A record of the batch may hold a stored answer to an earlier op (its create answered in
    // the batch before, a void queued behind it): folded first, as every writer does.
    await foldAnswers(db, batch.registrationIds);
    const rows = await db.outbox.where('seq').between(batch.firstSeq, batch.lastSeq, true, true)
      .filter((row) => row.state === 'queued').toArray();
    await db.outbox.bulkPut(rows.map((row) => ({ ...row, attempts: row.attempts + 1, lastAttemptAt: batch.at })));
    const regs = await registrationsById(db, batch.registrationIds);
    const sent = [...regs.values()].filter((r) => r.status === 'pending');
    await db.registrations.bulkPut(sent.map((r) => ({ ...r, status: 'sent' as const })));
  }
}

/** The in-flight record of the batch that starts with `rows[0]`, and the others. */
export async function splitInFlight(db: Desa100Db, rows: OutboxRow[]): Promise<{ batch: InFlightBatch[]; rest: InFlightBatch[] }> {
  const batches = (await getMeta(db, 'inFlight')) ?? [];
  const first = rows[0]?.seq;
  return { batch: batches.filter((b) => b.firstSeq === first), rest: batches.filter((b) => b.firstSeq !== first) };
}

/**
 * Deletes the outbox rows `first`..`last` (seqs, inclusive) inside the caller's transaction,
 * through Dexie's core so that live queries still hear of it. `Collection.delete()` counts the
 * range first to return the number: a second pass over the rows that nobody reads (about 5 ms
 * of a 500-row batch on IndexedDB's side).
 */
export async function deleteOutboxRange(db: Desa100Db, first: number, last: number): Promise<void> {
  const trans = Dexie.currentTransaction;
  if (!trans) throw new Error('deleteOutboxRange runs inside a transaction');
  // DBCoreRangeType.Range (a const enum, which isolated modules cannot read).
  const range: DBCoreKeyRange = { type: 2 as DBCoreKeyRange['type'], lower: first, upper: last, lowerOpen: false, upperOpen: false };
  const res = await db.outbox.core.mutate({ trans: trans.idbtrans, type: 'deleteRange', range });
  if (res.numFailures > 0) throw res.failures[0] ?? new Error('outbox range not deleted');
}
