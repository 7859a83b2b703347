// Table types for Kysely. Times are ISO 8601 UTC strings and JSON is text on both databases,
// so one set of queries serves SQLite and PostgreSQL alike.
import type { Role, ServerStatus } from '../../shared';

export interface RegistrationsTable {
  id: string;
  village_code: string;
  nik: string;
  status: ServerStatus;
  version: number;
  /** Sequence number of the latest change; unique, strictly increasing in commit order. */
  seq: number;
  /** Sequence number of the creation: the place in the waitlist (edits do not move it). */
  created_seq: number;
  received_at: string;
  updated_at: string;
  kpj_number: string | null;
  /** Card handover JSON (shared `Card`), null until handed over. */
  card: string | null;
  void_reason: string | null;
  /** Device and token that created the registration. */
  device_id: string | null;
  operator: string | null;
  /** The wire `Registration` as JSON, normalised by the shared schema. */
  data: string;
  /**
   * The token whose push made the latest change, and that change's seq (the pair only counts
   * while `pushed_seq` = `seq`): `GET /sync/pull?device=` skips such rows for that token only
   * (Revision 2, R1; rows written before migration 5 hold a device id, which no token matches).
   */
  pushed_by?: string | null;
  pushed_seq?: number | null;
}

export interface OpsTable {
  /** Unique per token (`actor`), not globally: Revision 2, R2. */
  op_id: string;
  /** SHA-256 of the op's canonical JSON without `opId`: the idempotency key's payload. */
  payload_hash: string;
  /**
   * The first result (rejections too): whole, or for an applied create only the server's fields,
   * `{"create": {...}}`, the rest rebuilt from the retried payload (sync/stored-result.ts).
   */
  result: string;
  type: string;
  registration_id: string | null;
  device_id: string | null;
  actor: string;
  received_at: string;
}

export interface VillageQuotasTable {
  village_code: string;
  /** null = the programme default. */
  quota: number | null;
  accepted: number;
  waitlisted: number;
  cards_handed_over: number;
}

export interface TokensTable {
  id: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  role: Role;
  scope: string;
  name: string;
  device_id: string | null;
  created_at: string;
  revoked_at: string | null;
  /** Null: never expires (migration 8). */
  expires_at?: string | null;
}

export interface DevicesTable {
  id: string;
  name: string;
  role: Role;
  scope: string;
  enrolment_code_id: string | null;
  created_at: string;
  /** Updated at most every few minutes per device (see auth/guard.ts). */
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface EnrolmentCodesTable {
  id: string;
  code_hash: string;
  role: Role;
  scope: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  /** Token id (or `cli`), never a person's data. */
  actor: string;
  action: string;
  /** JSON array of ids or codes the action touched. */
  targets: string | null;
  scope: string | null;
  /** JSON of counts and parameters; never names, NIKs or other personal data. */
  details: string | null;
}

/** Contract addition (migration 6): a scope's programme protection period, `YYYY-MM`. */
export interface CoveragePeriodsTable {
  scope: string;
  coverage_start: string;
  coverage_end: string;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: number;
}

/** Text settings of the database itself (migration 6): `generation` (Revision 2, R5). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface SchemaMigrationsTable {
  version: number;
  applied_at: string;
}

export interface Database {
  registrations: RegistrationsTable;
  ops: OpsTable;
  village_quotas: VillageQuotasTable;
  tokens: TokensTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  settings: SettingsTable;
  coverage_periods: CoveragePeriodsTable;
  schema_migrations: SchemaMigrationsTable;
}
