// Registration rows <-> the wire's ServerRegistration, and the scope filter every query uses.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isVillageCode, type Card, type Registration, type ServerRegistration, type ServerStatus } from '../../shared';
import type { RegistrationsTable } from './schema';

/** A registration as the server holds it while deciding: the wire record plus server state. */
export interface Entry {
  record: Registration;
  status: ServerStatus;
  version: number;
  seq: number;
  createdSeq: number;
  receivedAt: string;
  updatedAt: string;
  kpjNumber: string | null;
  card: Card | null;
  voidReason: string | null;
  deviceId: string | null;
  operator: string | null;
  /**
   * The token whose push made the latest change (null: a promotion, a KPJ number, …): a pull's
   * `device=` leaves out only the caller's own token's changes (Revision 2, R1).
   */
  pushedBy?: string | null;
}

export function rowToEntry(row: RegistrationsTable): Entry {
  return {
    record: JSON.parse(row.data) as Registration,
    status: row.status,
    version: Number(row.version),
    seq: Number(row.seq),
    createdSeq: Number(row.created_seq),
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    kpjNumber: row.kpj_number,
    card: row.card ? (JSON.parse(row.card) as Card) : null,
    voidReason: row.void_reason,
    deviceId: row.device_id,
    operator: row.operator,
    // Only while it names the latest change: a writer that moved `seq` without it voids it.
    pushedBy: row.pushed_by != null && Number(row.pushed_seq) === Number(row.seq) ? row.pushed_by : null,
  };
}

export function entryToRow(e: Entry): RegistrationsTable {
  return {
    id: e.record.id,
    village_code: e.record.villageCode,
    nik: e.record.nik,
    status: e.status,
    version: e.version,
    seq: e.seq,
    created_seq: e.createdSeq,
    received_at: e.receivedAt,
    updated_at: e.updatedAt,
    kpj_number: e.kpjNumber,
    card: e.card ? JSON.stringify(e.card) : null,
    void_reason: e.voidReason,
    device_id: e.deviceId,
    operator: e.operator,
    data: JSON.stringify(e.record),
    pushed_by: e.pushedBy ?? null,
    pushed_seq: e.pushedBy ? e.seq : null,
  };
}

/** What the server adds to a registration on the wire. */
export type ServerFields = Pick<Entry, 'status' | 'version' | 'receivedAt' | 'updatedAt' | 'kpjNumber' | 'card' | 'seq' | 'voidReason'>;

export function entryToServer(e: Entry): ServerRegistration {
  return withServerFields(e.record, e);
}

/**
 * The one place that lays out a ServerRegistration: a replayed result is rebuilt with it too
 * (sync/stored-result.ts), and must come out as the very JSON the first answer was.
 */
export function withServerFields(record: Registration, s: ServerFields): ServerRegistration {
  // What `{...record, status, …}` gives (the record's own keys in their order, then these), but
  // copied key by key: zod's output objects are in V8's dictionary mode, and spreading those
  // took several times as long.
  const out: Record<string, unknown> = {};
  const source = record as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) out[key] = source[key];
  out.status = s.status;
  out.version = s.version;
  out.receivedAt = s.receivedAt;
  out.updatedAt = s.updatedAt;
  out.kpjNumber = s.kpjNumber;
  out.card = s.card;
  out.seq = s.seq;
  out.voidReason = s.voidReason;
  return out as unknown as ServerRegistration;
}

/** The server's fields of a ServerRegistration, in a fixed order. */
export function serverFieldsOf(reg: ServerRegistration): ServerFields {
  return {
    status: reg.status,
    version: reg.version,
    receivedAt: reg.receivedAt,
    updatedAt: reg.updatedAt,
    kpjNumber: reg.kpjNumber,
    card: reg.card,
    seq: reg.seq,
    voidReason: reg.voidReason ?? null,
  };
}

export function rowToServer(row: RegistrationsTable): ServerRegistration {
  return entryToServer(rowToEntry(row));
}

/**
 * `column` lies inside `scope` (`*`, a region prefix, or a village code). A range instead of
 * LIKE so that both databases use the index: every code under `32.14` sorts between `32.14.`
 * and `32.14/` ('/' follows '.' in ASCII).
 */
export function inScope(column: string, scope: string): RawBuilder<SqlBool> {
  if (scope === '*') return sql<SqlBool>`1 = 1`;
  const ref = sql.ref(column);
  // A village has nothing under it; a region is never itself a row's village: one plain
  // condition each, which the planners handle better than an OR of both.
  if (isVillageCode(scope)) return sql<SqlBool>`${ref} = ${scope}`;
  return sql<SqlBool>`(${ref} = ${scope} or (${ref} > ${`${scope}.`} and ${ref} < ${`${scope}/`}))`;
}
