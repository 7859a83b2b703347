import { PULL_MAX_LIMIT } from '../../shared/programme';
import type { CompactPushResponse, PositionalPushResponse, PushResponse } from '../../shared/protocol';
import { ApiFailure, apiRequest, encodeBody, type ApiAnswer, type ApiDeps, type EncodedBody } from './http';
import type { OutboxRow } from '../db/schema';
import type { SyncIdentity, SyncProgress, SyncStore } from './types';
import { isPullResponse, isPushResponse, matchResults, serverTimeOf } from './wire';

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
}

const iso = (ms: number) => new Date(ms).toISOString();

type PushAnswer = ApiAnswer<PushResponse | CompactPushResponse | PositionalPushResponse>;

const deliveryOf = (error: unknown) => (error instanceof ApiFailure ? error.delivery : 'unknown');

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
      // 3. Apply each op's result. A rejected op is set aside; it never blocks the ones after it.
      const results = matchResults(current, answer.body.results);
      if (!results) {
        // Answers that cannot be matched to the ops: applied, perhaps, so sent again as they were.
        await ctx.store.releaseBatch(current, 'unknown');
        throw new ApiFailure('bad-response', 'unknown');
      }
      const unanswered = await ctx.store.applyPushResults(current, results, iso(ctx.now()));
      // An op without a result stays queued; going round again would loop on it forever.
      if (unanswered > 0) throw new ApiFailure('bad-response', 'unknown');
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

/**
 * Compact answers (a contract addition), by position without the UUIDs, when the phone can
 * complete every applied result itself: creates (it sent the record) and updates (applied only
 * over the version it holds). A void or handover applies to whatever the server holds, which
 * may be newer than the phone's copy: those batches ask for full answers.
 */
function canTakeCompact(batch: OutboxRow[]): boolean {
  return batch.every((row) => row.op.type === 'registration.create' || row.op.type === 'registration.update');
}

/** A batch's push body, JSON and gzipped: made while the batch before it is at the server. */
function encodeBatch(ctx: PhaseContext, batch: OutboxRow[]): Promise<EncodedBody> {
  const body = {
    deviceId: ctx.identity.deviceId,
    ops: batch.map((row) => row.op),
    ...(canTakeCompact(batch) ? { results: 'positional' } : {}),
  };
  return encodeBody(ctx.api, body, ctx.gzip());
}

async function postBatch(ctx: PhaseContext, encoding: Promise<EncodedBody>): Promise<PushAnswer> {
  const encoded = await encoding;
  const send = (gzip: boolean) => apiRequest(ctx.api, {
    method: 'POST', path: '/sync/push', token: ctx.identity.token, encoded, accept: isPushResponse, gzip,
  });
  if (!ctx.gzip() || !encoded.gzipped) return send(false);
  try {
    return await send(true);
  } catch (error) {
    // A server (or proxy) that cannot read a gzipped body refuses the whole request, which the
    // contract says applies nothing: send it plain at once, and plain from now on.
    if (!(error instanceof ApiFailure) || (error.status !== 400 && error.status !== 415)) throw error;
    ctx.refuseGzip();
    return send(false);
  }
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
    // The page and the cursor are stored together: a crash between pages re-pulls, never skips.
    await ctx.store.applyPullPage(answer.body, iso(ctx.now()));
    pulled += answer.body.changes.length;
    if (!answer.body.hasMore) return pulled;
    if (answer.body.cursor <= cursor) throw new ApiFailure('bad-response', 'unknown');
    cursor = answer.body.cursor;
  }
}
