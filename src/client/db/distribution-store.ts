import { newId } from '../../shared/ids';
import { receiverSchema, type Card, type HandoverOp, type PullResponse, type Receiver, type ServerRegistration } from '../../shared/protocol';
import { isVillageCode } from '../../shared/places/codes';
import { foldAnswers, readAnswers, withAnswer } from './answers';
import { withStorageErrors } from './errors';
import { getMeta, getMetas, isInFlight, setMeta } from './meta';
import { registrationOf, searchKeys } from './registration-keys';
import { isRefusedHandover, settle } from './sync-records';
import type {
  Desa100Db, DistributionEvent, HandoverMark, LocalRegistration, OutboxRow, OutboxState,
} from './schema';

// The Dexie side of card-handover events: the events this phone prepared, the registrations
// it downloaded for them, and each handover (its outbox op and its local mark, written together).

export type { DistributionEvent, HandoverMark } from './schema';

export async function saveEvent(db: Desa100Db, event: DistributionEvent): Promise<void> {
  await withStorageErrors(() => db.transaction('rw', db.distributionEvents, db.meta, async () => {
    await db.distributionEvents.put(event);
    await setMeta(db, 'distributionEventId', event.id);
  }));
}

export async function readCurrentEvent(db: Desa100Db): Promise<DistributionEvent | null> {
  const id = await getMeta(db, 'distributionEventId');
  return (id && (await db.distributionEvents.get(id))) || null;
}

export async function listEvents(db: Desa100Db): Promise<DistributionEvent[]> {
  return db.distributionEvents.toArray();
}

export async function chooseEvent(db: Desa100Db, id: string | null): Promise<void> {
  if (id) await setMeta(db, 'distributionEventId', id);
  else await db.meta.delete('distributionEventId');
}

/**
 * One page of a pull narrowed to an event's village. The pull cursor is not touched: it belongs
 * to the sync engine's full pull, which a narrowed page must not move past other villages'
 * changes. A record this phone still has work queued for keeps its local state (the sync
 * engine settles it when its answers come); otherwise the server's copy replaces the local one.
 */
export async function storeEventPage(db: Desa100Db, page: Pick<PullResponse, 'changes'>): Promise<void> {
  await withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.answers], async () => {
    const ids = page.changes.map((c) => c.id);
    await foldAnswers(db, ids);
    const [locals, busy] = await Promise.all([
      db.registrations.bulkGet(ids),
      db.outbox.where('registrationId').anyOf(ids).primaryKeys(),
    ]);
    const withOps = new Set((await db.outbox.bulkGet(busy)).map((row) => row?.registrationId));
    const rows = page.changes.map((incoming, i) => merge(locals[i], incoming, withOps.has(incoming.id)));
    await db.registrations.bulkPut(rows.filter((r): r is LocalRegistration => r !== null));
  }));
}

function merge(local: LocalRegistration | undefined, incoming: ServerRegistration, hasOps: boolean): LocalRegistration | null {
  if (local?.server && local.server.seq >= incoming.seq) return null;
  const data = registrationOf(incoming);
  const fresh: LocalRegistration = {
    id: incoming.id, villageCode: incoming.villageCode, ...searchKeys(data), status: incoming.status, data,
    server: incoming, rejection: null, origin: local?.origin ?? 'pulled',
    createdAt: local?.createdAt ?? incoming.receivedAt, updatedAt: incoming.updatedAt,
  };
  if (!local) return fresh;
  if (hasOps || local.status === 'rejected') return { ...local, server: incoming };
  return fresh;
}

export interface KnownVillage {
  code: string;
  name: string | null;
  district: string | null;
}

/**
 * Villages an event can be made of, with names where this phone knows them: the coordinator's
 * last board, the villages sync has seen, the operator's own village, and the cached place files.
 */
