// First phase of a push, outside the write lock: every op is parsed and validated on its own,
// so the locked phase only decides what depends on the database.
import {
  issuesByField, opSchemas, OP_TYPES, registrationChangesSchema, registrationSchema, uuid,
  type OpResult, type OpType, type Receiver, type Registration, type RejectionCode,
} from '../../shared';
import type { PlaceRegistry } from '../places';
import { rejectionMessage } from '../messages';
import { payloadHash } from './canonical';

interface OpBase { opId: string; hash: string; type: string }

export type ParsedOp =
  /** No usable opId: answered, but nothing can be remembered under it. */
  | { kind: 'unidentified'; opId: string; result: OpResult }
  /** Rejected on its own merits; the rejection is remembered like any result (rule 1). */
  | (OpBase & { kind: 'invalid'; result: OpResult })
  | (OpBase & { kind: 'create'; registration: Registration })
  | (OpBase & {
      kind: 'update'; id: string; baseVersion: number;
      /** As sent: merged into the current record, then the whole is validated again. */
      changes: Record<string, unknown>;
      /** The normalised new NIK, when the update changes it. */
      nik: string | undefined;
    })
  | (OpBase & { kind: 'void'; id: string; reason: string })
  | (OpBase & {
      kind: 'handover'; registrationId: string; handedAt: string; receiver: Receiver;
      eventId: string | null;
    });

export function rejected(
  opId: string, code: RejectionCode, details?: unknown, villageCode?: string,
): OpResult {
  const result: OpResult = { opId, status: 'rejected', code, message: rejectionMessage(code, villageCode) };
  if (details !== undefined) result.details = details;
  return result;
}

export function invalidFields(opId: string, fields: Record<string, string>): OpResult {
  return rejected(opId, 'invalid', { fields });
}

const isOpType = (t: unknown): t is OpType => OP_TYPES.includes(t as OpType);

export function parseOp(raw: Record<string, unknown>, places: PlaceRegistry): ParsedOp {
  const opId = raw.opId;
  if (typeof opId !== 'string' || !uuid.safeParse(opId).success) {
    const shown = typeof opId === 'string' ? opId : '';
    return { kind: 'unidentified', opId: shown, result: invalidFields(shown, { opId: 'uuid' }) };
  }
  const hash = payloadHash(raw);
  const type = raw.type;
  const base = { opId, hash, type: typeof type === 'string' ? type : '' };
  const invalid = (fields: Record<string, string>): ParsedOp => ({
    ...base, kind: 'invalid', result: invalidFields(opId, fields),
  });
  if (!isOpType(type)) return invalid({ type: type === undefined ? 'required' : 'op-type' });

  const fail = (error: Parameters<typeof issuesByField>[0]) => invalid(issuesByField(error));
  switch (type) {
    case 'registration.create': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return fail(env.error);
      const reg = registrationSchema.safeParse(env.data.registration);
      if (!reg.success) return fail(reg.error);
      if (!places.village(reg.data.villageCode)) return invalid({ villageCode: 'village-unknown' });
      return { ...base, kind: 'create', registration: reg.data };
    }
    case 'registration.update': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return fail(env.error);
      // Shape first (unknown and unchangeable fields); the merged whole is checked later.
      const changes = registrationChangesSchema.safeParse(env.data.changes);
      if (!changes.success) return fail(changes.error);
      const { id, baseVersion } = env.data;
      return { ...base, kind: 'update', id, baseVersion, changes: env.data.changes, nik: changes.data.nik };
    }
    case 'registration.void': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return fail(env.error);
      return { ...base, kind: 'void', id: env.data.id, reason: env.data.reason };
    }
    case 'card.handover': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return fail(env.error);
      const { registrationId, handedAt, receiver, eventId } = env.data;
      return { ...base, kind: 'handover', registrationId, handedAt, receiver, eventId: eventId ?? null };
    }
  }
}
