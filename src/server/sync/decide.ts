// Second phase of a push, inside the write lock: each op is decided against the batch's
// in-memory state, in order. Quota and waitlist rules are contract rules 2 and 5.
import {
  admits, issuesByField, registrationSchema, type OpResult, type OpType,
} from '../../shared';
import { mayTouch, type Actor } from '../auth/actor';
import type { BatchState } from '../store/batch';
import { entryToServer, type Entry } from '../store/rows';
import { invalidFields, rejected, type ParsedOp } from './parse-ops';
import { replayed, storedResult } from './stored-result';

export interface DecideContext {
  actor: Actor;
  /**
   * The device recorded with each op (Revision 2, R1): an enrolled device's own id from its
   * token, whatever the body says; for a CLI or admin token, the body's `deviceId`.
   */
  deviceId: string;
  /** Server time of this batch, ISO 8601 UTC. */
  now: string;
}

/**
 * Rule 1 first: a known opId replays its first result, or conflicts if the payload differs.
 * Synchronous but for a void (its promotions may read the waitlist): a push decides hundreds of
 * ops, and a promise and a turn of the event loop each were a measurable share.
 */
export function decideOp(op: ParsedOp, state: BatchState, ctx: DecideContext): OpResult | Promise<OpResult> {
  if (op.kind === 'unidentified') return op.result;
  const known = state.knownOp(ctx.actor.tokenId, op.opId);
  if (known) {
    if (known.hash !== op.hash) return rejected(op.opId, 'op-conflict');
    return replayed(known, op, 'create' in known ? state.get(known.registrationId) : undefined);
  }
  const result = op.kind === 'invalid' ? op.result : decideNew(op, state, ctx);
  return result instanceof Promise ? result.then((r) => remember(op, state, ctx, r)) : remember(op, state, ctx, result);
}

/**
 * Applied creates that created nothing (R5: the id was already held): their answer is not the
 * op's own record, so stored-result.ts's compact form could not rebuild it.
 */
const storedWhole = new WeakSet<OpResult>();

/** Every decided op is remembered under its opId, rejections too (rule 1). */
function remember(op: Exclude<ParsedOp, { kind: 'unidentified' }>, state: BatchState, ctx: DecideContext, result: OpResult): OpResult {
  const registrationId =
    op.kind === 'create' ? op.registration.id
    : op.kind === 'handover' ? op.registrationId
    : op.kind === 'invalid' ? null
    : op.id;
  state.rememberOp({
    op_id: op.opId,
    payload_hash: op.hash,
    type: op.type,
    registration_id: registrationId,
    device_id: ctx.deviceId,
    actor: ctx.actor.tokenId,
    received_at: ctx.now,
    result: storedWhole.has(result) ? JSON.stringify(result) : storedResult(op, result),
  }, result);
  return result;
}

function applied(opId: string, entry: Entry): OpResult {
  return { opId, status: 'applied', registration: entryToServer(entry) };
}

/** Moves a registration to its next state: a new seq and version (rule 5). */
export function bump(state: BatchState, entry: Entry, now: string): void {
  entry.seq = state.nextSeq();
  entry.version += 1;
  entry.updatedAt = now;
  // A push names its token after bumping; any other change (promotion, KPJ) is nobody's push.
  entry.pushedBy = null;
}

type Decidable = Exclude<ParsedOp, { kind: 'unidentified' } | { kind: 'invalid' }>;

/** The checks every op on an existing registration makes, in the contract's order. */
function target(
  state: BatchState, ctx: DecideContext, opId: string, type: OpType, id: string,
): Entry | OpResult {
  const entry = state.get(id);
  if (!entry) return rejected(opId, 'not-found');
  const village = entry.record.villageCode;
  if (!mayTouch(ctx.actor, type, village)) return rejected(opId, 'forbidden-village', { villageCode: village }, village);
  if (entry.status === 'voided') return rejected(opId, 'already-voided');
  return entry;
}

const isResult = (v: Entry | OpResult): v is OpResult => 'opId' in v;

