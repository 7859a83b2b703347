import type {
  CompactPushResponse, DeviceEnrolResponse, PullResponse, PushResponse, ServerRegistration,
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

/** An applied result's registration, full or compact (contract addition: server fields only). */
function isAppliedRegistration(v: unknown): boolean {
  return isObject(v) && isString(v.id) && isInt(v.seq) && isInt(v.version)
    && isString(v.status) && SERVER_STATUSES.has(v.status)
    && (v.villageCode === undefined || isString(v.villageCode));
}

function isOpResult(v: unknown): boolean {
  if (!isObject(v) || !isString(v.opId)) return false;
  if (v.status === 'applied') return isAppliedRegistration(v.registration);
  return v.status === 'rejected' && isString(v.code) && isString(v.message);
}

export function isPushResponse(v: unknown): v is PushResponse | CompactPushResponse {
  return isObject(v) && Array.isArray(v.results) && v.results.every(isOpResult)
    && isString(v.serverTime);
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
