// First phase of a push, outside the write lock: every op is parsed and validated on its own,
// so the locked phase only decides what depends on the database.
import {
  issuesByField, opSchemas, OP_TYPES, registrationChangesSchema, registrationSchema, uuid,
  type OpResult, type OpType, type Receiver, type Registration, type RejectionCode,
} from '../../shared';
import type { PlaceRegistry } from '../places';
import { rejectionMessage } from '../messages';
import { hostileHash, payloadHash } from './canonical';
import { hostileField } from './hostile';

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

// Module functions rather than closures over an op: parseOp runs for every op of every push.
function invalidOp(base: OpBase, fields: Record<string, string>): ParsedOp {
  return { ...base, kind: 'invalid', result: invalidFields(base.opId, fields) };
}

function failedOp(base: OpBase, error: Parameters<typeof issuesByField>[0]): ParsedOp {
  return invalidOp(base, issuesByField(error));
}

export function parseOp(raw: Record<string, unknown>, places: PlaceRegistry): ParsedOp {
  const opId = raw.opId;
  if (typeof opId !== 'string' || !uuid.safeParse(opId).success) {
    const shown = typeof opId === 'string' ? opId : '';
    return { kind: 'unidentified', opId: shown, result: invalidFields(shown, { opId: 'uuid' }) };
  }
  // Before the hash: the canonical writer recurses, and nothing hostile may reach the store.
  const hostile = hostileField(raw);
  if (hostile) return { opId, hash: hostileHash(hostile), type: '', kind: 'invalid', result: invalidFields(opId, hostile) };
  const hash = payloadHash(raw);
  const type = raw.type;
  const base: OpBase = { opId, hash, type: typeof type === 'string' ? type : '' };
  if (!isOpType(type)) return invalidOp(base, { type: type === undefined ? 'required' : 'op-type' });
  switch (type) {
    case 'registration.create': {
      let registration = bareRegistration(raw);
      if (registration === undefined) {
        const env = opSchemas[type].safeParse(raw);
        if (!env.success) return failedOp(base, env.error);
        registration = env.data.registration;
      }
      const reg = registrationSchema.safeParse(registration);
      if (!reg.success) return failedOp(base, reg.error);
      if (!places.village(reg.data.villageCode)) return invalidOp(base, { villageCode: 'village-unknown' });
      return { ...base, kind: 'create', registration: reg.data };
    }
    case 'registration.update': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return failedOp(base, env.error);
      // Shape first (unknown and unchangeable fields); the merged whole is checked later.
      const changes = registrationChangesSchema.safeParse(env.data.changes);
      if (!changes.success) return failedOp(base, changes.error);
      const { id, baseVersion } = env.data;
      return { ...base, kind: 'update', id, baseVersion, changes: env.data.changes, nik: changes.data.nik };
    }
    case 'registration.void': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return failedOp(base, env.error);
      return { ...base, kind: 'void', id: env.data.id, reason: env.data.reason };
    }
    case 'card.handover': {
      const env = opSchemas[type].safeParse(raw);
      if (!env.success) return failedOp(base, env.error);
      const { registrationId, handedAt, receiver, eventId } = env.data;
      return { ...base, kind: 'handover', registrationId, handedAt, receiver, eventId: eventId ?? null };
    }
  }
}

/**
 * The registration of a create op whose envelope the envelope schema would pass unchanged:
 * exactly `opId` (already checked), `type` and `registration`, the last a plain object as
 * JSON.parse makes them. That schema's record check copies the registration key by key only to
 * hand it on, and the registration schema reads the copy as it would the original. Anything
 * else (undefined when it is not so) goes through the envelope schema and its messages.
 */
function bareRegistration(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  // for...in, as the strict envelope check: inherited enumerable keys count as unknown too.
  for (const key in raw) if (key !== 'opId' && key !== 'type' && key !== 'registration') return undefined;
  if (!Object.hasOwn(raw, 'opId') || !Object.hasOwn(raw, 'type') || !Object.hasOwn(raw, 'registration')) return undefined;
  const reg = raw.registration;
  if (typeof reg !== 'object' || reg === null || Object.getPrototypeOf(reg) !== Object.prototype) return undefined;
  // The record check leaves these out of its copy (`__proto__`, symbols, non-enumerable keys):
  // the registration schema must see the same keys.
  if (Object.hasOwn(reg, '__proto__') || Object.getOwnPropertySymbols(reg).length > 0) return undefined;
  if (Object.getOwnPropertyNames(reg).length !== Object.keys(reg).length) return undefined;
  return reg as Record<string, unknown>;
}
