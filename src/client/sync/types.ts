import type { Role } from '../../shared/codes';
import type { CompactOpResult, OpResult, PullResponse } from '../../shared/protocol';
import type { OutboxRow } from '../db/schema';

// The engine's view of the world. It never touches IndexedDB itself: everything goes through
// a SyncStore (src/client/db/sync-store.ts), so that tests can run it over fake-indexeddb and
// the browser over the real thing, with the same code in between.

/** What the phone needs to talk to the server; null until the device is enrolled. */
export interface SyncIdentity {
  deviceId: string;
  token: string;
  role: Role;
  scope: string;
}

export interface SyncCounts {
  /** Outbox ops still to be pushed (queued, including those sent without an answer). */
  pending: number;
  /** Registrations the server refused, waiting for the operator to correct or discard. */
  rejected: number;
}

/**
 * After a failed push, did the request reach the server? `not-delivered`: surely not (the
 * server said 401/429/400, or we never sent it): registrations go back to `pending`.
 * `unknown`: the server may have applied it (lost answer, timeout, a proxy's 5xx): they
 * stay `sent`, and the same opIds are resent later (the server replays its first answer).
 */
export type Delivery = 'not-delivered' | 'unknown';

export interface SyncStatusSnapshot {
  lastSyncAt: string | null;
  /** i18n key of the last failure, null after a good sync. */
  lastSyncError: string | null;
  clockOffsetMs: number | null;
}

export interface SyncStore {
  identity(): Promise<SyncIdentity | null>;
  /**
   * Up to `limit` queued outbox rows in seq order (after outbox seq `after`, when a batch is
   * still on its way). In the same transaction one meta row records them as in flight, which
   * freezes their payloads (see the enrol repository) and shows their pending records as
   * `sent`; no row is rewritten. Without `after`, in-flight records left by a run that never
   * heard back are settled first as an unknown delivery.
   */
  takeBatch(limit: number, at: string, after?: number): Promise<OutboxRow[]>;
  /** A batch that got no answer: `unknown` counts its attempt and marks its records `sent`. */
  releaseBatch(rows: OutboxRow[], delivery: Delivery): Promise<void>;
  /**
   * Applies the server's answers (full, or compact: rebuilt from the ops) in one transaction;
   * returns how many rows got no answer (a broken server).
   */
  applyPushResults(rows: OutboxRow[], results: Array<OpResult | CompactOpResult>, at: string): Promise<number>;
  /**
   * Sets aside ops the server cannot process (quarantine.ts) with their registrations' later
   * queued ops: refused on this phone, kept for correction or discarding like a refusal.
   */
  quarantine(rows: OutboxRow[], at: string): Promise<void>;
  cursor(): Promise<number>;
  /** Stores one pull page and advances the cursor, in one transaction. */
  applyPullPage(page: PullResponse, at: string): Promise<void>;
  counts(): Promise<SyncCounts>;
  /** The server generation this phone last saw (contract Revision 2, R5), null before any. */
  generation(): Promise<string | null>;
  /** Stores the first generation seen. */
  adoptGeneration(generation: string): Promise<void>;
  /**
   * The server was restored: queues what this phone holds to be pushed again ahead of the
   * queued ops, resets the pull cursor and stores `generation`, in one transaction; returns how
   * many ops it queued (src/client/db/restore.ts). `answered`: the ops whose answer showed the
   * restore (their updates were refused against the old timeline's versions, perhaps).
   */
  queueRepush(generation: string, at: string, answered: readonly string[]): Promise<number>;
  /** Re-pushed ops still queued; once none is left the re-push is over (and forgotten). */
  repushLeft(): Promise<number>;
  /** Updates queued across a restore and refused as a version conflict, queued again rebased. */
  resendRebased(): Promise<number>;
  /**
   * Writes stored push answers into their records (src/client/db/answers.ts): run by the
   * engine after a sync, while the phone is idle; the screens read the answers before that too.
   */
  foldAnswers?(): Promise<number>;
  readStatus(): Promise<SyncStatusSnapshot>;
  recordSync(outcome: { at?: string; error: string | null; clockOffsetMs?: number }): Promise<void>;
  /** Live counts (a record saved by the enrol form raises `pending` at once). */
  watchCounts?(listener: (counts: SyncCounts) => void): () => void;
}

export type SyncErrorCode =
  | 'offline' | 'timeout' | 'server-unavailable' | 'bad-response' | 'unauthenticated'
  | 'rate-limited' | 'forbidden' | 'refused' | 'not-enrolled' | 'storage' | 'storage-full';

export interface SyncErrorState {
  code: SyncErrorCode;
  /** i18n key in src/client/i18n/messages/sync.ts. */
  messageKey: string;
  params?: Record<string, string | number>;
  at: string;
}

export interface SyncProgress {
  sent: number;
  total: number;
}

export interface SyncState {
  running: boolean;
  phase: 'idle' | 'push' | 'pull';
  lastSyncAt: string | null;
  lastError: SyncErrorState | null;
  /** Null until the engine has read the outbox: the band says nothing rather than "Semua terkirim". */
  pendingCount: number | null;
  rejectedCount: number | null;
  clockOffsetMs: number | null;
  /** |offset| over five minutes: capture times and coverage months may be wrong. */
  clockFarOff: boolean;
  progress: SyncProgress | null;
  /** When the timer will try next (ms since epoch, device clock), null when none is set. */
  nextAttemptAt: number | null;
  /** True after a 401: nothing runs by itself until the device is enrolled again. */
  halted: boolean;
  /** While records are pushed again to a server restored from a backup: how many ops. */
  restoring: number | null;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