export async function readKnownVillages(db: Desa100Db): Promise<KnownVillage[]> {
  const [board, quotaCodes, scope, ownVillage, places] = await Promise.all([
    getMeta(db, 'coordinatorBoard'),
    db.quotas.toCollection().primaryKeys(),
    getMeta(db, 'scope'),
    getMeta(db, 'villageCode'),
    db.places.toArray(),
  ]);
  const known = new Map<string, KnownVillage>();
  for (const v of board?.board.villages ?? []) known.set(v.villageCode, { code: v.villageCode, name: v.name, district: v.district });
  const extra = [...quotaCodes, ...(isVillageCode(scope ?? '') ? [scope as string] : []), ...(ownVillage ? [ownVillage] : [])];
  for (const code of extra) if (!known.has(code)) known.set(code, { code, name: null, district: null });
  for (const regency of places) {
    for (const d of regency.districts) {
      for (const [code, name] of d.villages) {
        const v = known.get(code);
        if (v && v.name === null) known.set(code, { code, name, district: d.name });
      }
    }
  }
  return [...known.values()];
}

export async function markEventDownloaded(db: Desa100Db, id: string, at: string): Promise<void> {
  await db.distributionEvents.update(id, { downloadedAt: at });
}

/** Everything the event table needs about one registration. */
export interface EventEntry {
  registration: LocalRegistration;
  mark: HandoverMark | null;
  /** The state of this phone's handover op while it is in the outbox (gone once applied). */
  opState: OutboxState | null;
}

export async function readEventEntries(db: Desa100Db, villageCodes: readonly string[]): Promise<EventEntry[]> {
  return withStorageErrors(() => db.transaction('r', [db.registrations, db.handovers, db.outbox, db.answers], async () => {
    const codes = [...villageCodes];
    const [rows, marks, answers] = await Promise.all([
      db.registrations.where('villageCode').anyOf(codes).toArray(),
      db.handovers.where('villageCode').anyOf(codes).toArray(),
      readAnswers(db),
    ]);
    const registrations = rows.map((row) => withAnswer(row, answers));
    const ops = await db.outbox.where('opId').anyOf(marks.map((m) => m.opId)).toArray();
    const markById = new Map(marks.map((m) => [m.registrationId, m]));
    const stateByOp = new Map(ops.map((o) => [o.opId, o.state]));
    return registrations.map((registration) => {
      const mark = markById.get(registration.id) ?? null;
      return { registration, mark, opState: mark ? stateByOp.get(mark.opId) ?? null : null };
    });
  }));
}

export interface HandoverInput {
  registrationId: string;
  receiver: Receiver;
  eventId: string | null;
  /** Injected by tests; the app uses newId (UUIDv7) and the clock corrected by the last sync. */
  opId?: string;
  now?: Date;
}

/** Who had the card, as far as this phone knows: the server's record or this phone's mark. */
export type PriorHandover = Partial<Pick<Card, 'handedAt' | 'receiver' | 'operator' | 'eventId'>> & { here: boolean };

export type HandoverResult =
  | { ok: true; mark: HandoverMark }
  | { ok: false; reason: 'already-handed-over'; prior: PriorHandover }
  | { ok: false; reason: 'not-found' | 'not-accepted' | 'voided' | 'invalid-receiver' };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Reads the `details` of an `already-handed-over` rejection: whatever of a Card is there. */
export function priorFromDetails(details: unknown): PriorHandover {
  const d = (typeof details === 'object' && details !== null ? details : {}) as Record<string, unknown>;
  const card = (typeof d.card === 'object' && d.card !== null ? d.card : d) as Record<string, unknown>;
  const receiver = receiverSchema.safeParse(card.receiver);
  return {
    handedAt: str(card.handedAt),
    receiver: receiver.success ? receiver.data : undefined,
    operator: str(card.operator),
    eventId: str(card.eventId),
    here: false,
  };
}

/**
 * Hands a card over: the `card.handover` op and this phone's mark, in one transaction, so
 * that the op is queued exactly once and a second handover of the card here is refused at
 * once with who and when. Another phone's handover of the same card is the server's to refuse
 * (`already-handed-over`); the event screen shows that refusal when sync brings it.
 */
