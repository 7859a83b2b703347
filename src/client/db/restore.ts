import type { Op } from '../../shared/protocol';
import { foldAllAnswers } from './answers';
import { withStorageErrors } from './errors';
import { getMeta, setMeta } from './meta';
import { registrationOf } from './registration-keys';
import { resendRejected } from './resend';
import type { Desa100Db, LocalRegistration, OutboxRow } from './schema';

// Contract Revision 2, R5: the server was restored from a backup (it answered with another
// generation). What this phone holds is pushed again, as ordinary outbox rows placed before
// every queued op (lower seqs), so that the push pipeline, its crash safety and its progress
// serve it unchanged: a reload mid re-push sends the rest under the same opIds.

/** The ops that put one registration back on a restored server: create, then card, then void. */
function repushOps(reg: LocalRegistration): Op[] {
  const server = reg.server;
  if (!server) return [];
  const ops: Op[] = [{ opId: crypto.randomUUID(), type: 'registration.create', registration: registrationOf(server) }];
  if (server.card) {
    const { handedAt, receiver, eventId } = server.card;
    ops.push({
      opId: crypto.randomUUID(), type: 'card.handover', registrationId: reg.id, handedAt, receiver,
      eventId: eventId ?? undefined,
    });
  }
  if (server.status === 'voided') {
    ops.push({ opId: crypto.randomUUID(), type: 'registration.void', id: reg.id, reason: server.voidReason ?? '-' });
  }
  return ops;
}

const registrationIdOf = (op: Op): string => (op.type === 'registration.create' ? op.registration.id
  : op.type === 'card.handover' ? op.registrationId : op.id);

/**
 * Queues the re-push and adopts `generation`, in one transaction: every registration the server
 * had answered for (its last word as the phone holds it; records of other phones too), with
 * fresh opIds, ahead of the queued ops. The pull starts again from 0, and the old timeline's seqs
 * are forgotten (the restored server numbers its changes anew); queued updates are marked to be
 * rebased should their old base version be refused. Returns how many ops it queued.
 */
export function queueRepush(db: Desa100Db, generation: string, at: string, answered: readonly string[] = []): Promise<number> {
  return withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.meta, db.answers], async () => {
    await foldAllAnswers(db);
    const regs = await db.registrations.filter((r) => r.server !== null).toArray();
    const ops = regs.flatMap(repushOps);
    const first = (await db.outbox.orderBy('seq').first())?.seq ?? 1;
    const start = Math.min(first, 1) - ops.length;
    await db.outbox.bulkAdd(ops.map((op, i): OutboxRow => ({
      seq: start + i, opId: op.opId, registrationId: registrationIdOf(op), op, state: 'queued',
      createdAt: at, attempts: 0, lastAttemptAt: null, repush: true,
    })));
    await db.registrations.bulkPut(regs.map((r) => ({ ...r, server: r.server && { ...r.server, seq: 0 } })));
    // Updates based on the old timeline's versions: queued ones, and those the restored server
    // just refused in the answer that showed the restore.
    const sent = new Set(answered);
    await db.outbox.filter((row) => row.op.type === 'registration.update' && (row.state === 'queued' || sent.has(row.opId)))
      .modify({ rebase: true });
    await setMeta(db, 'cursor', 0);
    await setMeta(db, 'generation', generation);
    await setMeta(db, 'repushTotal', ops.length);
    return ops.length;
  }));
}

/** Ops of a re-push still queued (0 once it is done: the flag row is then dropped). */
export function repushLeft(db: Desa100Db): Promise<number> {
  return withStorageErrors(() => db.transaction('rw', [db.outbox, db.meta], async () => {
    if ((await getMeta(db, 'repushTotal')) === undefined) return 0;
    const left = await db.outbox.filter((row) => row.repush === true && row.state === 'queued').count();
    if (left === 0) await db.meta.delete('repushTotal');
    return left;
  }));
}

/**
 * Updates queued across a restore and refused as a version conflict (their base version was the
 * old timeline's): resent at once, the operator's changes replayed over the restored server's
 * copy, as "Kirim ulang" would. Returns how many records went again.
 */
export async function resendRebased(db: Desa100Db): Promise<number> {
  const ids = await withStorageErrors(async () => {
    const refused = await db.outbox.where('state').equals('rejected').filter((row) => row.rebase === true).toArray();
    const regs = await db.registrations.bulkGet([...new Set(refused.map((row) => row.registrationId))]);
    return regs.flatMap((reg) => (reg?.rejection?.code === 'version-conflict' ? [reg.id] : []));
  });
  let resent = 0;
  for (const id of ids) {
    try {
      await resendRejected(db, id);
      resent += 1;
    } catch (error) {
      // Left refused for the operator's own "Kirim ulang"; it must not stop every sync.
      console.error('sync: rebasing after a restore failed', error instanceof Error ? error.name : typeof error);
    }
  }
  return resent;
}