function decideNew(op: Decidable, state: BatchState, ctx: DecideContext): OpResult | Promise<OpResult> {
  const { opId } = op;
  switch (op.kind) {
    case 'create': {
      const reg = op.registration;
      const village = reg.villageCode;
      if (!mayTouch(ctx.actor, 'registration.create', village)) {
        return rejected(opId, 'forbidden-village', { villageCode: village }, village);
      }
      const held = state.get(reg.id);
      if (held) {
        // R5: a device pushing again what it holds after a restore. Same worker: the record as
        // the server holds it, unchanged (kept whole, so a retry replays it exactly). Another
        // worker under that id: refused.
        // Only for a caller who may touch the held record: never a way to read someone's record.
        if (held.record.nik !== reg.nik || !mayTouch(ctx.actor, 'registration.create', held.record.villageCode)) {
          return rejected(opId, 'id-conflict');
        }
        const kept: OpResult = { opId, status: 'applied', registration: entryToServer(held) };
        storedWhole.add(kept);
        return kept;
      }
      const holder = state.holderOf(reg.nik);
      if (holder) {
        const at = holder.record.villageCode;
        return rejected(opId, 'duplicate-nik', { villageCode: at }, at);
      }
      const counters = state.counters(village);
      const accepted = admits(state.quotaOf(counters), counters.accepted);
      const seq = state.nextSeq();
      const entry: Entry = {
        record: reg,
        status: accepted ? 'accepted' : 'waitlisted',
        version: 1,
        seq,
        createdSeq: seq,
        receivedAt: ctx.now,
        updatedAt: ctx.now,
        kpjNumber: null,
        card: null,
        voidReason: null,
        deviceId: ctx.deviceId,
        operator: ctx.actor.tokenId,
        pushedBy: ctx.actor.tokenId,
      };
      if (accepted) counters.accepted += 1;
      else counters.waitlisted += 1;
      state.touchVillage(village);
      state.create(entry);
      return applied(opId, entry);
    }
    case 'update': {
      const entry = target(state, ctx, opId, 'registration.update', op.id);
      if (isResult(entry)) return entry;
      if (op.baseVersion !== entry.version) return rejected(opId, 'version-conflict', entryToServer(entry));
      // The whole record is validated again: cross-field rules may involve unchanged fields.
      const merged = registrationSchema.safeParse({ ...entry.record, ...op.changes });
      if (!merged.success) return invalidFields(opId, issuesByField(merged.error));
      if (merged.data.nik !== entry.record.nik) {
        const holder = state.holderOf(merged.data.nik);
        if (holder && holder !== entry) {
          const at = holder.record.villageCode;
          return rejected(opId, 'duplicate-nik', { villageCode: at }, at);
        }
      }
      entry.record = merged.data;
      bump(state, entry, ctx.now);
      entry.pushedBy = ctx.actor.tokenId;
      state.changed(entry);
      return applied(opId, entry);
    }
    case 'void': {
      const entry = target(state, ctx, opId, 'registration.void', op.id);
      if (isResult(entry)) return entry;
      const wasAccepted = entry.status === 'accepted';
      const counters = state.counters(entry.record.villageCode);
      if (wasAccepted) counters.accepted -= 1;
      else counters.waitlisted -= 1;
      if (entry.card) counters.cardsHandedOver -= 1;
      entry.status = 'voided';
      entry.voidReason = op.reason;
      bump(state, entry, ctx.now);
      entry.pushedBy = ctx.actor.tokenId;
      state.changed(entry);
      state.touchVillage(entry.record.villageCode);
      // The void's own result comes first; promotions it causes get later seqs.
      const result = applied(opId, entry);
      if (!wasAccepted) return result;
      return fillFreeSlots(state, entry.record.villageCode, ctx.now).then(() => result);
    }
    case 'handover': {
      const entry = target(state, ctx, opId, 'card.handover', op.registrationId);
      if (isResult(entry)) return entry;
      if (entry.status !== 'accepted') return rejected(opId, 'not-accepted');
      if (entry.card) return rejected(opId, 'already-handed-over', entry.card);
      entry.card = {
        handedAt: op.handedAt,
        receiver: op.receiver,
        eventId: op.eventId,
        operator: ctx.actor.name,
        deviceId: ctx.deviceId,
      };
      bump(state, entry, ctx.now);
      entry.pushedBy = ctx.actor.tokenId;
      state.changed(entry);
      const counters = state.counters(entry.record.villageCode);
      counters.cardsHandedOver += 1;
      state.touchVillage(entry.record.villageCode);
      return applied(opId, entry);
    }
  }
}

/**
 * Promotes the oldest waitlisted registrations of a village into free slots, oldest first,
 * each promotion a change of its own (rule 2 and 5). Used after a void and a quota raise.
 */
export async function fillFreeSlots(state: BatchState, villageCode: string, now: string): Promise<number> {
  const counters = state.counters(villageCode);
  const free = state.quotaOf(counters) - counters.accepted;
  const n = Math.min(free, counters.waitlisted);
  if (n <= 0) return 0;
  const head = await state.waitlistHead(villageCode, n);
  for (const entry of head) {
    entry.status = 'accepted';
    bump(state, entry, now);
    state.changed(entry);
    counters.accepted += 1;
    counters.waitlisted -= 1;
  }
  state.touchVillage(villageCode);
  return head.length;
}
