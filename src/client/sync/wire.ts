import type {
  CompactOpResult, CompactPushResponse, CompactRegistration, DeviceEnrolResponse, OpResult,
  PositionalOpResult, PositionalPushResponse, PullResponse, PushResponse, ServerRegistration,
} from '../../shared/protocol';

// Shape checks for the server's answers. Deliberately shallow: the server owns the records'
// validation, and a full zod parse of 500 registrations would cost a cheap phone for nothing.
// What is checked is what the engine relies on to decide, so that a wrong answer (a captive
// portal's 200 page, a half-deployed server) is a `bad-response`, never a corrupted queue.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

const SERVER_STATUSES = new Set(['accepted', 'waitlisted', 'voided']);

export function isServerRegistration(v: unknown): v is ServerRegistration {
  return isObject(v) && isString(v.id) && isInt(v.seq) && isInt(v.version)
    && isString(v.status) && SERVER_STATUSES.has(v.status) && isString(v.villageCode);
}

/**
 * An applied result's registration: full, compact (server fields only) or positional (compact
 * without its id); contract additions.
 */
function isAppliedRegistration(v: unknown): boolean {
  return isObject(v) && (v.id === undefined || isString(v.id)) && isInt(v.seq) && isInt(v.version)
    && isString(v.status) && SERVER_STATUSES.has(v.status)
    && (v.villageCode === undefined || isString(v.villageCode));
}

/** A positional answer's applied results carry no opId; a rejection always does. */
function isOpResult(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.status === 'applied') return (v.opId === undefined || isString(v.opId)) && isAppliedRegistration(v.registration);
  return v.status === 'rejected' && isString(v.opId) && isString(v.code) && isString(v.message);
}

export function isPushResponse(v: unknown): v is PushResponse | CompactPushResponse | PositionalPushResponse {
  return isObject(v) && Array.isArray(v.results) && v.results.every(isOpResult)
    && isString(v.serverTime);
}

/**
 * The results of a push, each with its opId and registration id: a positional answer (contract
 * addition) names neither, because the i-th result answers the i-th op. Null when the answer
 * cannot be matched to the ops (a positional answer of another length): a bad response.
 */
export function matchResults(
  ops: ReadonlyArray<{ opId: string; registrationId: string }>,
  results: ReadonlyArray<OpResult | CompactOpResult | PositionalOpResult>,
): Array<OpResult | CompactOpResult> | null {
  if (results.every((r) => 'opId' in r)) return results as Array<OpResult | CompactOpResult>;
  if (results.length !== ops.length) return null;
  const matched: Array<OpResult | CompactOpResult> = [];
  for (const [i, result] of results.entries()) {
    const op = ops[i] as { opId: string; registrationId: string };
    if (result.status === 'rejected') {
      if (result.opId !== op.opId) return null;
      matched.push(result);
      continue;
    }
    const registration = { ...result.registration, id: op.registrationId } as CompactRegistration;
    matched.push({ opId: op.opId, status: 'applied', registration });
  }
  return matched;
}

function isQuota(v: unknown): boolean {
  return isObject(v) && isString(v.villageCode) && isInt(v.quota) && isInt(v.accepted)
    && isInt(v.waitlisted);
}

export function isPullResponse(v: unknown): v is PullResponse {
  return isObject(v) && Array.isArray(v.changes) && v.changes.every(isServerRegistration)
    && isInt(v.cursor) && typeof v.hasMore === 'boolean'
    && Array.isArray(v.quotas) && v.quotas.every(isQuota);
}

export function isDeviceEnrolResponse(v: unknown): v is DeviceEnrolResponse {
  return isObject(v) && isString(v.deviceId) && isString(v.token) && isString(v.scope)
    && (v.role === 'operator' || v.role === 'coordinator' || v.role === 'admin');
}

/** `serverTime` of a push answer, or (pull has none) the Date header. */
export function serverTimeOf(body: unknown): number | null {
  if (!isObject(body) || !isString(body.serverTime)) return null;
  const t = Date.parse(body.serverTime);
  return Number.isNaN(t) ? null : t;
}
