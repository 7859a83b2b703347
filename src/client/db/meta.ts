import type { Role } from '../../shared/codes';
import type { CoveragePeriod, QuotaBoard } from '../../shared/protocol';
import type { Desa100Db } from './schema';

/** The last coordinator board fetched, kept so that it stays readable offline. */
export interface BoardSnapshot {
  scope: string;
  fetchedAt: string;
  board: QuotaBoard;
}

/**
 * A push on its way: the outbox rows sent (still `queued`, seqs `firstSeq`..`lastSeq`) with no
 * answer yet. One meta row per batch instead of rewriting every op and record before the
 * request; while it is there its ops count as attempted (their payloads are frozen) and its
 * `pending` records read as `sent`. Left behind by a tab that closed mid-push, it is settled as
 * an unknown delivery at the next sync (src/client/db/sync-store.ts).
 */
export interface InFlightBatch {
  firstSeq: number;
  lastSeq: number;
  registrationIds: string[];
  /** When it was taken (the attempt's time). */
  at: string;
  /**
   * Records of the batch edited while it was on its way (a new update op): their answers are
   * stored the full way, since the record the phone holds is no longer the one sent.
   */
  edited?: string[];
}

/** Every key the phone keeps in `meta`, with its type: one list, so no two features disagree. */
export interface MetaValues {
  /** This phone's UUID: the one POST /devices returned, or made locally before enrolment. */
  deviceId: string;
  deviceName: string;
  /** Bearer token from enrolment; absent until the phone is enrolled. */
  token: string;
  role: Role;
  /** Operator: its village code; coordinator: a region prefix or `*`. */
  scope: string;
  /** The village this phone registers for (operator scope, or chosen before enrolment). */
  villageCode: string;
  /** Pull cursor: the highest server seq this phone has seen. */
  cursor: number;
  lastSyncAt: string;
  /** Last sync failure, in words for the operator (null after a good sync). */
  lastSyncError: string | null;
  /** Server time minus device time at the last sync, in ms. */
  clockOffsetMs: number;
  /** Whether navigator.storage.persist() was granted. */
  storagePersisted: boolean;
  locale: 'id' | 'en';
  /** Coordinator: the last quota board seen, with its time. */
  coordinatorBoard: BoardSnapshot;
  /** The card-handover event this phone is working on (a `distributionEvents` id). */
  distributionEventId: string;
  /** The programme's protection period for this phone's scope, from the last pull carrying one. */
  coveragePeriod: CoveragePeriod;
  /** Pushes sent and not answered yet, oldest first (at most two: see sync/phases.ts). */
  inFlight: InFlightBatch[];
  /** Contract Revision 2, R5: the server database's generation this phone last saw. */
  generation: string;
  /** While a re-push after a server restore is under way: how many ops it queued (restore.ts). */
  repushTotal: number;
}

/** Whether an outbox row belongs to a push on its way (its payload must not change). */
export function isInFlight(batches: readonly InFlightBatch[] | undefined, seq: number | undefined): boolean {
  return seq !== undefined && (batches ?? []).some((b) => seq >= b.firstSeq && seq <= b.lastSeq);
}

/** The in-flight batches with `registrationId` marked as edited in the batch that carries it. */
export function markEdited(batches: readonly InFlightBatch[], registrationId: string): InFlightBatch[] {
  return batches.map((b) => (b.registrationIds.includes(registrationId) && !b.edited?.includes(registrationId)
    ? { ...b, edited: [...(b.edited ?? []), registrationId] }
    : b));
}

export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(db: Desa100Db, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

/**
 * Several meta values in one read (one transaction, not one per key): the first screen and the
 * sync engine read three or four at a time, and each transaction costs the main thread.
 */
export async function getMetas<const K extends readonly MetaKey[]>(db: Desa100Db, keys: K): Promise<MetaTuple<K>> {
  const rows = await db.meta.bulkGet([...keys]);
  return rows.map((row) => row?.value) as MetaTuple<K>;
}

/** The values of `K`'s keys, in order, each possibly unset. */
type MetaTuple<K extends readonly MetaKey[]> = { -readonly [I in keyof K]: MetaValues[K[I]] | undefined };

export async function setMeta<K extends MetaKey>(db: Desa100Db, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: Desa100Db, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}
