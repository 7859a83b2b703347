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

/** Ids matching a roster search, ordered by name (NIK searches: prefix matches, then suffix). */
export async function searchRegistrationIds(
  db: Desa100Db,
  text: string,
  status?: LocalStatus,
): Promise<string[]> {
  const query = parseRosterQuery(text);
  return withStorageErrors(async () => {
    let ids: string[];
    if (query.kind === 'all') {
      ids = await db.registrations.orderBy('nameKey').primaryKeys();
    } else if (query.kind === 'name') {
      ids = await db.registrations.where('nameKey').startsWith(query.prefix).primaryKeys();
    } else {
      const [prefix, suffix] = await Promise.all([
        db.registrations.where('nik').startsWith(query.digits).primaryKeys(),
        db.registrations.where('nikRev').startsWith(reverse(query.digits)).primaryKeys(),
      ]);
      const seen = new Set(prefix);
      ids = prefix.concat(suffix.filter((id) => !seen.has(id)));
    }
    if (!status) return ids;
    const withStatus = new Set(await db.registrations.where('status').equals(status).primaryKeys());
    return ids.filter((id) => withStatus.has(id));
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
 * the "pending here" of the quota meter. Two key-only index reads intersected, so that even
 * 10,000 queued records are counted without reading one.
 */
export async function countPendingInVillage(db: Desa100Db, villageCode: string): Promise<number> {
  return withStorageErrors(async () => {
    const [waiting, inVillage] = await Promise.all([
      db.registrations.where('status').anyOf('pending', 'sent').primaryKeys(),
      db.registrations.where('villageCode').equals(villageCode).primaryKeys(),
    ]);
    if (waiting.length === 0) return 0;
    const village = new Set(inVillage);
    return waiting.reduce((n, id) => (village.has(id) ? n + 1 : n), 0);
  });
}

/** The ops still on this phone for one record, oldest first (queued or rejected). */
export async function getOutboxFor(db: Desa100Db, registrationId: string): Promise<OutboxRow[]> {
  return withStorageErrors(() => db.outbox.where('registrationId').equals(registrationId).sortBy('seq'));
}
