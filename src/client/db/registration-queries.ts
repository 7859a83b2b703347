import { normaliseNik } from '../../shared/nik';
import { readAnswers, statusShift, withAnswer } from './answers';
import { withStorageErrors } from './errors';
import { getMeta } from './meta';
import { NIK_RUN_MIN, nameKeyOf } from '../../shared/registration-keys';
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

/** Rows, stored answers and pushes on their way, read in one snapshot (a fold may run between reads). */
function reading<T>(db: Desa100Db, read: () => Promise<T>): Promise<T> {
  return withStorageErrors(() => db.transaction('r', [db.registrations, db.answers, db.meta], read));
}

export async function getRegistration(db: Desa100Db, id: string): Promise<LocalRegistration | undefined> {
  return reading(db, async () => {
    const [row, sending, answers] = await Promise.all([db.registrations.get(id), inFlightIds(db), readAnswers(db)]);
    return row && asSeen(withAnswer(row, answers), sending);
  });
}

/** The rows for a window of ids, in the same order; ids deleted meanwhile are left out. */
export async function getRegistrations(db: Desa100Db, ids: readonly string[]): Promise<LocalRegistration[]> {
  return reading(db, async () => {
    const [rows, sending, answers] = await Promise.all([db.registrations.bulkGet([...ids]), inFlightIds(db), readAnswers(db)]);
    return rows.filter((r): r is LocalRegistration => r !== undefined).map((r) => asSeen(withAnswer(r, answers), sending));
  });
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
  // A stored answer never makes a record voided (answers.ts): the row's own status decides.
  return reading(db, async () => {
    const row = await db.registrations
      .where('nik')
      .equals(normaliseNik(nik))
      .filter((r) => r.status !== 'voided' && r.id !== exceptId)
      .first();
    return row && withAnswer(row, await readAnswers(db));
  });
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
  return { kind: 'name', prefix: nameKeyOf(trimmed) };
}

/** A search returns at most this many ids: enough to scan, few enough to stay fast (P4). */
export const SEARCH_LIMIT = 500;

export interface RosterSearch {
  /**
   * Matching ids: names starting with the text (by name), then names with a later word
   * starting with it; NIKs starting with the digits (in NIK order), then NIKs holding them further on.
   */
  ids: string[];
  /** More records matched than `ids` holds: the operator should type more. */
  truncated: boolean;
  /** How many matched in all: `ids.length`, or null when truncated (see countNameMatches). */
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
  return reading(db, async () => {
    let ids: string[];
    let truncated = false;
    if (query.kind === 'all') {
      ids = await db.registrations.orderBy('nameKey').primaryKeys();
    } else if (query.kind === 'name') {
      ids = await startsThenWithin(db, 'nameKey', 'nameParts', query.prefix, limit);
    } else if (query.digits.length < NIK_RUN_MIN) {
      ids = await db.registrations.where('nik').startsWith(query.digits).limit(limit + 1).primaryKeys();
    } else {
      ids = await startsThenWithin(db, 'nik', 'nikRuns', query.digits, limit);
    }
    if (query.kind !== 'all' && ids.length > limit) {
      ids = ids.slice(0, limit);
      truncated = true;
    }
    if (status) {
      const withStatus = new Set(await idsWithStatus(db, status));
      ids = ids.filter((id) => withStatus.has(id));
    }
    return { ids, truncated, total: truncated ? null : ids.length };
  });
}

/** Ids whose key starts with `text`, then those with a later part starting with it (no repeats). */
async function startsThenWithin(
  db: Desa100Db,
  key: 'nameKey' | 'nik',
  parts: 'nameParts' | 'nikRuns',
  text: string,
  limit: number,
): Promise<string[]> {
  const [start, within] = await Promise.all([
    db.registrations.where(key).startsWith(text).limit(limit + 1).primaryKeys(),
    db.registrations.where(parts).startsWith(text).limit(limit + 1).primaryKeys(),
  ]);
  const seen = new Set(start);
  const out = [...start];
  for (const id of within) {
    if (!seen.has(id)) out.push(id);
    seen.add(id);
  }
  return out;
}

