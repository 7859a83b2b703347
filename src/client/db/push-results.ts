import type { CompactOpResult, CompactRegistration, Op, OpResult, ServerRegistration } from '../../shared/protocol';
import type { Registration } from '../../shared/registration';
import { isServerRegistration } from '../sync/wire';
import { foldAnswers } from './answers';
import { withStorageErrors } from './errors';
import { setMeta } from './meta';
import { registrationOf } from './registration-keys';
import type { AnswerEntry, Desa100Db, LocalRegistration, OutboxRow } from './schema';
import {
  deleteOutboxRange, fromServer, markAttempted, newer, opsByRegistration, registrationsById, settle, splitInFlight, unique,
} from './sync-records';

// Storing a push's answers (SyncStore.applyPushResults), in one transaction per batch.

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

/**
 * Splits a batch's answered ops: the common case (a first-time create applied, its record
 * untouched since, nothing refused for it: answers.ts, rule 1) becomes an answer entry and its
 * row is not rewritten; every other op takes the full path.
 */
function triage(
  rows: OutboxRow[], byOpId: Map<string, OpResult | CompactOpResult>, refusedIds: Set<string>, edited: Set<string>,
): { entries: AnswerEntry[]; fastSeqs: number[]; slow: OutboxRow[] } {
  // A partial answer leaves records to mark `sent`: every row then takes the full path.
  if (rows.some((row) => !byOpId.has(row.opId))) return { entries: [], fastSeqs: [], slow: rows };
  const opsOf = new Map<string, number>();
  for (const row of rows) opsOf.set(row.registrationId, (opsOf.get(row.registrationId) ?? 0) + 1);
  const entries: AnswerEntry[] = [];
  const fastSeqs: number[] = [];
  const slow: OutboxRow[] = [];
  for (const row of rows) {
    const result = byOpId.get(row.opId);
    const id = row.registrationId;
    if (
      result?.status === 'applied' && !isFull(result.registration) && row.op.type === 'registration.create'
      && row.attempts === 0 && opsOf.get(id) === 1 && !refusedIds.has(id) && !edited.has(id)
    ) {
      const { status, version, seq, receivedAt, updatedAt, kpjNumber, card } = result.registration;
      entries.push({ id, villageCode: row.op.registration.villageCode, status, version, seq, receivedAt, updatedAt, kpjNumber, card });
      fastSeqs.push(row.seq as number);
    } else {
      slow.push(row);
    }
  }
  return { entries, fastSeqs, slow };
}

/**
 * Applies the server's answers (full, or compact: rebuilt from the ops) in one transaction;
 * returns how many rows got no answer (a broken server). The seq range of a fully answered
 * batch is deleted from the outbox in one request; refusals stay, with their records `rejected`.
 */
export async function applyPushResults(
  db: Desa100Db, rows: OutboxRow[], results: Array<OpResult | CompactOpResult>, at: string,
): Promise<number> {
  const byOpId = new Map<string, OpResult | CompactOpResult>(results.map((r) => [r.opId, r]));
  const compact = results.some((r) => r.status === 'applied' && !isFull(r.registration));
  const normalise = compact ? await loadNormaliser() : (raw: Registration) => raw;
  const [first, last] = [rows[0]?.seq, rows.at(-1)?.seq];
  return withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta, db.answers], async () => {
    const [{ batch, rest }, refusals] = await Promise.all([
      splitInFlight(db, rows),
      db.outbox.where('state').equals('rejected').toArray(),
    ]);
    const edited = new Set(batch.flatMap((b) => b.edited ?? []));
    const { entries, fastSeqs, slow } = triage(rows, byOpId, new Set(refusals.map((r) => r.registrationId)), edited);
    const inRange = (row: OutboxRow) => first !== undefined && last !== undefined && (row.seq as number) >= first && (row.seq as number) <= last;
    const applied = [...fastSeqs];
    const slowIds = unique(slow.map((r) => r.registrationId));
    // Ops of the full path: the records (with any answer not yet folded), how many ops each has.
    await foldAnswers(db, slowIds);
    const [regs, opCounts] = await Promise.all([
      registrationsById(db, slowIds),
      Promise.all(slowIds.map((id) => db.outbox.where('registrationId').equals(id).count())),
    ]);
    const inBatch = new Map<string, number>();
    for (const row of slow) inBatch.set(row.registrationId, (inBatch.get(row.registrationId) ?? 0) + 1);
    const rejected: OutboxRow[] = [];
    let unanswered = 0;
    for (const row of slow) {
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
      // A re-pushed card or void refused (already handed over, already voided, its create
      // refused): the server's word stands; nothing for the operator to do about it.
      if (row.repush && row.op.type !== 'registration.create') {
        if (row.seq !== undefined) applied.push(row.seq);
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
      // there but older refusals, put back).
      await deleteOutboxRange(db, first, last);
      await db.outbox.bulkPut([...refusals.filter(inRange), ...rejected]);
    } else {
      await db.outbox.bulkDelete(applied);
      await db.outbox.bulkPut(rejected);
    }
    if (entries.length > 0) await db.answers.add({ at, entries });
    // Answered (even partly: what is left unanswered goes again as an unknown delivery).
    if (unanswered > 0) await markAttempted(db, batch);
    await setMeta(db, 'inFlight', rest);
    // Most records have no op left; the rows are read for the few with ops outside the batch
    // or refused in it.
    const refused = new Set(rejected.map((row) => row.registrationId));
    const others = slowIds.filter((id, i) => (opCounts[i] ?? 0) > (inBatch.get(id) ?? 0) || refused.has(id) || unanswered > 0);
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
}
