import { getMeta, getMetas, setMeta } from './meta';
import { db as sharedDb } from './index';
import { readAnswers } from './answers';
import type { Desa100Db } from './schema';
import type { Locale } from '../i18n/types';
import type { Role } from '../../shared/codes';
import { isVillageCode, regencyOf } from '../../shared/places/codes';
import {
  findCachedVillage, findVillage, getPlaceIndex, getRegencyPlaces, type VillagePlace,
} from './places';

// What the shell (home badge, settings, update prompt) needs to know about the phone's data.
// Kept here because only src/client/db touches IndexedDB.

/** The app's one Dexie instance (db/index.ts); a function so tests can open their own. */
export function appDb(): Desa100Db {
  return sharedDb;
}

export interface UnsyncedSummary {
  /** Outbox ops waiting to be pushed. */
  queued: number;
  /** Outbox ops the server refused: they wait for the operator to correct or discard them. */
  rejected: number;
  /** Capture time of the oldest queued op (ISO), or null when nothing is queued. */
  oldestQueuedAt: string | null;
}

export async function readUnsyncedSummary(db: Desa100Db): Promise<UnsyncedSummary> {
  return db.transaction('r', db.outbox, async () => {
    // One Collection per query: Dexie's first() narrows the collection it is called on.
    const queued = () => db.outbox.where('state').equals('queued');
    const [count, rejected, oldest] = await Promise.all([
      queued().count(),
      db.outbox.where('state').equals('rejected').count(),
      // The state index is ordered by primary key within a value: first() is the lowest seq.
      queued().first(),
    ]);
    return { queued: count, rejected, oldestQueuedAt: oldest?.createdAt ?? null };
  });
}

/** Anything that exists only on this phone: losing the database would lose it for good. */
export async function countUnsynced(db: Desa100Db): Promise<number> {
  return db.transaction('r', [db.outbox, db.registrations, db.answers], async () => {
    const [ops, local, answers] = await Promise.all([
      db.outbox.count(),
      db.registrations.where('status').anyOf('pending', 'sent', 'rejected').count(),
      readAnswers(db),
    ]);
    // A stored answer: the server holds that record, even if its row still reads `pending`.
    return Math.max(ops, local - answers.size);
  });
}

export interface StartupState {
  locale: Locale | null;
  storagePersisted: boolean | null;
}

export async function readStartupState(db: Desa100Db): Promise<StartupState> {
  const [locale, storagePersisted] = await getMetas(db, ['locale', 'storagePersisted']);
  return { locale: locale ?? null, storagePersisted: storagePersisted ?? null };
}

/**
 * A synchronous copy of the saved language in localStorage, so that the first render needs no
 * IndexedDB round trip (it can take hundreds of ms on a cheap phone, and blocks first paint).
 * IndexedDB stays the record; the copy only decides the first frame.
 */
const LOCALE_MIRROR_KEY = 'desa100.locale';

export function readLocaleMirror(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_MIRROR_KEY);
    return value === 'id' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function writeLocaleMirror(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_MIRROR_KEY, locale);
  } catch {
    // Storage refused (private mode, full): the next start simply renders Indonesian first.
  }
}

export async function saveLocale(db: Desa100Db, locale: Locale): Promise<void> {
  writeLocaleMirror(locale);
  await setMeta(db, 'locale', locale);
}

export async function saveStoragePersisted(db: Desa100Db, granted: boolean): Promise<void> {
  await setMeta(db, 'storagePersisted', granted);
}

export async function readStoragePersisted(db: Desa100Db): Promise<boolean | null> {
  return (await getMeta(db, 'storagePersisted')) ?? null;
}

export interface VillageSetting {
  villageCode: string | null;
  /** Set when enrolment fixed the village (operator scope): the picker is then read-only. */
  lockedByScope: boolean;
}

export async function readVillageSetting(db: Desa100Db): Promise<VillageSetting> {
  const [villageCode, role, scope] = await getMetas(db, ['villageCode', 'role', 'scope']);
  const lockedByScope = role === 'operator' && typeof scope === 'string' && isVillageCode(scope);
  return { villageCode: villageCode ?? (lockedByScope ? scope : null), lockedByScope };
}

export async function saveVillageCode(db: Desa100Db, villageCode: string): Promise<void> {
  await setMeta(db, 'villageCode', villageCode);
}

export type ClearResult = { ok: true } | { ok: false; reason: 'unsynced'; unsynced: number };

/**
 * Deletes the whole local database. Refuses while anything exists only here (queued, sent but
 * unanswered, or rejected records): those would be lost for good. The caller reloads the page.
 */
export async function clearAllLocalData(db: Desa100Db): Promise<ClearResult> {
  const unsynced = await countUnsynced(db);
  if (unsynced > 0) return { ok: false, reason: 'unsynced', unsynced };
  await db.delete();
  return { ok: true };
}

export async function readRole(db: Desa100Db): Promise<Role | null> {
  return (await getMeta(db, 'role')) ?? null;
}

export interface NavState {
  role: Role | null;
  /** Whether the card-handover desk belongs in the bottom menu. */
  eventDesk: boolean;
}

/**
 * What the bottom menu offers. Coordinators run handover events anywhere in their scope. An
 * operator's phone gets the desk once its village has an accepted registration: that is exactly
 * when the server takes a handover (`not-accepted` before), and KPJ numbers are not a better
 * signal since coordinators may record them late or never. A phone that already prepared an
 * event keeps the desk whatever happens to the records.
 */
export async function readNavState(db: Desa100Db): Promise<NavState> {
  // One round of reads, not role first: a live query tracks what it read, and every read here
  // must be tracked for the menu to follow a sync or an event being prepared.
  const [role, accepted, events] = await Promise.all([
    readRole(db),
    db.registrations.where('status').equals('accepted').first(),
    db.distributionEvents.count(),
  ]);
  if (role === 'coordinator' || role === 'admin') return { role, eventDesk: true };
  if (role !== 'operator') return { role, eventDesk: false };
  return { role, eventDesk: accepted !== undefined || events > 0 };
}

export type VillageLookup =
  | { status: 'found'; place: VillagePlace }
  | { status: 'unknown' }
  /** The regency's list is neither on the phone nor reachable: the code cannot be checked. */
  | { status: 'unavailable' };

/** Checks a well-formed code against the Kemendagri list (fetching its regency file if needed). */
export async function lookupVillage(db: Desa100Db, villageCode: string): Promise<VillageLookup> {
  const regency = regencyOf(villageCode);
  try {
    const place = findVillage(await getRegencyPlaces(db, regency), villageCode);
    return place ? { status: 'found', place } : { status: 'unknown' };
  } catch {
    // No regency file: either no signal, or a regency that does not exist (the index knows).
    try {
      const index = await getPlaceIndex();
      if (!index.regencies.some((r) => r.code === regency)) return { status: 'unknown' };
    } catch {
      // offline as well: cannot tell
    }
    return { status: 'unavailable' };
  }
}

/** The saved village's names, from the regency file if it is on this phone. */
export async function readVillagePlace(db: Desa100Db, villageCode: string): Promise<VillagePlace | null> {
  return findCachedVillage(db, villageCode);
}