/**
 * How many records a name search matches in all (index keys only, no record read), for a
 * search that was truncated. Apart from the search, so that the list shows before the count: counting
 * the thousands of names under one letter took longer than finding the first 500 (P4). Null
 * for a NIK search (its two ranges may overlap, so a count would need the keys).
 */
export async function countNameMatches(db: Desa100Db, text: string): Promise<number | null> {
  const query = parseRosterQuery(text);
  if (query.kind !== 'name') return null;
  // The keys of both ranges, not two counts: a name matching at its start and again at a later
  // word ("s": SRI SUPRIATNA) is one worker. Not timed in P4 (it shows a moment after the list).
  return withStorageErrors(async () => {
    const [start, within] = await Promise.all([
      db.registrations.where('nameKey').startsWith(query.prefix).primaryKeys(),
      db.registrations.where('nameParts').startsWith(query.prefix).primaryKeys(),
    ]);
    return new Set([...start, ...within]).size;
  });
}

/**
 * Ids of the records in a state as the operator sees it (`sent` includes a push on its way; a
 * stored answer moves its `pending` row to the server's status).
 */
async function idsWithStatus(db: Desa100Db, status: LocalStatus): Promise<string[]> {
  const answers = await readAnswers(db);
  const answeredAs = [...answers.values()].filter((e) => e.status === status).map((e) => e.id);
  if (status !== 'pending' && status !== 'sent') {
    return [...(await db.registrations.where('status').equals(status).primaryKeys()), ...answeredAs];
  }
  const [stored, sending] = await Promise.all([db.registrations.where('status').equals('pending').primaryKeys(), inFlightIds(db)]);
  const pending = stored.filter((id) => !answers.has(id));
  const onItsWay = pending.filter((id) => sending.has(id));
  if (status === 'pending') return pending.filter((id) => !sending.has(id));
  return [...(await db.registrations.where('status').equals('sent').primaryKeys()), ...onItsWay];
}

const STATUSES: LocalStatus[] = ['pending', 'sent', 'accepted', 'waitlisted', 'rejected', 'voided'];

/** How many records of each state this phone holds (index counts, no records read). */
export async function countByStatus(db: Desa100Db): Promise<Record<LocalStatus, number>> {
  return reading(db, async () => {
    const [counts, answers] = await Promise.all([
      Promise.all(STATUSES.map((s) => db.registrations.where('status').equals(s).count())),
      readAnswers(db),
    ]);
    const shift = statusShift(answers);
    const byStatus = Object.fromEntries(STATUSES.map((s, i) => [s, (counts[i] ?? 0) + (shift[s] ?? 0)])) as Record<LocalStatus, number>;
    const sending = await inFlightIds(db);
    if (sending.size > 0) {
      // Only a push on its way reads keys: the pending ones of its (at most 1,000) records.
      const rows = await db.registrations.bulkGet([...sending]);
      const onItsWay = rows.filter((r) => r?.status === 'pending' && !answers.has(r.id)).length;
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
  return reading(db, async () => {
    const [pending, sent, answers] = await Promise.all([
      db.registrations.where('[villageCode+status]').equals([villageCode, 'pending']).count(),
      db.registrations.where('[villageCode+status]').equals([villageCode, 'sent']).count(),
      readAnswers(db),
    ]);
    return pending + sent + (statusShift(answers, villageCode).pending ?? 0);
  });
}

/** The ops still on this phone for one record, oldest first (queued or rejected). */
export async function getOutboxFor(db: Desa100Db, registrationId: string): Promise<OutboxRow[]> {
  return withStorageErrors(() => db.outbox.where('registrationId').equals(registrationId).sortBy('seq'));
}
