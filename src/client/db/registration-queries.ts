import { normaliseNik } from '../../shared/nik';
import { withStorageErrors } from './errors';
import { reverse } from './registration-keys';
import type { Desa100Db, LocalRegistration, LocalStatus, OutboxRow } from './schema';

// Reads of registrations. Every roster query is an index range that returns primary keys only
// (IDBIndex.getAllKeys): no record is read until a row is on screen (performance P4, P9).

export async function getRegistration(db: Desa100Db, id: string): Promise<LocalRegistration | undefined> {
  return withStorageErrors(() => db.registrations.get(id));
}

/** The rows for a window of ids, in the same order; ids deleted meanwhile are left out. */
export async function getRegistrations(db: Desa100Db, ids: readonly string[]): Promise<LocalRegistration[]> {
  const rows = await withStorageErrors(() => db.registrations.bulkGet([...ids]));
  return rows.filter((r): r is LocalRegistration => r !== undefined);
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
      const withStatus = new Set(await db.registrations.where('status').equals(status).primaryKeys());
      ids = ids.filter((id) => withStatus.has(id));
    }
    return { ids, truncated, total: truncated ? total : ids.length };
  });
}

/** How many records of each state this phone holds (index counts, no records read). */
export async function countByStatus(db: Desa100Db): Promise<Record<LocalStatus, number>> {
  const statuses: LocalStatus[] = ['pending', 'sent', 'accepted', 'waitlisted', 'rejected', 'voided'];
  return withStorageErrors(async () => {
    const counts = await Promise.all(statuses.map((s) => db.registrations.where('status').equals(s).count()));
    return Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as Record<LocalStatus, number>;
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