export async function recordHandover(db: Desa100Db, input: HandoverInput): Promise<HandoverResult> {
  const receiver = receiverSchema.safeParse(input.receiver);
  if (!receiver.success) return { ok: false, reason: 'invalid-receiver' };
  return withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.handovers, db.meta, db.answers], async () => {
    await foldAnswers(db, [input.registrationId]);
    const reg = await db.registrations.get(input.registrationId);
    if (!reg) return { ok: false, reason: 'not-found' } as const;
    const mark = await db.handovers.get(reg.id);
    if (mark) {
      const prior = { handedAt: mark.handedAt, receiver: mark.receiver, operator: mark.operator, eventId: mark.eventId ?? undefined, here: true };
      return { ok: false, reason: 'already-handed-over', prior } as const;
    }
    const card = reg.server?.card;
    if (card) return { ok: false, reason: 'already-handed-over', prior: { ...card, eventId: card.eventId ?? undefined, here: false } } as const;
    if (reg.rejection?.code === 'already-handed-over') {
      return { ok: false, reason: 'already-handed-over', prior: priorFromDetails(reg.rejection.details) } as const;
    }
    if (reg.server?.status === 'voided') return { ok: false, reason: 'voided' } as const;
    if (reg.server?.status !== 'accepted') return { ok: false, reason: 'not-accepted' } as const;

    const [offset, deviceName, deviceId] = await getMetas(db, ['clockOffsetMs', 'deviceName', 'deviceId']);
    // The device clock corrected by what the last sync measured: phones at events are often off.
    const handedAt = new Date((input.now ?? new Date()).getTime() + (offset ?? 0)).toISOString();
    const opId = input.opId ?? newId();
    // No eventId is sent as absent (JSON drops undefined), as the contract's optional field.
    const op: HandoverOp = {
      opId, type: 'card.handover', registrationId: reg.id, handedAt, receiver: receiver.data,
      eventId: input.eventId ?? undefined,
    };
    const row: OutboxRow = {
      opId, registrationId: reg.id, op, state: 'queued', createdAt: handedAt, attempts: 0, lastAttemptAt: null,
    };
    const made: HandoverMark = {
      registrationId: reg.id, opId, eventId: input.eventId, villageCode: reg.villageCode, handedAt,
      receiver: receiver.data, operator: deviceName ?? '', deviceId: deviceId ?? null,
    };
    await db.outbox.add(row);
    await db.handovers.add(made);
    return { ok: true, mark: made } as const;
  }));
}

/**
 * Closes a refused handover ("Mengerti"): the refused op, this phone's mark (its handover did
 * not count) and the conflict's details go; the record stays as the server holds it.
 */
export async function dismissHandoverConflict(db: Desa100Db, registrationId: string): Promise<void> {
  await withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.handovers, db.answers], async () => {
    await foldAnswers(db, [registrationId]);
    const ops = await db.outbox.where('registrationId').equals(registrationId).toArray();
    const refused = ops.filter(isRefusedHandover);
    if (refused.length === 0) return;
    await db.outbox.bulkDelete(refused.map((row) => row.seq as number));
    const mark = await db.handovers.get(registrationId);
    if (mark && refused.some((row) => row.opId === mark.opId)) await db.handovers.delete(registrationId);
    const reg = await db.registrations.get(registrationId);
    const left = ops.filter((row) => !isRefusedHandover(row));
    if (!reg) return;
    // A refusal of another of its ops (a refused correction) stays for the operator.
    const rejection = refused.some((row) => row.opId === reg.rejection?.opId) ? null : reg.rejection;
    await db.registrations.put(settle({ ...reg, rejection }, left, false));
  }));
}

export type UndoResult = { ok: true } | { ok: false; reason: 'none' | 'sent' };

/**
 * Takes back a handover made here by mistake (the wrong SITI NURJANAH), as long as its op has
 * never left the phone: not attempted, not in the batch being pushed right now. Once sent, the
 * server may hold it, and only a coordinator can correct the record there.
 */
export async function undoHandover(db: Desa100Db, registrationId: string): Promise<UndoResult> {
  return withStorageErrors(() => db.transaction('rw', [db.handovers, db.outbox, db.meta], async () => {
    const mark = await db.handovers.get(registrationId);
    if (!mark) return { ok: false, reason: 'none' } as const;
    const [row, inFlight] = await Promise.all([db.outbox.where('opId').equals(mark.opId).first(), getMeta(db, 'inFlight')]);
    if (!row || row.state !== 'queued' || row.attempts > 0 || isInFlight(inFlight, row.seq)) {
      return { ok: false, reason: 'sent' } as const;
    }
    await db.outbox.delete(row.seq as number);
    await db.handovers.delete(registrationId);
    return { ok: true } as const;
  }));
}
