import { PULL_MAX_LIMIT } from '../../shared/programme';
import { ApiFailure, apiRequest, type ApiAnswer, type ApiDeps } from './http';
import type { OutboxRow } from '../db/schema';
import { deliveryOf, encodeBatch, iso, postBatch, storeAnswer, type PushAnswer } from './push-batch';
import { isolate, type FailureStreak } from './quarantine';
import type { SyncIdentity, SyncProgress, SyncStore } from './types';
import { isPullResponse, serverTimeOf } from './wire';

// The two halves of one sync, step by step against ../shared/spec/sync-protocol.md.

export interface PhaseContext {
  store: SyncStore;
  api: ApiDeps;
  identity: SyncIdentity;
  now: () => number;
  /** Ops per push: 500 (the contract's maximum) unless timeouts taught us to send less. */
  batchSize: () => number;
  /** Whether to gzip pushes; `refuseGzip` after a server that cannot read them. */
  gzip: () => boolean;
  refuseGzip: () => void;
  onProgress: (progress: SyncProgress) => void;
  /** A server clock reading; `fromDateHeader` readings are only whole seconds. */
  onServerTime: (answer: ApiAnswer<unknown>, serverMs: number | null, fromDateHeader: boolean) => void;
  /** How often the batch at the head of the queue failed with a server error (quarantine.ts). */
  streak: FailureStreak;
  /** Checks an answer's generation; throws ServerRestored on another one (generation.ts). */
  seeGeneration: (body: unknown, answered?: readonly string[]) => Promise<void>;
}

/**
 * Push: every queued op, oldest first, in batches, until the outbox has nothing queued.
 * Pipelined: while one batch is at the server the next is read, and it leaves as soon as the
 * answer is in, while the phone stores that answer. Ops never overtake each other and a
 * registration is never in two requests at once: a batch is sent only after the one before it
 * was answered.
 */
export async function pushQueued(ctx: PhaseContext): Promise<number> {
  // 1. The oldest queued ops: recorded as in flight (one meta row), nothing else rewritten.
  let current = await ctx.store.takeBatch(ctx.batchSize(), iso(ctx.now()));
  if (current.length === 0) return 0;
  // A batch the server keeps failing on: split it to find the op it cannot process.
  if (ctx.streak.due(current)) return (await isolate(ctx, current)) + (await pushQueued(ctx));
  // 2. POST them. The same opIds go again after any failure: the server replays (rule 1).
  let sending = postBatch(ctx, encodeBatch(ctx, current));
  // Awaited below; until then a failure is not "unhandled".
  sending.catch(() => undefined);
  // Counted once, while the first batch is on its way (counting 10,000 queued ops takes about
  // 0.1 s): the batch is still `queued`, so inside `pending`; progress is then added up. Only
  // the progress bar needs it, so a count that fails shows this batch as the whole.
  const total = await ctx.store.counts().then((c) => c.pending, () => current.length);
  let sent = 0;
  ctx.onProgress({ sent, total });
  for (;;) {
    const lastSeq = current.at(-1)?.seq as number;
    // The next batch is read and encoded while this one is at the server.
    const taking = ctx.store.takeBatch(ctx.batchSize(), iso(ctx.now()), lastSeq)
      .then((rows) => ({ rows, encoding: rows.length > 0 ? encodeBatch(ctx, rows) : null, failure: null }),
        (error: unknown) => ({ rows: [] as OutboxRow[], encoding: null, failure: { error } }));
    let answer: PushAnswer;
    try {
      answer = await sending;
    } catch (error) {
      const next = await taking;
      if (next.rows.length > 0) await ctx.store.releaseBatch(next.rows, 'not-delivered');
      await ctx.store.releaseBatch(current, deliveryOf(error));
      ctx.streak.failed(current, error);
      throw error;
    }
    ctx.onServerTime(answer, serverTimeOf(answer.body), false);
    const next = await taking;
    // The next batch goes out before this answer is stored: the server works while the phone writes.
    if (next.rows.length > 0 && next.encoding) {
      sending = postBatch(ctx, next.encoding);
      // Awaited below, after the answer in hand is stored; until then a failure is not "unhandled".
      sending.catch(() => undefined);
    }
    try {
      // 3. Apply each op's result.
      await storeAnswer(ctx, current, answer);
      if (next.failure) throw next.failure.error;
    } catch (error) {
      if (next.rows.length > 0) await abandon(ctx, sending, next.rows);
      throw error;
    }
    sent += current.length;
    ctx.onProgress({ sent, total: Math.max(total, sent) });
    if (next.rows.length === 0) return sent;
    current = next.rows;
  }
}

/** A batch already sent when the run must stop: its answer is not stored, so it may have landed. */
async function abandon(ctx: PhaseContext, sending: Promise<PushAnswer>, rows: OutboxRow[]): Promise<void> {
  const delivery = await sending.then(() => 'unknown' as const, deliveryOf);
  await ctx.store.releaseBatch(rows, delivery).catch(() => undefined);
}

/** Pull: pages of changes after the cursor until the server says there are no more. */
export async function pullChanges(ctx: PhaseContext): Promise<number> {
  let cursor = await ctx.store.cursor();
  let pulled = 0;
  for (;;) {
    // The largest page the server allows: fewer round trips on a high-latency line.
    const answer = await apiRequest(ctx.api, {
      method: 'GET',
      // `device`: a contract addition; this phone's own pushes are left out (it stored their answers).
      path: `/sync/pull?since=${cursor}&limit=${PULL_MAX_LIMIT}&device=${encodeURIComponent(ctx.identity.deviceId)}`,
      token: ctx.identity.token,
      accept: isPullResponse,
    });
    // Pull answers carry no serverTime: the Date header is the clock reading.
    ctx.onServerTime(answer, answer.serverDate, true);
    // A restored server's page is not stored: the pull starts again from 0 after the re-push.
    await ctx.seeGeneration(answer.body);
    // The page and the cursor are stored together: a crash between pages re-pulls, never skips.
    await ctx.store.applyPullPage(answer.body, iso(ctx.now()));
    pulled += answer.body.changes.length;
    if (!answer.body.hasMore) return pulled;
    if (answer.body.cursor <= cursor) throw new ApiFailure('bad-response', 'unknown');
    cursor = answer.body.cursor;
  }
}
