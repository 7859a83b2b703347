import { foldAnswers } from './answers';
import { withStorageErrors } from './errors';
import type { Desa100Db, OutboxRow, Rejection } from './schema';
import { opsByRegistration, registrationsById, settle, unique } from './sync-records';

// SyncStore.quarantine: ops the server cannot process (src/client/sync/quarantine.ts) set
// aside on this phone as if the server had refused them, so that the roster shows them with
// "Perbaiki" / "Kirim ulang" / "Buang" like any refusal.

/** The rejection code this phone gives an op the server failed on (never sent by a server). */
export const QUARANTINED = 'quarantined';

/**
 * Marks each op refused, with every later queued op of its registration (they were written
 * over it and must not overtake it), in one transaction.
 */
export async function quarantineOps(db: Desa100Db, rows: OutboxRow[], at: string): Promise<void> {
  if (rows.length === 0) return;
  await withStorageErrors(() => db.transaction('rw', [db.outbox, db.registrations, db.answers], async () => {
    const ids = unique(rows.map((row) => row.registrationId));
    await foldAnswers(db, ids);
    const [regs, ops] = await Promise.all([registrationsById(db, ids), opsByRegistration(db, ids)]);
    const setAside: OutboxRow[] = [];
    for (const suspect of rows) {
      const own = ops.get(suspect.registrationId) ?? [];
      const marked = own.map((op) => (op.state === 'queued' && (op.seq as number) >= (suspect.seq as number)
        ? { ...op, state: 'rejected' as const } : op));
      setAside.push(...marked.filter((op, i) => op !== own[i]));
      ops.set(suspect.registrationId, marked);
      const reg = regs.get(suspect.registrationId);
      if (!reg) continue;
      const rejection: Rejection = { opId: suspect.opId, code: QUARANTINED, message: 'server could not process this op', at };
      regs.set(reg.id, settle({ ...reg, rejection }, marked, true));
    }
    await db.outbox.bulkPut(setAside);
    await db.registrations.bulkPut([...regs.values()]);
  }));
}
