import Dexie, { type EntityTable } from 'dexie';
import type { Card, Op, Quota, Receiver, ServerRegistration, ServerStatus } from '../../shared/protocol';
import type { Registration } from '../../shared/registration';
import type { RegencyPlaces } from '../../shared/places/codes';
import type { RejectionCode } from '../../shared/errors';
import { searchKeys } from './registration-keys';

/**
 * What a record on this phone is, as the operator sees it:
 * pending = saved here, queued; sent = pushed, no answer yet (or the answer was lost);
 * accepted / waitlisted / voided = the server's last word; rejected = refused, with a reason.
 */
export type LocalStatus =
  | 'pending' | 'sent' | 'accepted' | 'waitlisted' | 'rejected' | 'voided';

export interface Rejection {
  opId: string;
  /** The server's code, or `quarantined`: the server failed on the op (db/quarantine.ts). */
  code: RejectionCode | 'quarantined';
  message: string;
  details?: unknown;
  at: string;
}

export interface LocalRegistration {
  id: string;
  villageCode: string;
  nik: string;
  /** The NIK from each later digit on (multiEntry): a run of digits anywhere is a prefix of one. */
  nikRuns: string[];
  /** Lower-cased full name with single spaces: sort order and name-prefix search. */
  nameKey: string;
  /** The name from each later word on (multiEntry): "nurjanah" finds SITI NURJANAH. */
  nameParts: string[];
  status: LocalStatus;
  /** The record as last saved on this phone (what the next push carries). */
  data: Registration;
  /** The server's last word on it, or null before the first answer. */
  server: ServerRegistration | null;
  rejection: Rejection | null;
  /** `here`: captured on this phone; `pulled`: another phone's, learnt from a pull. */
  origin: 'here' | 'pulled';
  createdAt: string;
  updatedAt: string;
}

export type OutboxState = 'queued' | 'rejected';

export interface OutboxRow {
  seq?: number;
  opId: string;
  registrationId: string;
  op: Op;
  state: OutboxState;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  /**
   * Pushed again after the server was restored from a backup (restore.ts): a refusal of its
   * card or void only says the server holds that already, so it is dropped, not shown.
   */
  repush?: true;
  /**
   * An update queued when the server was found restored: its base version belongs to the old
   * timeline, so a version conflict on it is resent at once, rebased (restore.ts).
   */
  rebase?: true;
}

/** A half-filled form, saved as the operator types. */
export interface Draft {
  id: string;
  /** The registration being edited, when the draft edits a saved one. */
  registrationId: string | null;
  values: Record<string, unknown>;
  updatedAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface QuotaRow extends Quota {
  syncedAt: string;
}

export interface PlacesRow extends RegencyPlaces {
  cachedAt: string;
}

/**
 * A card handed over on this phone: written with its `card.handover` outbox row in one
 * transaction, so that a second handover of the same card here is refused at once, before
 * any sync. The sync outcome is read from the registration and the outbox, not kept here.
 */
export interface HandoverMark {
  registrationId: string;
  opId: string;
  eventId: string | null;
  villageCode: string;
  handedAt: string;
  receiver: Receiver;
  /** This phone's name, shown as "by whom" until the server's record arrives. */
  operator: string;
  deviceId: string | null;
}

/** A card-handover event as this phone knows it: which villages it downloaded, and when. */
export interface DistributionEvent {
  id: string;
  name: string;
  /** `YYYY-MM-DD` */
  date: string;
  villageCodes: string[];
  createdAt: string;
  downloadedAt: string | null;
}

/**
 * The server's word on one registration, from a push answer not yet written into its row (see
 * answers.ts): the server's own fields, which complete the record the phone sent.
 */
export interface AnswerEntry {
  id: string;
  villageCode: string;
  status: ServerStatus;
  version: number;
  seq: number;
  receivedAt: string;
  updatedAt: string;
  kpjNumber: string | null;
  card: Card | null;
}

/** One answered push's entries, kept until they are folded into their registration rows. */
export interface AnswerRow {
  key?: number;
  at: string;
  entries: AnswerEntry[];
}

export type Desa100Db = Dexie & {
  registrations: EntityTable<LocalRegistration, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  drafts: EntityTable<Draft, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  quotas: EntityTable<QuotaRow, 'villageCode'>;
  places: EntityTable<PlacesRow, 'code'>;
  handovers: EntityTable<HandoverMark, 'registrationId'>;
  distributionEvents: EntityTable<DistributionEvent, 'id'>;
  answers: EntityTable<AnswerRow, 'key'>;
};

export const DB_NAME = 'desa100';

/**
 * Versions only ever get added: a phone may skip several app updates and must migrate from
 * any of them without losing a record.
 */
export function openDb(name: string = DB_NAME): Desa100Db {
  const db = new Dexie(name) as Desa100Db;
  db.version(1).stores({
    registrations: 'id, nik, nikRev, nameKey, status, villageCode, updatedAt',
    outbox: '++seq, &opId, registrationId, state',
    drafts: 'id, updatedAt',
    meta: 'key',
    quotas: 'villageCode',
    places: 'code',
  });
  // Card-handover events: local handover marks and the events this phone downloaded.
  db.version(2).stores({
    handovers: 'registrationId, &opId, eventId, villageCode',
    distributionEvents: 'id',
  });
  // The quota meter counts a village's pending/sent records on every save and sync: a
  // compound index makes that two index counts instead of reading thousands of keys.
  // IndexedDB fills a new index from the existing rows itself: no data to rewrite, so no
  // upgrade function.
  db.version(3).stores({
    registrations: 'id, nik, nikRev, nameKey, status, villageCode, updatedAt, [villageCode+status]',
  });
  // Push answers stored as one row per batch (answers.ts): storing 500 answers is one write
  // instead of rewriting 500 registration rows and their eight index entries each.
  db.version(4).stores({
    answers: '++key',
  });
  // Search anywhere: any word of the name, any run of 4+ NIK digits (registration-keys.ts).
  // nikRuns replaces nikRev (its last entry is the NIK's last digits). A new index is filled
  // from existing rows only if they carry the field, so every row gets its keys once here.
  db.version(5).stores({
    registrations: 'id, nik, *nikRuns, nameKey, *nameParts, status, villageCode, updatedAt, [villageCode+status]',
  }).upgrade((tx) => tx.table<LocalRegistration & { nikRev?: string }>('registrations').toCollection().modify((row) => {
    Object.assign(row, searchKeys(row.data));
    delete row.nikRev;
  }));
  return db;
}
