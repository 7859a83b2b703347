// How an op's first result is kept in `ops.result`, and how a retry gets it back (contract
// rule 1: "returns the first result again, as it was then").
//
// An applied create is most of what devices push, and its result is mostly the registration the
// op itself carries. So only the server's own fields are stored, `{"create": {status, version,
// receivedAt, updatedAt, kpjNumber, card, seq, voidReason}}` (about a sixth of the full result),
// and a retry rebuilds the rest from its own payload: the payload hash has just proved it is the
// same payload, and parsing it again with the same schema gives the same record, key order
// included (zod lays objects out in schema order). withServerFields lays out the registration
// for both answers, so the rebuilt result serialises to the very bytes of the first, in every
// answer mode. Any other result (rejections, updates, voids, handovers, and every row written
// before this format) is stored whole and replayed as it is.
import type { OpResult } from '../../shared';
import { serverFieldsOf, withServerFields, type Entry, type ServerFields } from '../store/rows';
import type { ParsedOp } from './parse-ops';

/** An op already decided, as the batch knows it. */
export type KnownOp =
  | { hash: string; result: OpResult }
  | { hash: string; create: ServerFields; registrationId: string };

interface StoredCreate {
  create: ServerFields;
}

/** The text kept in `ops.result` for an op's first result. */
export function storedResult(op: ParsedOp, result: OpResult): string {
  if (op.kind === 'create' && result.status === 'applied') {
    const stored: StoredCreate = { create: serverFieldsOf(result.registration) };
    return JSON.stringify(stored);
  }
  return JSON.stringify(result);
}

/** Reads an `ops` row back. */
export function knownOp(row: { payload_hash: string; result: string; registration_id: string | null }): KnownOp {
  const stored = JSON.parse(row.result) as OpResult | StoredCreate;
  if ('create' in stored && row.registration_id !== null) {
    return { hash: row.payload_hash, create: stored.create, registrationId: row.registration_id };
  }
  return { hash: row.payload_hash, result: stored as OpResult };
}

/**
 * The first result of `op`, whose payload matched the remembered one. `current` is the
 * registration as the database holds it. While it is unchanged since its creation (version 1:
 * every later change bumps it), its stored record is the very record that was answered, across
 * deploys too. After a change, the payload is parsed again with today's schema: the same record,
 * unless a deploy changed the normalisation in between (docs/architecture.md, "Contract
 * additions"). A payload that no longer parses as a create falls back to the stored record.
 */
export function replayed(known: KnownOp, op: ParsedOp, current: Entry | undefined): OpResult {
  if ('result' in known) return known.result;
  const record = current?.version === 1 || op.kind !== 'create' ? current?.record : op.registration;
  if (!record) throw new Error('stored create without its registration');
  return { opId: op.opId, status: 'applied', registration: withServerFields(record, known.create) };
}
