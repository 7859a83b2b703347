import * as z from 'zod/mini';
import { ROLES } from './codes';
import { isoTime, optional, plainText, text, uuid, fullName, yearMonth } from './fields';
import { MAX_OPS_PER_PUSH, MAX_QUOTA } from './programme';
import { isScope, VILLAGE_CODE_RE } from './places/codes';
import { registrationChangesSchema, registrationObject, type Registration } from './registration';
import type { RejectionCode } from './errors';

// The wire messages of ../shared/spec/sync-protocol.md, one schema each.

/** A JSON object, passed on as it came: a copy would drop a `__proto__` key, which the server
 *  must see to refuse (Revision 2, R3). What is inside is each op's own business. */
const opObject = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { error: 'object' },
);

export const pushRequestSchema = z.object({
  deviceId: uuid,
  ops: z.array(opObject).check(z.minLength(1), z.maxLength(MAX_OPS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Read first, so that a broken op still gets a result carrying its own opId. */
export const opEnvelopeSchema = z.looseObject({ opId: uuid, type: z.string() });

export const createOpSchema = z.strictObject({
  opId: uuid,
  type: z.literal('registration.create'),
  // The registration's own rules run after the envelope parses; see registrationSchema.
  registration: z.record(z.string(), z.unknown()),
});

export const updateOpSchema = z.strictObject({
  opId: uuid,
  type: z.literal('registration.update'),
  id: uuid,
  baseVersion: z.number().check(z.int(), z.gte(1)),
  changes: z.record(z.string(), z.unknown()),
});

export const voidOpSchema = z.strictObject({
  opId: uuid,
  type: z.literal('registration.void'),
  id: uuid,
  reason: text(),
});

export const receiverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('representative'), name: fullName, relationship: text() }),
]);
export type Receiver = z.infer<typeof receiverSchema>;

export const handoverOpSchema = z.strictObject({
  opId: uuid,
  type: z.literal('card.handover'),
  registrationId: uuid,
  handedAt: isoTime,
  receiver: receiverSchema,
  eventId: optional(text()),
});

export const OP_TYPES = [
  'registration.create', 'registration.update', 'registration.void', 'card.handover',
] as const;
export type OpType = (typeof OP_TYPES)[number];

export const opSchemas = {
  'registration.create': createOpSchema,
  'registration.update': updateOpSchema,
  'registration.void': voidOpSchema,
  'card.handover': handoverOpSchema,
} as const;

export type CreateOp = { opId: string; type: 'registration.create'; registration: Registration };
export type UpdateOp = {
  opId: string; type: 'registration.update'; id: string; baseVersion: number;
  changes: z.input<typeof registrationChangesSchema>;
};
export type VoidOp = z.infer<typeof voidOpSchema>;
export type HandoverOp = z.infer<typeof handoverOpSchema>;
export type Op = CreateOp | UpdateOp | VoidOp | HandoverOp;

export const cardSchema = z.object({
  handedAt: z.string(),
  receiver: receiverSchema,
  eventId: z.nullable(z.string()),
  operator: z.string(),
  deviceId: z.nullable(z.string()),
});
export type Card = z.infer<typeof cardSchema>;

export const REGISTRATION_STATUSES = ['accepted', 'waitlisted', 'voided'] as const;
export type ServerStatus = (typeof REGISTRATION_STATUSES)[number];

export const serverRegistrationSchema = z.extend(registrationObject, {
  status: z.enum(REGISTRATION_STATUSES),
  version: z.number().check(z.int()),
  receivedAt: z.string(),
  updatedAt: z.string(),
  kpjNumber: z.nullable(z.string()),
  card: z.nullable(cardSchema),
  seq: z.number().check(z.int()),
  voidReason: z.nullish(z.string()),
});
export type ServerRegistration = Registration & {
  status: ServerStatus;
  version: number;
  receivedAt: string;
  updatedAt: string;
  kpjNumber: string | null;
  card: Card | null;
  seq: number;
  voidReason?: string | null;
};

export type OpResult =
  | { opId: string; status: 'applied'; registration: ServerRegistration }
  | { opId: string; status: 'rejected'; code: RejectionCode; message: string; details?: unknown };

export interface PushResponse {
  /** Revision 2, R5: the database's generation (see PullResponse); this server always sends it. */
  generation?: string;
  results: OpResult[];
  serverTime: string;
}

/**
 * Contract addition: a push with `"results": "compact"` gets applied results whose
 * `registration` holds only the server's own fields; the device rebuilds the rest from the op it
 * sent (normalised with the shared schema). Rejected results are unchanged.
 */
export const COMPACT_FIELDS = ['id', 'status', 'version', 'seq', 'receivedAt', 'updatedAt', 'kpjNumber', 'card'] as const;
export type CompactRegistration = Pick<ServerRegistration, (typeof COMPACT_FIELDS)[number]>;
export type CompactOpResult =
  | { opId: string; status: 'applied'; registration: CompactRegistration }
  | Extract<OpResult, { status: 'rejected' }>;
export interface CompactPushResponse {
  /** Revision 2, R5: the database's generation (see PullResponse); this server always sends it. */
  generation?: string;
  results: CompactOpResult[];
  serverTime: string;
}

/**
 * Contract addition: `"results": "positional"` is `compact` without the two UUIDs of an applied
 * result (its `opId` and `registration.id`): the i-th result answers the i-th op, as the contract
 * already guarantees, and random UUIDs are most of what a compact answer weighs once compressed.
 * Rejected results are unchanged (they keep their opId).
 */
