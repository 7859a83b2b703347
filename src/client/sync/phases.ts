import { PULL_MAX_LIMIT } from '../../shared/programme';
import type { PushResponse } from '../../shared/protocol';
import { ApiFailure, apiRequest, type ApiAnswer, type ApiDeps } from './http';
import type { OutboxRow } from '../db/schema';
import type { SyncIdentity, SyncProgress, SyncStore } from './types';
import { isPullResponse, isPushResponse, serverTimeOf } from './wire';

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

/** Push: every queued op, oldest first, in batches, until the outbox has nothing queued. */
export async function pushQueued(ctx: PhaseContext): Promise<number> {
  let sent = 0;
  for (;;) {
    // 1. Take the oldest queued ops; this counts the attempt and marks their records `sent`.
    const batch = await ctx.store.takeBatch(ctx.batchSize(), iso(ctx.now()));
    if (batch.length === 0) return sent;
    // The batch is still `queued` in the outbox, so it is inside `pending`.
    const total = sent + (await ctx.store.counts()).pending;
    ctx.onProgress({ sent, total });

    // 2. POST them. The same opIds go again after any failure: the server replays (rule 1).
    let answer: ApiAnswer<PushResponse>;
    try {
      answer = await postBatch(ctx, batch);
    } catch (error) {
      await ctx.store.releaseBatch(batch, error instanceof ApiFailure ? error.delivery : 'unknown');
      throw error;
    }
    ctx.onServerTime(answer, serverTimeOf(answer.body), false);

    // 3. Apply each op's result. A rejected op is set aside; it never blocks the ones after it.
    const unanswered = await ctx.store.applyPushResults(batch, answer.body.results, iso(ctx.now()));
    // An op without a result stays queued; going round again would loop on it forever.
    if (unanswered > 0) throw new ApiFailure('bad-response', 'unknown');
    sent += batch.length;
    ctx.onProgress({ sent, total: Math.max(total, sent) });
  }
}

async function postBatch(ctx: PhaseContext, batch: OutboxRow[]): Promise<ApiAnswer<PushResponse>> {
  const send = (gzip: boolean) => apiRequest(ctx.api, {
    method: 'POST',
    path: '/sync/push',
    token: ctx.identity.token,
    body: { deviceId: ctx.identity.deviceId, ops: batch.map((row) => row.op) },
    accept: isPushResponse,
    gzip,
  });
  if (!ctx.gzip()) return send(false);
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
      path: `/sync/pull?since=${cursor}&limit=${PULL_MAX_LIMIT}`,
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
