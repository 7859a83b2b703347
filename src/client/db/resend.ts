import { newId } from '../../shared/ids';
import type { Op } from '../../shared/protocol';
import type { Registration } from '../../shared/registration';
import { foldAnswers } from './answers';
import { ClientError, withStorageErrors } from './errors';
import { registrationOf } from './registration-keys';
import { saveEditedRegistration } from './registrations';
import type { Desa100Db, LocalRegistration, OutboxRow } from './schema';
import { settle } from './sync-records';

// "Kirim ulang" and what it needs: a refused record queued again with new opIds.

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
  return withStorageErrors(() => db.transaction('rw', [db.registrations, db.outbox, db.meta, db.answers], async () => {
    await foldAnswers(db, [registrationId]);
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