export type PositionalRegistration = Omit<CompactRegistration, 'id'>;
export type PositionalOpResult =
  | { status: 'applied'; registration: PositionalRegistration }
  | Extract<OpResult, { status: 'rejected' }>;
export interface PositionalPushResponse {
  /** Revision 2, R5: the database's generation (see PullResponse); this server always sends it. */
  generation?: string;
  results: PositionalOpResult[];
  serverTime: string;
}
/** The answer modes a push may ask for (`results` in its body); anything else: full results. */
export const RESULT_MODES = ['compact', 'positional'] as const;
export type ResultMode = (typeof RESULT_MODES)[number];

export const quotaSchema = z.object({
  villageCode: z.string(),
  quota: z.number().check(z.int()),
  accepted: z.number().check(z.int()),
  waitlisted: z.number().check(z.int()),
});
export type Quota = z.infer<typeof quotaSchema>;

export interface PullResponse {
  /**
   * Revision 2, R5: made when the database is created and anew when it is restored from a
   * backup. A device seeing another one than it stored resets its cursor and pushes again what
   * it holds. Optional here only because servers before Revision 2 leave it out.
   */
  generation?: string;
  changes: ServerRegistration[];
  cursor: number;
  hasMore: boolean;
  quotas: Quota[];
  /** Contract addition: the programme's protection period for the pull's scope, when one is set. */
  period?: CoveragePeriod;
}

/**
 * Contract addition: the protection period a coordinator or admin set for a scope (`YYYY-MM`,
 * both months included). A phone takes the most specific one covering its scope.
 */
export interface CoveragePeriod {
  scope: string;
  start: string;
  end: string;
}

export const coveragePeriodPutSchema = z.strictObject({ start: yearMonth, end: yearMonth }).check(
  z.refine((p) => p.start <= p.end, { message: 'period-order', path: ['end'] }),
);

export const quotaPutSchema = z.strictObject({ quota: z.number().check(z.int(), z.gte(0), z.lte(MAX_QUOTA)) });

export const roleSchema = z.enum(ROLES);
export const scopeSchema = z.string().check(z.refine(isScope, 'scope'));
export const villageCodeSchema = z.string().check(z.regex(VILLAGE_CODE_RE, 'village-code'));

export const deviceEnrolSchema = z.strictObject({
  code: plainText().check(z.trim(), z.minLength(1), z.maxLength(64)),
  deviceName: text(),
});
/** Contract addition: `PATCH /api/v1/devices/:id`, the name a coordinator gives a phone. */
export const deviceRenameSchema = z.strictObject({ name: text() });

export interface DeviceEnrolResponse {
  deviceId: string;
  token: string;
  role: z.infer<typeof roleSchema>;
  scope: string;
}

export const enrolmentCodeRequestSchema = z.strictObject({ role: roleSchema, scope: scopeSchema });
export interface EnrolmentCodeResponse {
  code: string;
  url: string;
  expiresAt: string;
}

export interface CoordinatorVillage {
  villageCode: string;
  name: string;
  district: string;
  quota: number;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
}
/** Levels a board can be summed at (`GET /quotas?level=`), each one step of a place code. */
export const BOARD_LEVELS = ['province', 'regency', 'district'] as const;
export type BoardLevel = (typeof BOARD_LEVELS)[number];

/** Characters of a place code that name a region of each level: `32`, `32.14`, `32.14.16`. */
export const LEVEL_CODE_LENGTH: Record<BoardLevel, number> = { province: 2, regency: 5, district: 8 };

/** A level whose regions lie strictly under `scope` (`*`: any level). */
export function levelBelow(level: BoardLevel, scope: string): boolean {
  return scope === '*' || LEVEL_CODE_LENGTH[level] > scope.length;
}

/** The first level under `scope`, or undefined under a district (its villages are the list). */
export function nextLevel(scope: string): BoardLevel | undefined {
  return BOARD_LEVELS.find((level) => levelBelow(level, scope));
}

/** One region of a summed board: the counters of every village under it. */
export interface QuotaRegion {
  code: string;
  name: string;
  villages: number;
  quota: number;
  accepted: number;
  waitlisted: number;
  cardsHandedOver: number;
}
/**
 * Contract addition: `GET /quotas?scope=PREFIX&level=province|regency|district` answers the
 * regions of that level under PREFIX, summed, instead of every village: a country's board
 * (83,762 villages) drills down one level per request.
 */
export interface RegionBoard {
  level: BoardLevel;
  regions: QuotaRegion[];
  totals: QuotaBoard['totals'];
}

export interface QuotaBoard {
  villages: CoordinatorVillage[];
  totals: { villages: number; quota: number; accepted: number; waitlisted: number; cardsHandedOver: number };
}

/** GET /devices: the coordinator's list of enrolled phones. */
export interface DeviceInfo {
  deviceId: string;
  name: string;
  role: z.infer<typeof roleSchema>;
  scope: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** POST /kpj/import: a BPJS list of KPJ numbers by NIK, answered row by row. */
export interface KpjImportRow {
  nik: string;
  kpjNumber: string;
}
export type KpjUnmatchedReason = 'not-found' | 'not-accepted' | 'kpj-taken';
export interface KpjImportResult {
  matched: Array<{ nik: string; registrationId: string; villageCode: string }>;
  /**
   * Revision 2, R4: a NIK with no live registration inside the caller's scope is `not-found`
   * (whether or not it exists elsewhere); `kpj-taken` names the holder's village only when it
   * lies inside the caller's scope.
   */
  unmatched: Array<{ nik: string; reason: KpjUnmatchedReason; villageCode?: string }>;
  invalid: Array<{ line?: number; nik: string; reason: string }>;
}
