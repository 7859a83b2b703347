import { normaliseNik } from '../../shared/nik';
import { withStorageErrors } from './errors';
import { getMeta } from './meta';
import { reverse } from './registration-keys';
import type { Desa100Db, LocalRegistration, LocalStatus, OutboxRow } from './schema';

// Reads of registrations. Every roster query is an index range that returns primary keys only
// (IDBIndex.getAllKeys): no record is read until a row is on screen (performance P4, P9).

/** Records of a push on its way (no row is rewritten when a push leaves: see InFlightBatch). */
async function inFlightIds(db: Desa100Db): Promise<Set<string>> {
  const batches = (await getMeta(db, 'inFlight')) ?? [];
  return new Set(batches.flatMap((b) => b.registrationIds));
}

/** A `pending` record whose op is on its way right now is `sent`, as the operator should see it. */
function asSeen(row: LocalRegistration, sending: Set<string>): LocalRegistration {
  return row.status === 'pending' && sending.has(row.id) ? { ...row, status: 'sent' } : row;
}

export async function getRegistration(db: Desa100Db, id: string): Promise<LocalRegistration | undefined> {
  return withStorageErrors(async () => {
    const [row, sending] = await Promise.all([db.registrations.get(id), inFlightIds(db)]);
    return row && asSeen(row, sending);
  });
}

/** The rows for a window of ids, in the same order; ids deleted meanwhile are left out. */
export async function getRegistrations(db: Desa100Db, ids: readonly string[]): Promise<LocalRegistration[]> {
  const [rows, sending] = await withStorageErrors(() => Promise.all([db.registrations.bulkGet([...ids]), inFlightIds(db)]));
  return rows.filter((r): r is LocalRegistration => r !== undefined).map((r) => asSeen(r, sending));
}

/**
 * The live (not voided) registration of a NIK on this phone, captured here or pulled from
 * another phone of the village; `exceptId` leaves out the record being edited.
 */
export async function findLiveByNik(
  db: Desa100Db,
  nik: string,
  exceptId?: string,
): Promise<LocalRegistration | undefined> {
  return withStorageErrors(() =>
    db.registrations
      .where('nik')
      .equals(normaliseNik(nik))
      .filter((r) => r.status !== 'voided' && r.id !== exceptId)
      .first(),
  );
}

export type RosterQuery =
  | { kind: 'all' }
  | { kind: 'nik'; digits: string }
  | { kind: 'name'; prefix: string };

/** Digits (spaces and dots allowed, as on paper) search NIKs; anything else searches names. */
export function parseRosterQuery(text: string): RosterQuery {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'all' };
  const digits = normaliseNik(trimmed);
  if (/^\d+$/.test(digits)) return { kind: 'nik', digits };
  return { kind: 'name', prefix: trimmed.replace(/\s+/g, ' ').toLowerCase() };
}

/** A search returns at most this many ids: enough to scan, few enough to stay fast (P4). */
export const SEARCH_LIMIT = 500;

export interface RosterSearch {
  /** Matching ids, by name (NIK searches: prefix matches, then suffix matches). */
  ids: string[];
  /** More records matched than `ids` holds: the operator should type more. */
  truncated: boolean;
  /** How many matched in all, when known without reading them (an index count). */
  total: number | null;
}

/**
 * The ids a roster search shows. No query lists every record (the roster scrolls through all
 * of them); a name or NIK search is capped at `limit`, so that a one-letter search over 10,000
 * records still answers at once.
 */
export async function searchRegistrationIds(
  db: Desa100Db,
  text: string,
  status?: LocalStatus,
  limit: number = SEARCH_LIMIT,
): Promise<RosterSearch> {
  const query = parseRosterQuery(text);
  return withStorageErrors(async () => {
    let ids: string[];
    let truncated = false;
    if (query.kind === 'all') {
      ids = await db.registrations.orderBy('nameKey').primaryKeys();
    } else if (query.kind === 'name') {
      ids = await db.registrations.where('nameKey').startsWith(query.prefix).limit(limit + 1).primaryKeys();
    } else {
      const [prefix, suffix] = await Promise.all([
        db.registrations.where('nik').startsWith(query.digits).limit(limit + 1).primaryKeys(),
        db.registrations.where('nikRev').startsWith(reverse(query.digits)).limit(limit + 1).primaryKeys(),
      ]);
      const seen = new Set(prefix);
      ids = prefix.concat(suffix.filter((id) => !seen.has(id)));
    }
    let total: number | null = null;
    if (query.kind !== 'all' && ids.length > limit) {
      ids = ids.slice(0, limit);
      truncated = true;
      // A name range counts without reading keys; a NIK search's two ranges may overlap.
      if (query.kind === 'name' && !status) total = await db.registrations.where('nameKey').startsWith(query.prefix).count();
    }
    if (status) {
      const withStatus = new Set(await idsWithStatus(db, status));
      ids = ids.filter((id) => withStatus.has(id));
    }
    return { ids, truncated, total: truncated ? total : ids.length };
  });
}

/** Ids of the records in a state as the operator sees it (`sent` includes a push on its way). */
async function idsWithStatus(db: Desa100Db, status: LocalStatus): Promise<string[]> {
  if (status !== 'pending' && status !== 'sent') return db.registrations.where('status').equals(status).primaryKeys();
  const [pending, sending] = await Promise.all([db.registrations.where('status').equals('pending').primaryKeys(), inFlightIds(db)]);
  const onItsWay = pending.filter((id) => sending.has(id));
  if (status === 'pending') return pending.filter((id) => !sending.has(id));
  return [...(await db.registrations.where('status').equals('sent').primaryKeys()), ...onItsWay];
}

/** How many records of each state this phone holds (index counts, no records read). */
export async function countByStatus(db: Desa100Db): Promise<Record<LocalStatus, number>> {
  const statuses: LocalStatus[] = ['pending', 'sent', 'accepted', 'waitlisted', 'rejected', 'voided'];
  return withStorageErrors(async () => {
    const counts = await Promise.all(statuses.map((s) => db.registrations.where('status').equals(s).count()));
    const byStatus = Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as Record<LocalStatus, number>;
    const sending = await inFlightIds(db);
    if (sending.size > 0) {
      // Only a push on its way reads keys: the pending ones of its (at most 1,000) records.
      const rows = await db.registrations.bulkGet([...sending]);
      const onItsWay = rows.filter((r) => r?.status === 'pending').length;
      byStatus.pending -= onItsWay;
      byStatus.sent += onItsWay;
    }
    return byStatus;
  });
}

/**
 * Records of a village this phone holds that the server has not answered yet (pending/sent):
 * the "pending here" of the quota meter. Two counts on the [villageCode+status] index: no
 * record or key is read, however many are queued.
 */
export async function countPendingInVillage(db: Desa100Db, villageCode: string): Promise<number> {
  return withStorageErrors(async () => {
    const [pending, sent] = await Promise.all([
      db.registrations.where('[villageCode+status]').equals([villageCode, 'pending']).count(),
      db.registrations.where('[villageCode+status]').equals([villageCode, 'sent']).count(),
    ]);
    return pending + sent;
  });
}

/** The ops still on this phone for one record, oldest first (queued or rejected). */
export async function getOutboxFor(db: Desa100Db, registrationId: string): Promise<OutboxRow[]> {
  return withStorageErrors(() => db.outbox.where('registrationId').equals(registrationId).sortBy('seq'));
}
